import { Migration } from '@mikro-orm/migrations';

/**
 * The rest of the notices (issue 14): the written warning, the Acceptable Behaviour Contract, the
 * closure notice, the letter telling a complainant the case is closed and the ASB Case Review outcome
 * letter. A letter's `step_id` holds what it is the paper of: the complainant's id or the Case Review's.
 *
 * Versions: each document of one step (or letter's subject) and kind is numbered 1, 2, … in the order
 * made, the highest being current; a re-issue is a new row, the old kept. A notice the service makes
 * when its step is recorded is `made_on_record`, at most one per step and kind, so an activity retried
 * after it stored its row finds that row and makes no second.
 */
export class Migration20261201170000_document_kinds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table case_document drop constraint case_document_kind_check`);
    this.addSql(`
      alter table case_document add constraint case_document_kind_check check (kind in (
        'WRITTEN_WARNING', 'ACCEPTABLE_BEHAVIOUR_CONTRACT', 'COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE',
        'FIXED_PENALTY_NOTICE', 'CLOSURE_NOTICE', 'CASE_CLOSED_LETTER', 'CASE_REVIEW_OUTCOME_LETTER'))`);
    this.addSql(`alter table case_document add column version integer not null default 1 check (version > 0)`);
    this.addSql(`alter table case_document add column made_on_record boolean not null default false`);
    // The documents already made are numbered in the order they were made; the trigger that keeps rows
    // unchanged is paused for that one statement.
    this.addSql(`alter table case_document disable trigger case_document_no_update`);
    this.addSql(`
      update case_document d set version = numbered.version
      from (select document_id, row_number() over (partition by reference, step_id, kind order by generated_at, document_id) as version from case_document) numbered
      where numbered.document_id = d.document_id`);
    this.addSql(`alter table case_document enable trigger case_document_no_update`);
    this.addSql(`alter table case_document add constraint case_document_version_key unique (reference, step_id, kind, version)`);
    this.addSql(`create unique index case_document_made_on_record_key on case_document (reference, step_id, kind) where made_on_record`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index case_document_made_on_record_key`);
    this.addSql(`alter table case_document drop constraint case_document_version_key`);
    this.addSql(`alter table case_document drop column made_on_record`);
    this.addSql(`alter table case_document drop column version`);
    this.addSql(`alter table case_document drop constraint case_document_kind_check`);
    this.addSql(`alter table case_document add constraint case_document_kind_check check (kind in ('COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE', 'FIXED_PENALTY_NOTICE'))`);
  }
}
