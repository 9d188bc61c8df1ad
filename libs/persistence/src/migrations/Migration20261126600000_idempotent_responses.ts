import { Migration } from '@mikro-orm/migrations';

/** The first answer to a keyed request, so a retry gets exactly that answer without acting again. */
export class Migration20261126600000_idempotent_responses extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table idempotent_request add column response_status integer null, add column response jsonb null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table idempotent_request drop column response, drop column response_status`);
  }
}
