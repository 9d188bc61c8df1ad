import { Migration } from '@mikro-orm/migrations';

/** A deadline planned from an entry made after it happened (a notice served yesterday, entered today) says so in the ledger. */
export class Migration20261201100000_late_entry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table case_deadline add column late boolean not null default false`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table case_deadline drop column if exists late`);
  }
}
