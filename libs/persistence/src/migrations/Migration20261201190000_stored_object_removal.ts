import { Migration } from '@mikro-orm/migrations';

/**
 * At the end of retention a case's generated documents and evidence lose their bytes, and the rows that
 * say they existed lose what names people. Each table's trigger still refuses any other change: a
 * document row may only have `removed_at` set, once; an evidence row may, in the same update, have its
 * description, provider, file name and withdrawal reason replaced, and nothing else.
 */
export class Migration20261201190000_stored_object_removal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table case_document add column removed_at timestamptz null`);
    this.addSql(`
      create or replace function case_document_is_immutable() returns trigger language plpgsql as $$
      begin
        if old.removed_at is null and new.removed_at is not null and (to_jsonb(new) - 'removed_at') = (to_jsonb(old) - 'removed_at') then
          return new;
        end if;
        raise exception 'a generated document is immutable: issue it again instead of changing it'
          using errcode = 'insufficient_privilege';
      end $$`);
    this.addSql(`
      create or replace function case_evidence_is_immutable() returns trigger language plpgsql as $$
      declare
        named_people constant text[] := array['description', 'provided_by', 'file_name', 'withdrawal_reason'];
        recorded_once constant text[] := array['withdrawn_at', 'withdrawn_by', 'withdrawal_reason', 'removed_at'];
      begin
        if old.removed_at is null and new.removed_at is not null
           and (to_jsonb(new) - named_people - 'removed_at') = (to_jsonb(old) - named_people - 'removed_at') then
          return new;
        end if;
        if (to_jsonb(new) - recorded_once) is distinct from (to_jsonb(old) - recorded_once)
           or (old.withdrawn_at is not null and (new.withdrawn_at, new.withdrawn_by, new.withdrawal_reason) is distinct from (old.withdrawn_at, old.withdrawn_by, old.withdrawal_reason))
           or new.removed_at is distinct from old.removed_at then
          raise exception 'evidence is immutable: only its withdrawal and its removal are recorded, each once'
            using errcode = 'insufficient_privilege';
        end if;
        return new;
      end $$`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      create or replace function case_document_is_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'a generated document is immutable: issue it again instead of changing it'
          using errcode = 'insufficient_privilege';
      end $$`);
    this.addSql(`alter table case_document drop column removed_at`);
  }
}
