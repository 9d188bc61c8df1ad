import { Migration } from '@mikro-orm/migrations';

/** Which partner agencies see which cases, and how much of them. */
export class Migration20261126400000_case_shares extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table case_share (
        reference text not null references asb_case (reference),
        agency text not null,
        summary_only boolean not null,
        shared_by text not null,
        shared_at timestamptz not null,
        primary key (reference, agency)
      )`);
    this.addSql(`create index case_share_agency_idx on case_share (agency, reference)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists case_share`);
  }
}
