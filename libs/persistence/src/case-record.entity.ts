import { defineEntity, p } from '@mikro-orm/core';

/** The read model of one case: what lists and detail pages show without asking the worker. */
export const CaseRecord = defineEntity({
  name: 'CaseRecord',
  tableName: 'asb_case',
  properties: {
    reference: p.string().primary(),
    version: p.integer(),
    stage: p.string(),
    type: p.string(),
    category: p.string(),
    channel: p.string(),
    summary: p.text(),
    riskLevel: p.string().nullable(),
    forum: p.string(),
    closureReason: p.string().nullable(),
    closedAt: p.datetime().nullable(),
    team: p.string(),
    caseworker: p.string().nullable(),
    address: p.text().nullable(),
    ward: p.string().nullable(),
    priorityNeighbourhood: p.boolean(),
    policyVersion: p.string(),
    openedAt: p.datetime(),
    openedBy: p.string(),
    reviewCount: p.integer(),
    lastReviewedAt: p.datetime().nullable(),
    nextReviewDueOn: p.string().columnType('date').nullable(),
    nextReviewDueAt: p.datetime().nullable(),
    updatedAt: p.datetime(),
  },
});
export type CaseRecord = InstanceType<typeof CaseRecord.class>;

/** One entry of a case's deadline ledger. */
export const CaseDeadlineRecord = defineEntity({
  name: 'CaseDeadlineRecord',
  tableName: 'case_deadline',
  properties: {
    reference: p.string().primary(),
    deadlineId: p.string().primary(),
    kind: p.string(),
    dueOn: p.string().columnType('date'),
    dueAt: p.datetime(),
    status: p.string(),
    reason: p.text(),
    plannedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    resolution: p.text().nullable(),
    late: p.boolean(),
  },
});
export type CaseDeadlineRecord = InstanceType<typeof CaseDeadlineRecord.class>;

/** The case's history as people read it: commands, timer outcomes, alerts. Append-only. */
export const TimelineEntryRecord = defineEntity({
  name: 'TimelineEntryRecord',
  tableName: 'case_timeline_entry',
  properties: {
    reference: p.string().primary(),
    seq: p.integer().primary(),
    kind: p.string(),
    at: p.datetime(),
    actor: p.string(),
    summary: p.text(),
    data: p.json<Record<string, unknown>>().nullable(),
  },
});
export type TimelineEntryRecord = InstanceType<typeof TimelineEntryRecord.class>;
