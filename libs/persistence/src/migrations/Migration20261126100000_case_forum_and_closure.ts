import { Migration } from '@mikro-orm/migrations';

/** The oversight forum and closure on the case row; risk may be unknown until the case is triaged. */
export class Migration20261126100000_case_forum_and_closure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table asb_case alter column risk_level drop not null`);
    this.addSql(`alter table asb_case add column forum text not null default 'GENERAL_CASEWORK'`);
    this.addSql(`alter table asb_case add column closure_reason text null`);
    this.addSql(`alter table asb_case add column closed_at timestamptz null`);
    this.addSql(`create index asb_case_forum_idx on asb_case (forum) where forum <> 'GENERAL_CASEWORK'`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists asb_case_forum_idx`);
    this.addSql(`alter table asb_case drop column closed_at, drop column closure_reason, drop column forum`);
  }
}
