import { Migration } from '@mikro-orm/migrations';

/**
 * The whole case file, as the workflow last reported it, beside the read model. A closed case's
 * workflow history is deleted after the namespace's retention, so what the partnership holds about a
 * person (a subject access request) is answered from here, not from Temporal. A table of its own, not
 * a column of asb_case, so that lists of cases do not carry every file. A case not saved since this
 * table was added has no row until its next change.
 */
export class Migration20261126760000_case_file_document extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table case_file (
        reference text primary key references asb_case (reference),
        version integer not null,
        file jsonb not null
      )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists case_file`);
  }
}
