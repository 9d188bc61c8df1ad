import { Migration } from '@mikro-orm/migrations';

/**
 * Changes of a case that PostgreSQL refused for good (a data exception, a broken constraint): what was
 * being done and why it was refused, never the data. Not tied to asb_case, as a case whose opening
 * was refused has no row there.
 */
export class Migration20261201000000_case_save_failures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table case_save_failure (
        failure_id text primary key,
        reference text not null,
        operation text not null,
        sql_state text not null,
        condition text not null,
        message text not null,
        failed_at timestamptz not null,
        recorded_at timestamptz not null default now()
      )`);
    this.addSql(`create index case_save_failure_recorded_idx on case_save_failure (recorded_at desc)`);
    this.addSql(`create index case_save_failure_reference_idx on case_save_failure (reference, failed_at desc)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists case_save_failure`);
  }
}
