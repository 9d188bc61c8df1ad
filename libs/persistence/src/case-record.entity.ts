import { defineEntity, p } from '@mikro-orm/core';

/** The read model of one case: what lists and detail pages show without asking the worker. */
export const CaseRecord = defineEntity({
  name: 'CaseRecord',
  tableName: 'asb_case',
  properties: {
    reference: p.text().primary(),
    version: p.integer(),
    stage: p.text(),
    type: p.text(),
    category: p.text(),
    channel: p.text(),
    summary: p.text(),
    riskLevel: p.text().nullable(),
    forum: p.text().default('GENERAL_CASEWORK'),
    closureReason: p.text().nullable(),
    closedAt: p.datetime().nullable(),
    team: p.text(),
    caseworker: p.text().nullable(),
    address: p.text().nullable(),
    ward: p.text().nullable(),
    priorityNeighbourhood: p.boolean().default(false),
    policyVersion: p.text(),
    openedAt: p.datetime(),
    openedBy: p.text(),
    reviewCount: p.integer().default(0),
    lastReviewedAt: p.datetime().nullable(),
    nextReviewDueOn: p.string().columnType('date').nullable(),
    nextReviewDueAt: p.datetime().nullable(),
    updatedAt: p.datetime(),
    /** `reviewOverdue` of the case file (libs/domain) as last saved, kept for the overdue list's partial index. */
    reviewOverdue: p.boolean().default(false),
    /** The summary's words for full-text search (migration case_search); PostgreSQL computes it, nothing reads it as a value. */
    summaryWords: p.string().columnType('tsvector').generated(`(to_tsvector('english', summary)) stored`).lazy().hidden().nullable(),
  },
});
export type CaseRecord = InstanceType<typeof CaseRecord.class>;

/**
 * The case a row of one of a case's own tables belongs to: its `reference`, a case of asb_case (the
 * foreign key the migration made, under PostgreSQL's name for it).
 */
export const caseReference = (foreignKeyName: string) =>
  p.manyToOne(CaseRecord).fieldName('reference').mapToPk().foreignKeyName(foreignKeyName).updateRule('no action').deleteRule('no action');

/** One entry of a case's deadline ledger. */
export const CaseDeadlineRecord = defineEntity({
  name: 'CaseDeadlineRecord',
  tableName: 'case_deadline',
  properties: {
    reference: caseReference('case_deadline_reference_fkey').primary(),
    deadlineId: p.text().primary(),
    kind: p.text(),
    dueOn: p.string().columnType('date'),
    dueAt: p.datetime(),
    status: p.text(),
    reason: p.text(),
    plannedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    resolution: p.text().nullable(),
    late: p.boolean().default(false),
  },
});
export type CaseDeadlineRecord = InstanceType<typeof CaseDeadlineRecord.class>;

/** The case's history as people read it: commands, timer outcomes, alerts. Append-only. */
export const TimelineEntryRecord = defineEntity({
  name: 'TimelineEntryRecord',
  tableName: 'case_timeline_entry',
  properties: {
    reference: caseReference('case_timeline_entry_reference_fkey').primary(),
    seq: p.integer().primary(),
    kind: p.text(),
    at: p.datetime(),
    actor: p.text(),
    summary: p.text(),
    data: p.json<Record<string, unknown>>().nullable(),
  },
});
export type TimelineEntryRecord = InstanceType<typeof TimelineEntryRecord.class>;
