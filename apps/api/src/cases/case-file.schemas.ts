import { z } from 'zod';
import {
  COMMUNITY_TRIGGER_APPLICANTS,
  COMMUNITY_TRIGGER_STATUSES,
  CONTACT_METHODS,
  COURTS,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  ENFORCEMENT_STEP_KINDS,
  FORUMS,
  LEGAL_REFERRAL_STATUSES,
  LINK_REASONS,
  TENURES,
  SERVICE_METHODS,
} from '../../../../libs/domain/src';

const instant = z.iso.datetime({ offset: true });
const date = z.iso.date();
const WITHHELD_NOTE = 'On a summary-only share: "(withheld: shared as a summary only)".';

/** A deadline that belongs to a step or referral: its compliance, appeal or hearing window. */
const Window = z
  .strictObject({
    deadlineId: z.string(),
    kind: z.enum(DEADLINE_KINDS),
    dueOn: date,
    dueAt: instant,
    status: z.enum(DEADLINE_STATUSES),
    late: z.boolean().describe('Planned from an entry made after it happened: its clock ran from the true moment (`takenAt`).'),
  })
  .meta({ id: 'CaseWindow', description: 'A deadline of this step or referral (compliance, appeal, requirement, hearing, review), as in the ledger.' });

const EnforcementStepView = z
  .strictObject({
    id: z.string().describe('The stepId that compliance checks, breaches, payments and legal referrals name.'),
    kind: z.enum(ENFORCEMENT_STEP_KINDS),
    title: z.string(),
    level: z.int(),
    subjectId: z.string().nullable(),
    takenAt: instant,
    takenBy: z.string(),
    notes: z.string().nullable().describe(`Null on a summary-only share.`),
    skipReason: z.string().nullable().describe('Why a level was skipped. Null on a summary-only share.'),
    complianceDueOn: date.nullable().describe('The last day to comply (a CPW, an ABC), when the step has one.'),
    complied: z.boolean().nullable().describe('Null until a compliance check is recorded.'),
    nonComplianceRecordedAt: instant.nullable(),
    requirements: z.array(z.strictObject({ text: z.string(), dueOn: date })).describe(`A CPN's requirements, each with its own deadline. ${WITHHELD_NOTE}`),
    breaches: z.array(z.strictObject({ at: instant, description: z.string(), recordedBy: z.string() })),
    amountPounds: z.number().nullable(),
    paidAt: instant.nullable().describe('When a fixed penalty was paid.'),
    service: z
      .strictObject({ method: z.enum(SERVICE_METHODS), servedAt: instant, servedBy: z.string(), recordedBy: z.string() })
      .nullable()
      .describe(`How, when and by whom a notice was served; null until recorded. servedBy is withheld on a summary-only share.`),
    followsStepId: z.string().nullable(),
    premises: z.string().nullable().describe('Null on a summary-only share.'),
    issuedBy: z.string().nullable(),
    extended: z.boolean().nullable(),
    trigger: z.string().nullable(),
    legalReferralId: z.string().nullable(),
    endedAt: instant.nullable(),
    windows: z.array(Window).describe('This step’s deadlines: the compliance period and check, the appeal window, each requirement.'),
  })
  .meta({ id: 'EnforcementStep' });

const LegalReferralView = z
  .strictObject({
    id: z.string().describe('The referralId the legal team’s commands name.'),
    stepId: z.string(),
    stepKind: z.enum(ENFORCEMENT_STEP_KINDS),
    subjectId: z.string().nullable(),
    status: z.enum(LEGAL_REFERRAL_STATUSES),
    referredAt: instant,
    youth: z.boolean(),
    acknowledgedAt: instant.nullable(),
    decision: z.strictObject({ proceed: z.boolean(), reason: z.string(), decidedBy: z.string(), at: instant }).nullable(),
    hearing: z.strictObject({ at: instant, court: z.enum(COURTS), listings: z.int() }).nullable(),
    order: z.strictObject({ madeOn: z.string(), expiresOn: z.string(), terms: z.string(), court: z.enum(COURTS), extendedOn: z.string().nullable() }).nullable(),
    breaches: z.array(z.strictObject({ at: instant, description: z.string(), arrestedAt: instant.nullable(), beforeJudgeAt: instant.nullable() })).describe('Breaches of the order.'),
    windows: z.array(Window),
  })
  .meta({ id: 'LegalReferral' });

const CaseReviewView = z
  .strictObject({
    id: z.string(),
    applicant: z.enum(COMMUNITY_TRIGGER_APPLICANTS),
    applicantName: z.string(),
    receivedAt: instant,
    recordedBy: z.string(),
    status: z.enum(COMMUNITY_TRIGGER_STATUSES),
    thresholdMetOnReceipt: z.boolean().describe('Whether the complaints on record met the threshold when the application came in.'),
    acknowledgedAt: instant.nullable(),
    thresholdDecision: z.strictObject({ met: z.boolean(), reason: z.string(), decidedBy: z.string(), at: instant }).nullable(),
    meeting: z.strictObject({ recommendations: z.string(), heldAt: instant }).nullable(),
    outcome: z.strictObject({ summary: z.string(), sentAt: instant }).nullable(),
    appeal: z.strictObject({ reason: z.string(), lodgedAt: instant, decision: z.strictObject({ upheld: z.boolean(), reason: z.string(), at: instant }).nullable() }).nullable(),
  })
  .meta({ id: 'CaseReview', description: 'An ASB Case Review (Community Trigger) applied for on this case.' });

/**
 * The parts of the case file a caseworker works from, each with its id and state. Added to the Case:
 * one read gives the whole file. A summary-only share keeps ids, kinds, states and dates, and
 * withholds every name, date of birth, contact, address and free-text account.
 */
export const CASE_FILE_PARTS = {
  complainants: z.array(z.strictObject({ id: z.string(), name: z.string(), vulnerable: z.boolean() })).describe(`Complainants and victims. ${WITHHELD_NOTE}`),
  subjects: z
    .array(z.strictObject({ id: z.string().describe('The subjectId steps name.'), name: z.string(), dateOfBirth: date.nullable(), tenure: z.enum(TENURES) }))
    .describe(`Alleged perpetrators. Names withheld and dateOfBirth null on a summary-only share.`),
  witnesses: z.array(z.strictObject({ id: z.string(), name: z.string(), contact: z.string().nullable() })).describe(`Witnesses. ${WITHHELD_NOTE}`),
  incidents: z
    .array(z.strictObject({ id: z.string(), occurredAt: instant, reportedAt: instant, description: z.string(), subjectIds: z.array(z.string()), reportedBy: z.string() }))
    .describe('Incidents, oldest first.'),
  enforcementSteps: z.array(EnforcementStepView).describe('The enforcement ladder as taken, oldest first.'),
  legalReferrals: z.array(LegalReferralView).describe('Level-5 steps in the legal team’s hands: decisions, hearings, orders and their breaches.'),
  partnerActions: z
    .array(
      z.strictObject({
        id: z.string().describe('The actionId a partner completes.'),
        agency: z.string(),
        description: z.string(),
        dueOn: date,
        forum: z.enum(FORUMS).nullable(),
        assignedBy: z.string(),
        assignedAt: instant,
        completedAt: instant.nullable(),
        completedBy: z.string().nullable(),
        outcome: z.string().nullable(),
      }),
    )
    .describe('Actions asked of partner agencies.'),
  forumHistory: z.array(z.strictObject({ from: z.enum(FORUMS), to: z.enum(FORUMS), reason: z.string(), decidedBy: z.string(), at: instant })).describe('Moves between general casework, MAG and JAG.'),
  adultsAtRiskReferral: z.strictObject({ reason: z.string(), decidedBy: z.string(), at: instant }).nullable().describe('The referral to the adults-at-risk panel, when made.'),
  caseReviews: z.array(CaseReviewView).describe('ASB Case Reviews applied for on this case, oldest first.'),
  notes: z
    .array(
      z.strictObject({
        id: z.string(),
        text: z.string(),
        recordedBy: z.string(),
        recordedAt: instant,
        occurredAt: instant.describe('When it happened: recordedAt, unless it was entered afterwards (late).'),
        late: z.boolean().describe('Entered after it happened.'),
        contact: z
          .strictObject({ method: z.enum(CONTACT_METHODS), withPartyId: z.string().nullable().describe('A party of the case.'), withName: z.string().nullable().describe('Someone who is not a party.') })
          .nullable()
          .describe('Set on a contact-log entry: how, and with whom.'),
      }),
    )
    .describe(`Case notes and the contact log, oldest first. ${WITHHELD_NOTE}`),
  linkedCases: z
    .array(
      z.strictObject({
        reference: z.string().describe('The other case.'),
        direction: z.enum(['TO', 'FROM']).describe('TO: the link was made on this case, and is removed here. FROM: it was made on the other case, and is removed there.'),
        reason: z.enum(LINK_REASONS),
        note: z.string().nullable().describe(`How the cases belong together, in the words of whoever linked them. ${WITHHELD_NOTE}`),
        linkedBy: z.string(),
        linkedAt: instant,
      }),
    )
    .describe('Cases linked with this one (the same subject, complainant or place), made on either case; oldest first.'),
  links: z
    .strictObject({ timeline: z.string(), deadlines: z.string(), nextSteps: z.string() })
    .describe(
      'The timeline and the ledger with titles (both grow with the case, and are not for a summary-only share: 403 there), and what can be done next (asked of the workflow). The ledger’s entries are also in `deadlines` above.',
    ),
};

export const CASE_FILE_PARTS_EXAMPLE = {
  complainants: [{ id: 'c1', name: 'Pat Lee', vulnerable: true }],
  subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' as const }],
  witnesses: [],
  incidents: [
    { id: 'incident-1', occurredAt: '2026-11-25T23:40:00.000Z', reportedAt: '2026-11-26T09:44:47.041Z', description: 'Music through the ceiling until 3am.', subjectIds: ['s1'], reportedBy: 'amira.khan' },
  ],
  enforcementSteps: [
    {
      id: 'step-1',
      kind: 'WRITTEN_WARNING' as const,
      title: 'Written warning',
      level: 1,
      subjectId: 's1',
      takenAt: '2026-11-26T10:02:11.000Z',
      takenBy: 'amira.khan',
      notes: null,
      skipReason: null,
      complianceDueOn: null,
      complied: null,
      nonComplianceRecordedAt: null,
      requirements: [],
      breaches: [],
      amountPounds: null,
      paidAt: null,
      service: null,
      followsStepId: null,
      premises: null,
      issuedBy: null,
      extended: null,
      trigger: null,
      legalReferralId: null,
      endedAt: null,
      windows: [{ deadlineId: 'compliance-check-1', kind: 'COMPLIANCE_CHECK' as const, dueOn: '2026-12-10', dueAt: '2026-12-10T23:59:59.999Z', status: 'PENDING' as const, late: false }],
    },
  ],
  legalReferrals: [],
  partnerActions: [],
  forumHistory: [],
  adultsAtRiskReferral: null,
  caseReviews: [],
  notes: [
    { id: 'note-1', text: 'Spoke to the complainant; the music stopped after the warning.', recordedBy: 'amira.khan', recordedAt: '2026-11-27T16:20:00.000Z', occurredAt: '2026-11-27T16:20:00.000Z', late: false, contact: { method: 'PHONE' as const, withPartyId: 'c1', withName: null } },
  ],
  linkedCases: [
    { reference: 'ASB-2026-000098', direction: 'TO' as const, reason: 'SAME_SUBJECT' as const, note: 'Jordan Reed is the subject of both.', linkedBy: 'amira.khan', linkedAt: '2026-11-27T16:25:00.000Z' },
  ],
  links: { timeline: '/cases/ASB-2026-000123/timeline', deadlines: '/cases/ASB-2026-000123/deadlines', nextSteps: '/cases/ASB-2026-000123/next-steps' },
};
