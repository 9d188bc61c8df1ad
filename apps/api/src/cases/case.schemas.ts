import { z } from 'zod';
import {
  CASE_CATEGORIES,
  CASE_STAGES,
  CASE_TYPES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  FORUMS,
  REPORT_CHANNELS,
  RISK_LEVELS,
} from '../../../../libs/domain/src';

const staffId = z.string().trim().min(1).max(64);

export const OpenCaseRequest = z
  .strictObject({
    type: z.enum(CASE_TYPES).describe('What kind of case this is; the enforcement ladder applies to ANTI_SOCIAL_BEHAVIOUR and HATE_CRIME.'),
    category: z.enum(CASE_CATEGORIES),
    channel: z.enum(REPORT_CHANNELS).describe('How the report reached the partnership.'),
    summary: z.string().trim().min(10).max(4000).describe('What was reported, in the caseworker’s words.'),
    riskLevel: z.enum(RISK_LEVELS).describe('From the victim risk assessment; sets the review cadence (HIGH 7 days, MEDIUM 14, STANDARD 28).'),
    team: staffId.describe('The ASB team that owns the case; its manager receives overdue-review alerts.'),
    caseworker: staffId.optional().describe('The allocated ASB officer, if already known.'),
    location: z
      .strictObject({
        address: z.string().trim().min(1).max(500).optional(),
        ward: z.string().trim().min(1).max(100).optional(),
        priorityNeighbourhood: z.boolean().default(false),
      })
      .default({ priorityNeighbourhood: false }),
  })
  .meta({
    id: 'OpenCaseRequest',
    examples: [
      {
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'NOISE_DISPUTE',
        channel: 'ONLINE_REPORT',
        summary: 'Loud music from the flat above most nights after midnight since September.',
        riskLevel: 'MEDIUM',
        team: 'north',
        caseworker: 'amira.khan',
        location: { address: '14 Egerton View, Melton Mowbray', ward: 'Egerton', priorityNeighbourhood: true },
      },
    ],
  });
export type OpenCaseRequest = z.infer<typeof OpenCaseRequest>;

export const RecordReviewRequest = z
  .strictObject({
    summary: z.string().trim().min(1).max(4000).describe('What the review found and decided.'),
    riskLevel: z.enum(RISK_LEVELS).optional().describe('A re-assessed risk level; omit when unchanged. A change re-plans the next review.'),
  })
  .meta({ id: 'RecordReviewRequest', examples: [{ summary: 'Spoke to both households; noise reduced. Keep monitoring.' }] });
export type RecordReviewRequest = z.infer<typeof RecordReviewRequest>;

export const CaseReferenceParam = z.string().regex(/^ASB-\d{4}-\d{6}$/);

const DueDate = z.strictObject({
  dueOn: z.iso.date().describe('The day it is due (England).'),
  dueAt: z.iso.datetime().describe('The instant it becomes overdue: the end of dueOn in England.'),
});

export const CaseView = z
  .strictObject({
    reference: z.string().meta({ examples: ['ASB-2026-000123'] }),
    version: z.int().describe('Goes up with every change; also sent as the ETag.'),
    stage: z.enum(CASE_STAGES),
    type: z.enum(CASE_TYPES),
    category: z.enum(CASE_CATEGORIES),
    channel: z.enum(REPORT_CHANNELS),
    summary: z.string(),
    riskLevel: z.enum(RISK_LEVELS).nullable().describe('Null until the risk is assessed (stage REPORTED).'),
    forum: z.enum(FORUMS).describe('Where the case is discussed: general casework, MAG or JAG.'),
    closure: z.strictObject({ reason: z.string(), closedAt: z.iso.datetime() }).nullable(),
    team: z.string(),
    caseworker: z.string().nullable(),
    location: z.strictObject({ address: z.string().nullable(), ward: z.string().nullable(), priorityNeighbourhood: z.boolean() }),
    policyVersion: z.string().describe('The policy version whose numbers this case runs under.'),
    openedAt: z.iso.datetime(),
    openedBy: z.string(),
    reviewCount: z.int(),
    lastReviewedAt: z.iso.datetime().nullable(),
    nextReview: DueDate.nullable().describe('The review that is due next; null when none is pending (e.g. it was missed).'),
    deadlines: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(DEADLINE_KINDS),
        dueOn: z.iso.date(),
        dueAt: z.iso.datetime(),
        status: z.enum(DEADLINE_STATUSES),
        reason: z.string().describe('Why this deadline exists.'),
        resolvedAt: z.iso.datetime().nullable(),
        resolution: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof CaseView>;

export const Problem = z
  .looseObject({
    type: z.url(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });
