import { Migration } from '@mikro-orm/migrations';

/** Actions assigned to partner agencies: what each agency sees, and what the JAG agenda lists when overdue. */
export class Migration20261126500000_partner_actions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table partner_action (
        reference text not null references asb_case (reference),
        action_id text not null,
        agency text not null,
        description text not null,
        due_on date not null,
        forum text null,
        assigned_by text not null,
        assigned_at timestamptz not null,
        completed_at timestamptz null,
        completed_by text null,
        outcome text null,
        -- From the case's deadline ledger: the workflow, not this database's clock, decides when an action is missed.
        deadline_missed boolean not null default false,
        primary key (reference, action_id)
      )`);
    this.addSql(`create index partner_action_agency_idx on partner_action (agency, due_on) where completed_at is null`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists partner_action`);
  }
}
