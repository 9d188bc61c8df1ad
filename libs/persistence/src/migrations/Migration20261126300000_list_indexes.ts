import { Migration } from '@mikro-orm/migrations';

/** Indexes for the case list's filters and sort orders, the manager's overview and the legal queue. */
export class Migration20261126300000_list_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index asb_case_opened_idx on asb_case (opened_at desc, reference desc)`);
    this.addSql(`create index asb_case_team_opened_idx on asb_case (team, opened_at desc, reference desc)`);
    this.addSql(`create index asb_case_stage_idx on asb_case (stage)`);
    this.addSql(`create index asb_case_risk_idx on asb_case (risk_level)`);
    this.addSql(`create index asb_case_type_category_idx on asb_case (type, category)`);
    this.addSql(`create index asb_case_ward_idx on asb_case (ward) where ward is not null`);
    this.addSql(`create index case_deadline_missed_idx on case_deadline (reference, kind) where status = 'MISSED'`);
    this.addSql(`create index case_deadline_kind_due_idx on case_deadline (kind, due_at) where status = 'PENDING'`);
  }

  override async down(): Promise<void> {
    for (const index of ['asb_case_opened_idx', 'asb_case_team_opened_idx', 'asb_case_stage_idx', 'asb_case_risk_idx', 'asb_case_type_category_idx', 'asb_case_ward_idx', 'case_deadline_missed_idx', 'case_deadline_kind_due_idx']) {
      this.addSql(`drop index if exists ${index}`);
    }
  }
}
