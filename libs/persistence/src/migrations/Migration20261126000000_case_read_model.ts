import { Migration } from '@mikro-orm/migrations';

export class Migration20261126000000_case_read_model extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table asb_case (
        reference text primary key,
        version integer not null,
        stage text not null,
        type text not null,
        category text not null,
        channel text not null,
        summary text not null,
        risk_level text not null,
        team text not null,
        caseworker text null,
        address text null,
        ward text null,
        priority_neighbourhood boolean not null default false,
        policy_version text not null,
        opened_at timestamptz not null,
        opened_by text not null,
        review_count integer not null default 0,
        last_reviewed_at timestamptz null,
        next_review_due_on date null,
        next_review_due_at timestamptz null,
        updated_at timestamptz not null
      )`);
    this.addSql(`create index asb_case_team_stage_idx on asb_case (team, stage)`);
    this.addSql(`create index asb_case_caseworker_idx on asb_case (caseworker) where caseworker is not null`);
    this.addSql(`create index asb_case_next_review_idx on asb_case (next_review_due_at) where next_review_due_at is not null`);

    this.addSql(`
      create table case_deadline (
        reference text not null references asb_case (reference),
        deadline_id text not null,
        kind text not null,
        due_on date not null,
        due_at timestamptz not null,
        status text not null,
        reason text not null,
        planned_at timestamptz not null,
        resolved_at timestamptz null,
        resolution text null,
        primary key (reference, deadline_id)
      )`);
    this.addSql(`create index case_deadline_pending_idx on case_deadline (due_at) where status = 'PENDING'`);

    this.addSql(`
      create table case_timeline_entry (
        reference text not null references asb_case (reference),
        seq integer not null,
        kind text not null,
        at timestamptz not null,
        actor text not null,
        summary text not null,
        data jsonb null,
        primary key (reference, seq)
      )`);

    // One row a year: the next reference is taken under the row lock, so references never repeat.
    this.addSql(`create table case_reference_sequence (year integer primary key, last_sequence integer not null)`);

    this.addSql(`
      create table idempotent_request (
        idempotency_key text primary key,
        request_hash text not null,
        reference text not null,
        created_at timestamptz not null default now()
      )`);

    this.addSql(`
      create table outbox_message (
        message_key text primary key,
        kind text not null,
        reference text not null,
        recipients jsonb not null,
        subject text not null,
        message_id text not null unique,
        status text not null,
        attempts integer not null default 0,
        last_error text null,
        created_at timestamptz not null default now(),
        sent_at timestamptz null
      )`);
  }

  override async down(): Promise<void> {
    for (const table of ['outbox_message', 'idempotent_request', 'case_reference_sequence', 'case_timeline_entry', 'case_deadline', 'asb_case']) {
      this.addSql(`drop table if exists ${table}`);
    }
  }
}
