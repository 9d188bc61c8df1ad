import { z } from 'zod';
import {
  CLOSURE_NOTICE_ISSUERS,
  CASE_CATEGORIES,
  CASE_REFERENCE_PATTERN,
  CLOSURE_REASONS,
  COMMUNITY_TRIGGER_APPLICANTS,
  CONTACT_METHODS,
  type CommandOf,
  COURTS,
  ENFORCEMENT_STEP_KINDS,
  FORUMS,
  LINK_REASONS,
  PARTNER_AGENCIES,
  PROTECTED_CHARACTERISTICS,
  CHANNEL_OUTCOMES,
  POSSESSION_TRIGGERS,
  RISK_LEVELS,
  SERVICE_METHODS,
} from '../../../../../libs/domain/src';
import { factDate, factInstant, pastInstant, plainText } from '../../http/request-fields';
import { AddPartyBody, EditPartyBody } from '../party.schemas';

const calendarDate = factDate;
const instant = factInstant;
const text = (max = 4000, min = 1) => plainText(max, min);
const correctionReason = text().describe('Why the record was wrong; kept in the timeline with the old value.');
/** When it really happened, for an entry made late; statutory clocks run from it. Absent: as it is recorded. */
const occurredAt = pastInstant
  .optional()
  .describe('When it really happened, if before now (ISO 8601, not in the future, not before the case’s first report). Statutory clocks run from it; the entry is flagged late.');

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
const contact = z.strictObject({ summary: text(), occurredAt });
const review = z.strictObject({
  summary: text().describe('What the review found and decided.'),
  riskLevel: z.enum(RISK_LEVELS).optional().describe('A re-assessed level; omit when unchanged.'),
  riskAssessment: RiskAssessmentBody.optional().describe('A full re-assessment, instead of riskLevel.'),
  occurredAt,
});
const stageChange = z.strictObject({ reason: text() });
const incident = z.strictObject({
  occurredAt: instant,
  description: text(),
  subjectIds: z.array(text(64)).default([]).describe('Subjects involved; an incident after a CPW deadline counts as non-compliance.'),
});
const service = z.strictObject({
  method: z.enum(SERVICE_METHODS).describe('Given to the person, sent by post, or fixed to the property.'),
  servedBy: text(200).describe('Who served it: an officer, or the name of a process server.'),
  occurredAt: occurredAt.describe('When it was served, if before now. A CPN’s appeal window runs from this day (day 1); the entry is flagged late.'),
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
  occurredAt,
});
const complianceCheck = z.strictObject({ complied: z.boolean(), notes: text(), occurredAt });
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
  occurredAt,
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

const recordVictimContact = z.strictObject({
  summary: text().describe('What was said when the victim was contacted.'),
  protectedCharacteristics: z
    .array(z.enum(PROTECTED_CHARACTERISTICS))
    .min(1)
    .max(PROTECTED_CHARACTERISTICS.length)
    .describe('The hostility the crime was motivated by: one or more of the five monitored strands.'),
  victimSupport: z.enum(['ACCEPTED', 'DECLINED']).describe('The referral to victim support was offered: whether the victim accepted it.'),
  occurredAt,
});
const recordPoliceNotification = z.strictObject({ policeReference: text(64).describe('The crime or incident number the police gave.'), occurredAt });
const recordMissingEpisode = z.strictObject({
  missingFrom: pastInstant.describe('When the child was last seen (ISO 8601, not in the future).'),
  returnedAt: pastInstant.describe('When the child came back home or to their placement (ISO 8601, not in the future, not before missingFrom); the return home interview is due 72 hours later.'),
});
const recordReturnHomeInterview = z.strictObject({ accepted: z.boolean().describe('Whether the child took up the interview offered.'), summary: text(), occurredAt });
const recordSafeguardingReferral = z.strictObject({ summary: text(), socialCareReference: text(64).optional().describe('The reference children’s social care gave, when known.'), occurredAt });
const recordPreventReferral = z.strictObject({ summary: text(), gatewayReference: text(64).optional().describe('The reference the police Prevent gateway gave, when known.'), occurredAt });
const recordChannelPanel = z.strictObject({
  outcome: z.enum(CHANNEL_OUTCOMES).describe('ADOPTED: support plan, back at the next panel. NOT_ADOPTED: the panel ends here. EXITED: reviews at 6 and 12 months fall due.'),
  summary: text(),
});

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
  recordService: service.meta({ examples: [{ method: 'BY_HAND', servedBy: 'amira.khan', occurredAt: '2026-12-02T10:30:00Z' }] }),
  recordFixedPenaltyPayment: z.strictObject({ occurredAt }).meta({ examples: [{}, { occurredAt: '2026-11-30T15:20:00Z' }] }),
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
  addParty: AddPartyBody.meta({ examples: [{ role: 'WITNESS', id: 'w1', name: 'Chris Moss', contact: '07700 900123, evenings' }] }),
  editParty: EditPartyBody.meta({ examples: [{ dateOfBirth: '1991-07-04' }] }),
  correctCategory: z
    .strictObject({ category: z.enum(CASE_CATEGORIES), reason: correctionReason })
    .meta({ examples: [{ category: 'HARASSMENT', reason: 'The noise is one part of a wider dispute between the two households.' }] }),
  correctSummary: z
    .strictObject({ summary: text(4000, 10).describe('The corrected summary, in full.'), reason: correctionReason })
    .meta({ examples: [{ summary: 'Loud music from the flat below most nights after midnight.', reason: 'The complainant lives above, not below.' }] }),
  correctLocation: z
    .strictObject({ address: text(500).optional(), ward: text(100).optional(), priorityNeighbourhood: z.boolean().optional(), reason: correctionReason })
    .meta({ examples: [{ address: '16 Egerton View, Melton Mowbray', reason: 'House number mistyped at intake.' }] }),
  transferCase: z
    .strictObject({
      team: text(64).describe('The ASB team that takes the case over; both its manager and the present one are told by email.'),
      caseworker: text(64).optional().describe('The caseworker in the new team, when known; otherwise the case is unallocated until its manager allocates it.'),
      reason: text(),
    })
    .meta({ examples: [{ team: 'south', reason: 'The subject has moved to Sysonby ward.' }] }),
  addCaseNote: z.strictObject({ text: text() }).meta({ examples: [{ text: 'Housing confirm the tenancy is in the subject’s mother’s name.' }] }),
  recordContactLog: z
    .strictObject({
      method: z.enum(CONTACT_METHODS),
      withPartyId: text(64).optional().describe('The complainant, subject or witness contacted; or give withName instead.'),
      withName: text(200).optional().describe('Someone who is not a party of the case (a landlord, a GP); or give withPartyId instead.'),
      text: text().describe('What was said.'),
      occurredAt,
    })
    .meta({ examples: [{ method: 'PHONE', withPartyId: 'c1', text: 'Pat says the music stopped after the warning.' }, { method: 'VISIT', withName: 'Mr Patel, the landlord', text: 'Letter of warning to the tenant agreed.', occurredAt: '2026-11-30T10:15:00Z' }] }),
  linkCase: z
    .strictObject({
      linkedReference: z.string().regex(CASE_REFERENCE_PATTERN, 'a case reference such as ASB-2026-000123').describe('The other case: it must exist (404) and be one the caller may read (403).'),
      reason: z.enum(LINK_REASONS).describe('Why the cases belong together.'),
      note: text(1000).optional().describe('How, in a sentence; a summary-only share withholds it.'),
    })
    .meta({ examples: [{ linkedReference: 'ASB-2026-000098', reason: 'SAME_SUBJECT', note: 'Jordan Reed is the subject of both.' }] }),
  unlinkCase: z
    .strictObject({ reason: text().describe('Why the cases no longer belong together; kept in the timeline with the link removed.') })
    .meta({ examples: [{ reason: 'A different Jordan Reed: the dates of birth differ.' }] }),
  recordVictimContact: recordVictimContact.meta({ examples: [{ summary: 'Visited Mrs Begum; she is staying with family this week.', protectedCharacteristics: ['RACE', 'RELIGION'], victimSupport: 'ACCEPTED' }] }),
  recordPoliceNotification: recordPoliceNotification.meta({ examples: [{ policeReference: 'LP-20261201-0457' }] }),
  recordMissingEpisode: recordMissingEpisode.meta({ examples: [{ missingFrom: '2026-11-28T19:00:00Z', returnedAt: '2026-11-29T11:30:00Z' }] }),
  recordReturnHomeInterview: recordReturnHomeInterview.meta({ examples: [{ accepted: true, summary: 'Interview with the independent worker booked for Tuesday after school.' }] }),
  recordSafeguardingReferral: recordSafeguardingReferral.meta({ examples: [{ summary: 'Referred by phone to the front door; written referral sent.', socialCareReference: 'CSC-88213' }] }),
  recordPreventReferral: recordPreventReferral.meta({ examples: [{ summary: 'Prevent referral form sent to the police gateway.', gatewayReference: 'PG-2026-0192' }] }),
  recordChannelPanel: recordChannelPanel.meta({ examples: [{ outcome: 'ADOPTED', summary: 'Mentor allocated; support plan agreed with the family.' }] }),
  recordChannelReview: z.strictObject({ summary: text() }).meta({ examples: [{ summary: 'No further concerns from school or police since leaving Channel.' }] }),
} as const;
