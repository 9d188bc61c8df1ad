import { defineEntity, p } from '@mikro-orm/core';
import { CaseRecord } from './case-record.entity';

/** A MAG or JAG meeting with the agenda it was sent (forum-meeting-store.ts). */
export const ForumMeetingEntity = defineEntity({
  name: 'ForumMeetingEntity',
  tableName: 'forum_meeting',
  properties: {
    meetingId: p.text().primary(),
    forum: p.text().check(`forum in ('MAG', 'JAG')`),
    heldOn: p.string().columnType('date'),
    agenda: p.json<unknown>(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type ForumMeetingEntity = InstanceType<typeof ForumMeetingEntity.class>;

/** A decision a meeting made on a case, once per (meeting, case, decision, subject). */
export const ForumDecisionEntity = defineEntity({
  name: 'ForumDecisionEntity',
  tableName: 'forum_decision',
  properties: {
    id: p.bigint('string').primary(),
    meetingId: p.manyToOne(ForumMeetingEntity).fieldName('meeting_id').mapToPk().foreignKeyName('forum_decision_meeting_id_fkey').updateRule('no action').deleteRule('no action'),
    reference: p.manyToOne(CaseRecord).fieldName('reference').mapToPk().foreignKeyName('forum_decision_reference_fkey').updateRule('no action').deleteRule('no action'),
    decision: p.text(),
    /** What the decision is about within the case: the agency of an action assigned; '' otherwise. */
    subject: p.text().default(''),
    reason: p.text(),
    detail: p.json<Record<string, unknown>>().nullable(),
    decidedBy: p.text(),
    decidedAt: p.datetime().defaultRaw('now()'),
  },
  uniques: [{ properties: ['meetingId', 'reference', 'decision', 'subject'], name: 'forum_decision_meeting_id_reference_decision_subject_key' }],
});
export type ForumDecisionEntity = InstanceType<typeof ForumDecisionEntity.class>;
