import { z } from 'zod';
import { RiskAssessmentBody } from './commands/command.schemas';
import {
  PSPO_REFUSAL_CONDITION_CODES,
  PSPO_REFUSAL_CONDITIONS,
  CASE_CATEGORIES,
  CASE_REFERENCE_PATTERN,
  CASE_STAGES,
  CASE_TYPES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  DUPLICATE_DECISIONS,
  DUPLICATE_GROUNDS,
  FORUMS,
  REPORT_CHANNELS,
  REFUSAL_CONDITION_CODES,
  REFUSAL_CONDITIONS,
  RISK_LEVELS,
} from '../../../../libs/domain/src';
import { plainText } from '../http/request-fields';
import { CASE_FILE_PARTS, CASE_FILE_PARTS_EXAMPLE } from './case-file.schemas';
import { ComplainantBody, SubjectBody } from './party.schemas';

const staffId = plainText(64);
const caseReference = z.string().regex(CASE_REFERENCE_PATTERN, 'a case reference such as ASB-2026-000123');

const DuplicateDecisionBody = z
  .strictObject({
    decision: z.enum(DUPLICATE_DECISIONS).describe('OPEN_ANYWAY: a case of its own, recorded as such. OPEN_AND_LINK: a case of its own, linked to each case named.'),
    references: z.array(caseReference).min(1).max(50).describe('The possible duplicates you were shown (the `matches` of the 409) and decided about.'),
    reason: plainText(2000).describe('Why this is a case of its own; kept in the timeline.'),
  })
  .describe(
    'Only after a 409 POSSIBLE_DUPLICATE: what you decided about the matches it listed. To add the report to the existing case instead, record it there as an incident (POST /cases/{reference}/incidents) and open nothing.',
  );

export const OpenCaseRequest = z
  .strictObject({
    type: z.enum(CASE_TYPES).describe('What kind of case this is; the enforcement ladder applies to ANTI_SOCIAL_BEHAVIOUR and HATE_CRIME.'),
    category: z.enum(CASE_CATEGORIES),
    channel: z.enum(REPORT_CHANNELS).describe('How the report reached the partnership.'),
    summary: plainText(4000, 10).describe('What was reported, in the caseworker’s words.'),
    riskLevel: z
      .enum(RISK_LEVELS)
      .optional()
      .describe('When triaged at intake: sets the review cadence (HIGH 7 days, MEDIUM 14, STANDARD 28). Omit (with riskAssessment) or leave for later: the case is then REPORTED.'),
    riskAssessment: RiskAssessmentBody.optional().describe('The victim risk assessment at intake, instead of riskLevel.'),
    complainants: z.array(ComplainantBody).max(20).default([]),
    subjects: z.array(SubjectBody).max(20).default([]),
    team: staffId.describe('The ASB team that owns the case; its manager receives overdue-review alerts.'),
    caseworker: staffId.optional().describe('The allocated ASB officer, if already known.'),
    location: z
      .strictObject({
        address: plainText(500).optional(),
        ward: plainText(100).optional(),
        priorityNeighbourhood: z.boolean().default(false),
      })
      .default({ priorityNeighbourhood: false }),
    possibleDuplicates: DuplicateDecisionBody.optional(),
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

export const CaseReferenceParam = z.string().regex(CASE_REFERENCE_PATTERN, 'a case reference such as ASB-2026-000123');

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
    sharedWith: z.array(z.strictObject({ agency: z.string(), summaryOnly: z.boolean() })).describe('Partner agencies that see the case (s.115).'),
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
        late: z.boolean().describe('Planned from an entry made after it happened: its clock ran from the true moment, and it may have been past when entered.'),
      }),
    ),
    ...CASE_FILE_PARTS,
  })
  .meta({ id: 'Case', description: 'The whole case file in one read: its outline, its deadlines, and every part with its id and state.' });
export type CaseView = z.infer<typeof CaseView>;

/** Each condition with its sentence, so that a client can show a refusal in words without a table of its own. */
const RefusalConditionSchema = z
  .union(REFUSAL_CONDITION_CODES.map((code) => z.literal(code).describe(REFUSAL_CONDITIONS[code])))
  .meta({ id: 'RefusalCondition', description: 'Why a command was refused (409): the failing precondition of the law, the ladder or the case’s state.' });

/** A PSPO's refusals: a catalogue of their own (libs/domain/src/pspo), as a PSPO is not a case. */
const PspoRefusalConditionSchema = z
  .union(PSPO_REFUSAL_CONDITION_CODES.map((code) => z.literal(code).describe(PSPO_REFUSAL_CONDITIONS[code])))
  .meta({ id: 'PspoRefusalCondition', description: 'Why a PSPO request was refused (409, 422): the law (ASBCPA 2014 ss.59-72) or the order’s state.' });

export const Problem = z
  .looseObject({
    type: z.url(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
    condition: z.union([RefusalConditionSchema, PspoRefusalConditionSchema]).optional(),
    holdsFrom: z.iso.date().optional().describe('Where time alone will cure the refusal: the first day the condition will hold.'),
    matches: z
      .array(
        z.strictObject({
          reference: z.string(),
          team: z.string(),
          stage: z.enum(CASE_STAGES),
          openedAt: z.iso.datetime(),
          matchedOn: z.array(z.enum(DUPLICATE_GROUNDS)).describe('What the report shares with the case: a complainant, a subject (same name, no other date of birth), the address.'),
        }),
      )
      .optional()
      .describe('On POSSIBLE_DUPLICATE: the open cases you may see that the report may repeat, most alike first.'),
  })
  .meta({
    id: 'Problem',
    description: 'RFC 9457 problem details. A refusal adds `condition` and, where time will cure it, `holdsFrom`; an invalid request adds `errors`, one per field.',
  });

export const TimelineView = z
  .strictObject({
    entries: z.array(
      z.strictObject({
        seq: z.int(),
        kind: z.string().describe('CASE_OPENED, REVIEW_RECORDED, ENFORCEMENT_STEP_RECORDED, DEADLINE_MISSED, ALERT_SENT, …'),
        at: z.iso.datetime(),
        actor: z.string(),
        summary: z.string(),
        data: z.record(z.string(), z.unknown()).nullable(),
      }),
    ),
  })
  .meta({ id: 'Timeline' });
export type TimelineView = z.infer<typeof TimelineView>;

export const LedgerView = z
  .strictObject({
    deadlines: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(DEADLINE_KINDS),
        title: z.string(),
        nature: z.enum(['DUTY', 'PERIOD']).describe('A DUTY unmet is MISSED and alerted; a PERIOD runs its course and is MET.'),
        dueOn: z.iso.date(),
        dueAt: z.iso.datetime(),
        status: z.enum(DEADLINE_STATUSES),
        reason: z.string(),
        resolvedAt: z.iso.datetime().nullable(),
        resolution: z.string().nullable(),
        late: z.boolean().describe('Planned from an entry made after it happened: its clock ran from the true moment, and it may have been past when entered.'),
      }),
    ),
  })
  .meta({ id: 'DeadlineLedger' });
export type LedgerView = z.infer<typeof LedgerView>;

export const NextStepsView = z
  .strictObject({
    asOf: z.iso.datetime(),
    steps: z.array(
      z.looseObject({
        command: z.string(),
        title: z.string(),
        available: z.boolean(),
        step: z.string().optional(),
        subjectId: z.string().optional(),
        referralId: z.string().optional(),
        refusal: z.strictObject({ condition: z.string(), message: z.string(), holdsFrom: z.iso.date().optional() }).optional(),
        requires: z.array(z.string()).optional(),
      }),
    ),
  })
  .meta({ id: 'NextSteps' });

/** What a case looks like in a response: the example every Case response in the document shows. */
export const CASE_EXAMPLE: CaseView = {
  reference: 'ASB-2026-000123',
  version: 3,
  stage: 'ACTIVE',
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Loud music from the flat above most nights after midnight since September.',
  riskLevel: 'HIGH',
  forum: 'GENERAL_CASEWORK',
  closure: null,
  team: 'north',
  caseworker: 'amira.khan',
  location: { address: '14 Egerton View, Melton Mowbray', ward: 'Egerton', priorityNeighbourhood: true },
  policyVersion: '2026.1',
  sharedWith: [{ agency: 'HOUSING', summaryOnly: true }],
  openedAt: '2026-11-26T09:44:47.041Z',
  openedBy: 'amira.khan',
  reviewCount: 0,
  lastReviewedAt: null,
  nextReview: { dueOn: '2026-12-03', dueAt: '2026-12-03T23:59:59.999Z' },
  deadlines: [
    {
      id: 'case-review-1',
      kind: 'CASE_REVIEW',
      dueOn: '2026-12-03',
      dueAt: '2026-12-03T23:59:59.999Z',
      status: 'PENDING',
      reason: 'HIGH risk cases are reviewed every 7 days (from the report)',
      resolvedAt: null,
      resolution: null,
      late: false,
    },
    {
      id: 'compliance-check-1',
      kind: 'COMPLIANCE_CHECK',
      dueOn: '2026-12-10',
      dueAt: '2026-12-10T23:59:59.999Z',
      status: 'PENDING',
      reason: 'compliance check 14 days after a written warning',
      resolvedAt: null,
      resolution: null,
      late: false,
    },
  ],
  ...CASE_FILE_PARTS_EXAMPLE,
};

const PROBLEM_EXAMPLES: Record<number, z.infer<typeof Problem>> = {
  410: {
    type: 'https://asb-case-service.example/problems/file-removed',
    title: 'The file was removed at the end of retention',
    status: 410,
    detail:
      'document 6f1c2a8e-3b7d-4f0e-9a51-2c8d7e4b1a90 was removed on 2032-12-03, when the case’s personal data was anonymised at the end of its retention period; its record (what it was, when, its SHA-256) is kept.',
  },
  400: {
    type: 'https://asb-case-service.example/problems/validation',
    title: 'The request is not valid',
    status: 400,
    detail: '2 fields are not valid: riskLevel, summary',
    errors: [
      { field: 'riskLevel', message: 'Invalid option: expected one of "STANDARD"|"MEDIUM"|"HIGH"' },
      { field: 'summary', message: 'Too small: expected string to have >=10 characters' },
    ],
    instance: '/cases',
  },
  401: { type: 'https://asb-case-service.example/problems/unauthenticated', title: 'Authentication required', status: 401, detail: 'send a bearer token: Authorization: Bearer <token>', instance: '/cases' },
  403: { type: 'https://asb-case-service.example/problems/forbidden', title: 'Not allowed', status: 403, detail: 'case ASB-2026-000123 is not one your role, team or agency may see', instance: '/cases/ASB-2026-000123' },
  404: { type: 'https://asb-case-service.example/problems/not-found', title: 'Not found', status: 404, detail: 'case ASB-2026-999999 does not exist', instance: '/cases/ASB-2026-999999' },
  409: {
    type: 'https://asb-case-service.example/problems/refused',
    title: 'The command was refused',
    status: 409,
    detail: 'CPN not available until 2026-12-10: the CPW compliance period runs until 2026-12-09',
    condition: 'CPW_COMPLIANCE_PERIOD_RUNNING',
    holdsFrom: '2026-12-10',
    instance: '/cases/ASB-2026-000123/enforcement-steps',
  },
  422: {
    type: 'https://asb-case-service.example/problems/idempotency-key-reused',
    title: 'Idempotency-Key already used for a different request',
    status: 422,
    detail: 'the Idempotency-Key 3f0c2a was first used with a different body; use a new key for a new request',
    instance: '/cases',
  },
  503: {
    type: 'https://asb-case-service.example/problems/unavailable',
    title: 'A service the API depends on is unavailable',
    status: 503,
    detail: 'PostgreSQL is not reachable; nothing was changed, retry shortly',
    instance: '/cases/ASB-2026-000123',
  },
};

export const POSSIBLE_DUPLICATE_EXAMPLE: z.infer<typeof Problem> = {
  type: 'https://asb-case-service.example/problems/possible-duplicate',
  title: 'The report may repeat an open case',
  status: 409,
  detail:
    'the report may repeat ASB-2026-000118 (address): open it anyway or linked (send possibleDuplicates with your decision), or record it as an incident on that case',
  condition: 'POSSIBLE_DUPLICATE',
  matches: [{ reference: 'ASB-2026-000118', team: 'north', stage: 'ACTIVE', openedAt: '2026-11-02T10:14:00.000Z', matchedOn: ['ADDRESS'] }],
  instance: '/cases',
};

/** What a 422 of a command means: the key was reused, or a fact stated cannot be true. */
export const IMPLAUSIBLE_OR_KEY_REUSED =
  'The Idempotency-Key was already used with a different body (type idempotency-key-reused), or the body is well-formed but states a fact that cannot be true ' +
  '(type implausible: a date of birth in the future or more than 120 years ago, a date before 1900), or names a team or caseworker the staff directory does not know ' +
  '(type unprocessable: a transfer to no such team, an allocation to no such caseworker, a move to a policy version not published); `errors` names each such field.';

/** The example shown for an error response of this status. */
export function problemExample(status: number): z.infer<typeof Problem> {
  const example = PROBLEM_EXAMPLES[status];
  if (!example) throw new Error(`no problem example for status ${status}`);
  return example;
}

export const TIMELINE_EXAMPLE: TimelineView = {
  entries: [
    { seq: 1, kind: 'CASE_OPENED', at: '2026-11-26T09:44:47.041Z', actor: 'amira.khan', summary: 'Case opened: noise dispute, HIGH risk', data: { stage: 'ALLOCATED', riskLevel: 'HIGH' } },
    { seq: 2, kind: 'ENFORCEMENT_STEP_RECORDED', at: '2026-11-27T14:02:11.000Z', actor: 'amira.khan', summary: 'Written warning (level 1) against Jordan Reed', data: { stepId: 'step-1', kind: 'WRITTEN_WARNING', level: 1 } },
    { seq: 3, kind: 'DEADLINE_MISSED', at: '2026-12-04T00:00:00.000Z', actor: 'system', summary: 'Case review due on 2026-12-03 was missed', data: { deadlineId: 'case-review-1', kind: 'CASE_REVIEW' } },
    { seq: 4, kind: 'ALERT_SENT', at: '2026-12-04T00:00:01.120Z', actor: 'system', summary: 'case review alert sent to jo.bennett@melton.example', data: null },
  ],
};

export const LEDGER_EXAMPLE: LedgerView = {
  deadlines: [
    {
      id: 'initial-contact-1',
      kind: 'INITIAL_CONTACT',
      title: 'Initial contact with the complainant',
      nature: 'DUTY',
      dueOn: '2026-11-27',
      dueAt: '2026-11-27T23:59:59.999Z',
      status: 'MET',
      reason: 'HIGH risk: first contact with the complainant within 1 working day of the report',
      resolvedAt: '2026-11-26T15:10:00.000Z',
      resolution: 'contact made by amira.khan',
      late: false,
    },
    {
      id: 'compliance-check-1',
      kind: 'COMPLIANCE_CHECK',
      title: 'Compliance check',
      nature: 'DUTY',
      dueOn: '2026-12-11',
      dueAt: '2026-12-11T23:59:59.999Z',
      status: 'PENDING',
      reason: 'compliance check 14 days after a written warning',
      resolvedAt: null,
      resolution: null,
      late: false,
    },
  ],
};

export const NEXT_STEPS_EXAMPLE: z.infer<typeof NextStepsView> = {
  asOf: '2026-11-30T10:00:00.000Z',
  steps: [
    { command: 'recordReview', title: 'Record a case review', available: true },
    {
      command: 'recordEnforcementStep',
      title: 'Community Protection Notice',
      step: 'COMMUNITY_PROTECTION_NOTICE',
      subjectId: 's1',
      available: false,
      refusal: { condition: 'CPW_COMPLIANCE_PERIOD_RUNNING', message: 'CPN not available until 2026-12-10: the CPW compliance period runs until 2026-12-09', holdsFrom: '2026-12-10' },
    },
    { command: 'recordEnforcementStep', title: 'Civil injunction (Part 1, 2014 Act)', step: 'CIVIL_INJUNCTION', subjectId: 's1', available: true, requires: ['skipReason'] },
  ],
};
