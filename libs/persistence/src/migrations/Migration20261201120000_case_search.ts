import { Migration } from '@mikro-orm/migrations';

/**
 * Finding a case by a person, a place or what was reported (`GET /cases?q=`): trigram indexes (pg_trgm)
 * for names and addresses, which match a misspelt name or a postcode typed without its space, and a
 * full-text index for summaries. A party's date of birth is matched exactly.
 */
export class Migration20261201120000_case_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm`);
    this.addSql(`create index case_party_name_trgm_idx on case_party using gin (name gin_trgm_ops)`);
    this.addSql(`create index case_party_date_of_birth_idx on case_party (date_of_birth) where date_of_birth is not null`);
    this.addSql(`create index asb_case_address_trgm_idx on asb_case using gin (address gin_trgm_ops) where address is not null`);
    // Stored, so that ranking the matches of a common word reads each case's vector instead of parsing its summary again.
    this.addSql(`alter table asb_case add column summary_words tsvector generated always as (to_tsvector('english', summary)) stored`);
    this.addSql(`create index asb_case_summary_words_idx on asb_case using gin (summary_words)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists asb_case_summary_words_idx`);
    this.addSql(`alter table asb_case drop column if exists summary_words`);
    this.addSql(`drop index if exists asb_case_address_trgm_idx`);
    this.addSql(`drop index if exists case_party_date_of_birth_idx`);
    this.addSql(`drop index if exists case_party_name_trgm_idx`);
  }
}
