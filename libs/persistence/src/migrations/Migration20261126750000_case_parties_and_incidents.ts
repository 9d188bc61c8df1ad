import { Migration } from '@mikro-orm/migrations';

/**
 * The people on each case and the incidents as reported, so that questions across cases can be
 * answered from PostgreSQL: complaints about the same victim or place (the ASB Case Review
 * threshold), and, later, everything held about one person.
 */
export class Migration20261126750000_case_parties_and_incidents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table case_party (
        reference text not null references asb_case (reference),
        party_id text not null,
        role text not null check (role in ('COMPLAINANT', 'SUBJECT')),
        name text not null,
        date_of_birth date null,
        primary key (reference, role, party_id)
      )`);
    // People are matched across cases by name, whatever its case and spacing.
    this.addSql(`create index case_party_name_idx on case_party (lower(regexp_replace(trim(name), '\\s+', ' ', 'g')))`);
    this.addSql(`
      create table case_incident (
        reference text not null references asb_case (reference),
        incident_id text not null,
        occurred_at timestamptz not null,
        reported_at timestamptz not null,
        primary key (reference, incident_id)
      )`);
    this.addSql(`create index asb_case_address_idx on asb_case (lower(regexp_replace(trim(address), '\\s+', ' ', 'g'))) where address is not null`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists case_incident`);
    this.addSql(`drop table if exists case_party`);
    this.addSql(`drop index if exists asb_case_address_idx`);
  }
}
