import { Migration } from '@mikro-orm/migrations';

/**
 * Public Spaces Protection Orders (ASBCPA 2014 ss.59-75; docs/pspo.md), records of their own, not cases.
 * `pspo` is the order as it stands; its consultations, its decisions (made, extended, varied, discharged,
 * each with the terms it left the order in, so past terms are never lost) and its breaches with their
 * fixed penalty are history: a trigger refuses to change or delete a row of them.
 */
export class Migration20261201200000_pspo extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table pspo (
        pspo_id text primary key,
        version integer not null,
        title text not null,
        area_description text not null,
        area_geometry jsonb null,
        prohibitions jsonb not null,
        requirements jsonb not null,
        made_on date not null,
        expires_on date not null,
        last_extended_on date null,
        owner text not null,
        status text not null check (status in ('IN_FORCE', 'EXPIRED', 'DISCHARGED')),
        discharged_on date null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table pspo_consultation (
        id bigserial primary key,
        pspo_id text not null references pspo (pspo_id),
        consultation_id text not null,
        purpose text not null check (purpose in ('MAKE', 'EXTEND', 'VARY', 'DISCHARGE')),
        published_on date not null,
        closed_on date not null,
        consultees jsonb not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        unique (pspo_id, consultation_id)
      )`);
    this.addSql(`
      create table pspo_decision (
        id bigserial primary key,
        pspo_id text not null references pspo (pspo_id),
        seq integer not null,
        kind text not null check (kind in ('MAKE', 'EXTEND', 'VARY', 'DISCHARGE')),
        decided_on date not null,
        decided_by text not null,
        consultation_id text not null,
        reason text not null,
        expiry_from date null,
        expiry_to date null,
        -- The area, prohibitions and requirements as the decision left them: a variation's earlier terms stay here.
        terms jsonb not null,
        recorded_at timestamptz not null default now(),
        unique (pspo_id, seq)
      )`);
    this.addSql(`
      create table pspo_breach (
        breach_id uuid primary key,
        pspo_id text not null references pspo (pspo_id),
        occurred_on date not null,
        offence text not null check (offence in ('FAILURE_TO_COMPLY', 'ALCOHOL_REQUIREMENT')),
        description text not null,
        recorded_by text not null,
        case_reference text null,
        penalty_issued_on date null,
        -- In pence, so that sums are exact.
        penalty_amount_pence integer null check (penalty_amount_pence > 0),
        recorded_at timestamptz not null default now()
      )`);
    this.addSql(`create index pspo_breach_pspo_id_idx on pspo_breach (pspo_id, occurred_on)`);
    this.addSql(`
      create function pspo_history_is_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'the history of a PSPO (%) is immutable: a change is a new decision', tg_table_name
          using errcode = 'insufficient_privilege';
      end $$`);
    for (const table of ['pspo_consultation', 'pspo_decision', 'pspo_breach']) {
      this.addSql(`create trigger ${table}_immutable before update or delete on ${table} for each row execute function pspo_history_is_immutable()`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table pspo_breach`);
    this.addSql(`drop table pspo_decision`);
    this.addSql(`drop table pspo_consultation`);
    this.addSql(`drop table pspo`);
    this.addSql(`drop function pspo_history_is_immutable()`);
  }
}
