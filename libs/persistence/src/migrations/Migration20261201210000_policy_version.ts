import { Migration } from '@mikro-orm/migrations';

/**
 * Policy versions administered without a release: admins draft one (whole, or based on a published
 * version), another admin approves it, and it is published. The versions shipped in code stay where
 * they are (published, approved by "the release"); these rows add to them. A trigger holds the
 * lifecycle: a row is inserted as a draft, becomes PUBLISHED only with an approver other than its
 * author, and once published never changes and is never deleted (cases carry it by id and whole).
 * `applies_to_open_cases_from`: where the version names the open cases it applies to from a date,
 * for the fan-out that moves them (issue 15 part 4).
 */
export class Migration20261201210000_policy_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table policy_version (
        id text primary key,
        effective_from date not null,
        local jsonb not null,
        statutory jsonb not null,
        status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
        based_on text null,
        applies_to_open_cases_from date null,
        drafted_by text not null,
        drafted_at timestamptz not null default now(),
        approved_by text null,
        approved_at timestamptz null
      )`);
    this.addSql(`
      create function policy_version_lifecycle() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' and new.status <> 'DRAFT' then
          raise exception 'a policy version is inserted as a draft and published by approval' using errcode = 'check_violation';
        end if;
        if tg_op in ('UPDATE', 'DELETE') and old.status = 'PUBLISHED' then
          raise exception 'a published policy version never changes: draft a new one' using errcode = 'insufficient_privilege';
        end if;
        if tg_op = 'DELETE' then
          return old;
        end if;
        if new.status = 'PUBLISHED' and (new.approved_by is null or new.approved_at is null or new.approved_by = new.drafted_by) then
          raise exception 'a policy version is published by the approval of an admin other than its author' using errcode = 'check_violation';
        end if;
        return new;
      end $$`);
    this.addSql(`create trigger policy_version_lifecycle before insert or update or delete on policy_version for each row execute function policy_version_lifecycle()`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table policy_version`);
    this.addSql(`drop function policy_version_lifecycle()`);
  }
}
