import { Migration } from '@mikro-orm/migrations';

/**
 * Documents generated for a case: which notice, for which step, worded by which template version,
 * where its bytes are kept and their SHA-256. A row is never changed (a trigger refuses UPDATE): a
 * notice issued again is a new row. Deleting stays possible for anonymisation at the end of retention.
 */
export class Migration20261201160000_case_document extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table case_document (
        document_id uuid primary key,
        reference text not null,
        kind text not null check (kind in ('COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE', 'FIXED_PENALTY_NOTICE')),
        step_id text not null,
        template_version text not null,
        title text not null,
        content_type text not null,
        object_key text not null unique,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes integer not null check (size_bytes > 0),
        generated_by text not null,
        generated_at timestamptz not null default now()
      )`);
    this.addSql(`create index case_document_reference_idx on case_document (reference, generated_at)`);
    this.addSql(`
      create function case_document_is_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'a generated document is immutable: issue it again instead of changing it'
          using errcode = 'insufficient_privilege';
      end $$`);
    this.addSql(`create trigger case_document_no_update before update on case_document for each row execute function case_document_is_immutable()`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table case_document`);
    this.addSql(`drop function case_document_is_immutable()`);
  }
}
