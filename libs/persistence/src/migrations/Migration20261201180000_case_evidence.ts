import { Migration } from '@mikro-orm/migrations';

/**
 * Evidence kept with a case: what it is, the incident it supports, who provided it and when, and
 * where its bytes are kept with their SHA-256. Evidence is immutable: a trigger refuses every UPDATE
 * but two, each once, from empty: recording its withdrawal (when, by whom, why), and recording that
 * anonymisation removed its bytes (`removed_at`). Withdrawn evidence stays listed, marked.
 */
export class Migration20261201180000_case_evidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table case_evidence (
        evidence_id uuid primary key,
        reference text not null,
        description text not null,
        incident_id text not null,
        provided_by text not null,
        provided_on date not null,
        file_name text not null,
        content_type text not null,
        object_key text not null unique,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint not null check (size_bytes > 0),
        uploaded_by text not null,
        uploaded_at timestamptz not null default now(),
        withdrawn_at timestamptz null,
        withdrawn_by text null,
        withdrawal_reason text null,
        removed_at timestamptz null
      )`);
    this.addSql(`create index case_evidence_reference_idx on case_evidence (reference, uploaded_at)`);
    this.addSql(`
      create function case_evidence_is_immutable() returns trigger language plpgsql as $$
      begin
        if (to_jsonb(new) - array['withdrawn_at', 'withdrawn_by', 'withdrawal_reason', 'removed_at'])
             is distinct from (to_jsonb(old) - array['withdrawn_at', 'withdrawn_by', 'withdrawal_reason', 'removed_at'])
           or (old.withdrawn_at is not null and (new.withdrawn_at, new.withdrawn_by, new.withdrawal_reason) is distinct from (old.withdrawn_at, old.withdrawn_by, old.withdrawal_reason))
           or (old.removed_at is not null and new.removed_at is distinct from old.removed_at) then
          raise exception 'evidence is immutable: only its withdrawal and its removal are recorded, each once'
            using errcode = 'insufficient_privilege';
        end if;
        return new;
      end $$`);
    this.addSql(`create trigger case_evidence_no_update before update on case_evidence for each row execute function case_evidence_is_immutable()`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table case_evidence`);
    this.addSql(`drop function case_evidence_is_immutable()`);
  }
}
