import { z } from 'zod';
import {
  CLOSURE_NOTICE_ISSUERS,
  CLOSURE_REASONS,
  COMMUNITY_TRIGGER_APPLICANTS,
  type CommandOf,
  COURTS,
  ENFORCEMENT_STEP_KINDS,
  FORUMS,
  PARTNER_AGENCIES,
  POSSESSION_TRIGGERS,
  RISK_LEVELS,
} from '../../../../../libs/domain/src';
import { factDate, factInstant, plainText } from '../../http/request-fields';

const calendarDate = factDate;
const instant = factInstant;
const text = (max = 4000) => plainText(max);

export const RiskAssessmentBody = z
  .strictObject({
    disability: z.boolean(),
    mentalHealth: z.boolean(),
    isolation: z.boolean(),
    repeatVictimisation: z.boolean(),
    hateMotive: z.boolean(),
    impactOnDailyLife: z.boolean(),
    professionalJudgement: z.enum(RISK_LEVELS).optional().describe('May raise the level the answers give, never lower it.'),
  })
  .meta({ id: 'RiskAssessment', description: 'Victim risk assessment: personal, situational and incident vulnerability.' });

const assessRisk = z.strictObject({ assessment: RiskAssessmentBody });
const allocate = z.strictObject({ caseworker: text(64) });
const contact = z.strictObject({ summary: text() });
const review = z.strictObject({
  summary: text().describe('What the review found and decided.'),
  riskLevel: z.enum(RISK_LEVELS).optional().describe('A re-assessed level; omit when unchanged.'),
  riskAssessment: RiskAssessmentBody.optional().describe('A full re-assessment, instead of riskLevel.'),
});
const stageChange = z.strictObject({ reason: text() });
const incident = z.strictObject({
  occurredAt: instant,
  description: text(),
  subjectIds: z.array(text(64)).default([]).describe('Subjects involved; an incident after a CPW deadline counts as non-compliance.'),
});
const conviction = z.strictObject({ subjectId: text(64), offence: text(500), convictedOn: calendarDate });
const changeForum = z.strictObject({ to: z.enum(FORUMS), reason: text() });
const adultsAtRisk = z.strictObject({ reason: text() });
const enforcementStep = z.strictObject({
  kind: z.enum(ENFORCEMENT_STEP_KINDS as [string, ...string[]]).transform((value) => value as CommandOf<'recordEnforcementStep'>['kind']),
  subjectId: text(64).optional(),
  notes: text().optional(),
  skipReason: text().optional().describe('Required when the step is more than one level above the subject’s highest step so far.'),
  subjectAgreed: z.boolean().optional().describe('Acceptable Behaviour Contract: the subject agreed and signed.'),
  conductConfirmed: z.boolean().optional().describe('CPW: conduct persistent, unreasonable and affecting quality of life.'),
  complianceDays: z.int().min(1).max(365).optional().describe('CPW: days to comply, when not the policy default.'),
  requirements: z.array(z.strictObject({ text: text(1000), dueOn: calendarDate })).optional().describe('CPN: each requirement with its own deadline.'),
  amountPounds: z.number().positive().optional().describe('Fixed penalty amount, at most the statutory maximum on the day.'),
  youthOffendingTeamConsultedOn: calendarDate.optional().describe('Injunction for an under-18: when the youth offending team was consulted.'),
  premises: text(500).optional(),
  issuedBy: z.enum(CLOSURE_NOTICE_ISSUERS).optional(),
  extendedTo48Hours: z.boolean().optional(),
  seniorSignOffBy: text(200).optional(),
  trigger: z.enum(POSSESSION_TRIGGERS).optional(),
});
const complianceCheck = z.strictObject({ complied: z.boolean(), notes: text() });
const breach = z.strictObject({ description: text(), occurredAt: instant });
const empty = z.strictObject({});
const prosecutionDecision = z.strictObject({ prosecute: z.boolean(), reason: text() });
const notes = z.strictObject({ notes: text() });
const legalDecision = z.strictObject({ proceed: z.boolean(), reason: text() });
const hearing = z.strictObject({ hearingAt: instant, court: z.enum(COURTS) });
const hearingOutcome = z.strictObject({
  outcome: z.enum(['ORDER_MADE', 'REFUSED', 'ADJOURNED']),
  terms: text().optional(),
  expiresOn: calendarDate.optional(),
});
const extension = z.strictObject({ expiresOn: calendarDate });
const orderBreach = z.strictObject({ description: text(), arrestedAt: instant.optional() });
const closureRequest = z.strictObject({
  reason: z.enum(CLOSURE_REASONS),
  explanationToComplainant: text().describe('What the complainant is told about why the case closes.'),
});
const closureDecision = z.strictObject({ approve: z.boolean(), reason: text() });
const reopen = z.strictObject({ reason: text() });
const movePolicy = z.strictObject({ policyVersionId: text(32), reason: text() });
const agency = z.enum(PARTNER_AGENCIES).describe('The partner agency.');
const share = z.strictObject({
  agency,
  summaryOnly: z.boolean().describe('Share the summary only: no address, no account of what happened.'),
  reason: text().describe('Why sharing is necessary (Crime and Disorder Act 1998 s.115 is a power, used with reason).'),
});
const stopSharing = z.strictObject({ agency, reason: text() });
export const assignAction = z.strictObject({
  agency,
  description: text(1000).describe('What the agency is asked to do: a patrol, a fire safety visit, a housing inspection, a school meeting.'),
  dueOn: calendarDate,
  forum: z.enum(FORUMS).optional().describe('The forum whose decision it is, when it came from a MAG or JAG meeting.'),
});
const completeAction = z.strictObject({ outcome: text() });

/** Request bodies by command, each with an example; path parameters (stepId, referralId, actionId) are merged in by the controller. */
export const COMMAND_BODIES = {
  assessRisk: assessRisk.meta({ examples: [{ assessment: { disability: false, mentalHealth: true, isolation: true, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true } }] }),
  allocate: allocate.meta({ examples: [{ caseworker: 'amira.khan' }] }),
  recordInitialContact: contact.meta({ examples: [{ summary: 'Phoned Pat; agreed diary sheets and a visit on Thursday.' }] }),
  recordComplainantUpdate: contact.meta({ examples: [{ summary: 'Told Pat the warning was served and what happens next.' }] }),
  recordReview: review.meta({ examples: [{ summary: 'Two further incidents; warning not complied with. Escalate to a CPW.', riskLevel: 'HIGH' }] }),
  startMonitoring: stageChange.meta({ examples: [{ reason: 'No reports for three weeks since the warning.' }] }),
  resumeActive: stageChange.meta({ examples: [{ reason: 'New report of shouting on Saturday night.' }] }),
  recordIncident: incident.meta({ examples: [{ occurredAt: '2026-11-21T23:40:00Z', description: 'Loud music and shouting until 2am.', subjectIds: ['s1'] }] }),
  recordConviction: conviction.meta({ examples: [{ subjectId: 's1', offence: 'Criminal damage', convictedOn: '2026-11-02' }] }),
  changeForum: changeForum.meta({ examples: [{ to: 'MAG', reason: 'Council tenant; repeated incidents despite a written warning.' }] }),
  referToAdultsAtRisk: adultsAtRisk.meta({ examples: [{ reason: 'Complainant isolated, with mental health needs, and afraid to go out.' }] }),
  recordEnforcementStep: enforcementStep.meta({ examples: [{ kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, notes: 'Served in person.' }] }),
  recordComplianceCheck: complianceCheck.meta({ examples: [{ complied: false, notes: 'Two further incidents after the deadline.' }] }),
  recordBreach: breach.meta({ examples: [{ description: 'Music at full volume at 01:00, in breach of requirement 1.', occurredAt: '2026-12-12T01:00:00Z' }] }),
  recordFixedPenaltyPayment: empty.meta({ examples: [{}] }),
  recordProsecutionDecision: prosecutionDecision.meta({ examples: [{ prosecute: true, reason: 'Unpaid, and a further breach since.' }] }),
  recordContractReview: notes.meta({ examples: [{ notes: 'Kept to the contract; attending youth club.' }] }),
  acknowledgeLegalReferral: empty.meta({ examples: [{}] }),
  recordLegalDecision: legalDecision.meta({ examples: [{ proceed: true, reason: 'Evidence sufficient; an injunction is proportionate.' }] }),
  listHearing: hearing.meta({ examples: [{ hearingAt: '2027-01-14T10:00:00Z', court: 'COUNTY_COURT' }] }),
  recordHearingOutcome: hearingOutcome.meta({ examples: [{ outcome: 'ORDER_MADE', terms: 'Not to enter Egerton View or contact the occupants of no. 12.', expiresOn: '2027-07-14' }] }),
  extendOrder: extension.meta({ examples: [{ expiresOn: '2027-05-01' }] }),
  recordOrderBreach: orderBreach.meta({ examples: [{ description: 'Seen at no. 12 shouting through the letterbox.', arrestedAt: '2027-02-06T22:15:00Z' }] }),
  recordBeforeJudge: empty.meta({ examples: [{}] }),
  recordOrderReview: notes.meta({ examples: [{ notes: 'Complying; engaging with the youth offending team.' }] }),
  requestClosure: closureRequest.meta({ examples: [{ reason: 'RESOLVED', explanationToComplainant: 'No further noise reported for six weeks after the warning.' }] }),
  decideClosure: closureDecision.meta({ examples: [{ approve: true, reason: 'Resolved by the written warning.' }] }),
  recordSatisfactionFollowUp: contact.meta({ examples: [{ summary: 'Pat is satisfied; knows to call if it starts again.' }] }),
  reopen: reopen.meta({ examples: [{ reason: 'New incident within three months of closure.' }] }),
  movePolicy: movePolicy.meta({ examples: [{ policyVersionId: '2026.1', reason: 'Partnership adopted the new review cadence.' }] }),
  assignPartnerAction: assignAction.meta({ examples: [{ agency: 'POLICE', description: 'Extra patrols Friday and Saturday 22:00–02:00.', dueOn: '2026-12-05', forum: 'JAG' }] }),
  completePartnerAction: completeAction.meta({ examples: [{ outcome: 'Patrols done; two dispersal notices given.' }] }),
  shareWithAgency: share.meta({ examples: [{ agency: 'HOUSING', summaryOnly: true, reason: 'Tenancy officer to attend the joint visit.' }] }),
  stopSharing: stopSharing.meta({ examples: [{ agency: 'HOUSING', reason: 'Housing involvement complete.' }] }),
  applyForCaseReview: z
    .strictObject({
      applicant: z.enum(COMMUNITY_TRIGGER_APPLICANTS).describe('The victim, or someone applying on their behalf (a relative, a councillor, an advocate).'),
      applicantName: text(200).describe('Who applied; kept in the case file, never sent in email.'),
    })
    .meta({ examples: [{ applicant: 'VICTIM', applicantName: 'Pat Lee' }] }),
  acknowledgeCaseReview: z.strictObject({}).meta({ examples: [{}] }),
  decideCaseReviewThreshold: z
    .strictObject({ met: z.boolean(), reason: text().describe('What the applicant is told.') })
    .meta({ examples: [{ met: true, reason: 'Three qualifying complaints in six months, the latest last week.' }] }),
  recordCaseReviewMeeting: z.strictObject({ recommendations: text() }).meta({ examples: [{ recommendations: 'Joint police and housing visit; mediation offered; CPW to be considered.' }] }),
  recordCaseReviewOutcome: z.strictObject({ summary: text().describe('What the outcome letter told the applicant.') }).meta({ examples: [{ summary: 'Letter sent with the action plan agreed at the meeting.' }] }),
  recordCaseReviewAppeal: z.strictObject({ reason: text() }).meta({ examples: [{ reason: 'The applicant says the threshold should have counted the October complaints.' }] }),
  decideCaseReviewAppeal: z.strictObject({ upheld: z.boolean(), reason: text() }).meta({ examples: [{ upheld: false, reason: 'The October complaints were made more than a month after the incidents.' }] }),
} as const;
