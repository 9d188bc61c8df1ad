import { Migration } from '@mikro-orm/migrations';

/** MAG and JAG meetings: each with the agenda it was sent, and the decisions it made per case. */
export class Migration20261126780000_forum_meetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table forum_meeting (
        meeting_id text primary key,
        forum text not null check (forum in ('MAG', 'JAG')),
        held_on date not null,
        agenda jsonb not null,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index forum_meeting_forum_idx on forum_meeting (forum, held_on desc)`);
    this.addSql(`
      create table forum_decision (
        id bigserial primary key,
        meeting_id text not null references forum_meeting (meeting_id),
        reference text not null references asb_case (reference),
        decision text not null,
        -- What the decision is about within the case: the agency of an action assigned; '' otherwise.
        subject text not null default '',
        reason text not null,
        detail jsonb null,
        decided_by text not null,
        decided_at timestamptz not null default now(),
        unique (meeting_id, reference, decision, subject)
      )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists forum_decision`);
    this.addSql(`drop table if exists forum_meeting`);
  }
}
