import { Migration } from '@mikro-orm/migrations';

/**
 * Whether a case's review is overdue, kept on the case row (the writer evaluates it with every save)
 * and indexed where true. The overdue list tested every case newer than the fiftieth overdue one: at
 * 100,000 cases, with the newest 11,000 on time, 40-60 ms a page (`npm run bench`); now a few ms.
 */
export class Migration20261126810000_case_review_overdue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table asb_case add column review_overdue boolean not null default false`);
    this.addSql(`
      update asb_case c set review_overdue = true
      where exists (select 1 from case_deadline d where d.reference = c.reference and d.status = 'MISSED'
        and d.kind in ('CASE_REVIEW', 'REVIEW_ESCALATION') and (c.last_reviewed_at is null or c.last_reviewed_at < d.due_at))`);
    this.addSql(`create index asb_case_overdue_opened_idx on asb_case (opened_at desc, reference desc) where review_overdue`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists asb_case_overdue_opened_idx`);
    this.addSql(`alter table asb_case drop column review_overdue`);
  }
}
