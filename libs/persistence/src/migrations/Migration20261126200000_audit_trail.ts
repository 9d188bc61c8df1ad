import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail: every view, search and change. Append-only for everyone who connects, the
 * service's own role included: a trigger refuses UPDATE, DELETE and TRUNCATE, so an entry, once
 * written, stands. (Only a schema owner dropping the trigger could change that, and that is itself a
 * migration, reviewed and recorded.)
 */
export class Migration20261126200000_audit_trail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table audit_event (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor text not null,
        roles jsonb not null,
        action text not null,
        reference text null,
        method text not null,
        path text not null,
        status integer not null,
        before jsonb null,
        after jsonb null
      )`);
    this.addSql(`create index audit_event_reference_idx on audit_event (reference, at) where reference is not null`);
    this.addSql(`create index audit_event_actor_idx on audit_event (actor, at)`);
    this.addSql(`
      create function audit_event_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit trail is append-only: % on audit_event is not allowed', tg_op
          using errcode = 'insufficient_privilege';
      end $$`);
    this.addSql(`create trigger audit_event_no_update_or_delete before update or delete on audit_event for each row execute function audit_event_is_append_only()`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_is_append_only()`);
    this.addSql(`revoke update, delete, truncate on audit_event from public`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists audit_event`);
    this.addSql(`drop function if exists audit_event_is_append_only()`);
  }
}
