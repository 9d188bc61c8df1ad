import { COMMAND_ROUTES, type CommandRoute } from '../../apps/api/src/cases/commands/command-routes';
import type { TokenClaims } from '../../libs/auth/src';
import { eventually } from '../support/case-driver';
import { http, type HttpResult } from '../support/http';
import { type ApiClient, type RunningService } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { aboutOtherPeople } from '../support/distinct-reports';
import { pspoBreach, pspoConsultation, pspoOrder, todayInEngland } from '../support/pspo-requests';

/**
 * Every endpoint × every kind of caller: allowed (anything but 401/403) or refused (403).
 *
 * The expected matrix below is written out by hand from docs/domain.md (Roles), the access policy
 * (apps/api/src/auth/access-policy.ts) and the roles each command route lists: it does not call the
 * policy, so a change to the policy or to a route's roles that nobody meant shows up here.
 */

// The callers, in the order of the matrix columns. Team roles are of 'north', the team that owns the
// cases the matrix acts on; the last two are the same roles of another team ('south').
const CALLERS = {
  caseworker: { sub: 'amira.khan', name: 'Amira Khan', roles: ['caseworker'], team: 'north' },
  // The same work as any caseworker of north on an open case: the role names who sees a restricted one.
  'caseworker with safeguarding': { sub: 'priya.shah', name: 'Priya Shah', roles: ['caseworker', 'safeguarding'], team: 'north' },
  manager: { sub: 'priya.patel', name: 'Priya Patel', roles: ['manager'], team: 'north' },
  legal: { sub: 'lee.legal', name: 'Lee (Legal)', roles: ['legal'] },
  partner: { sub: 'pc.lewis', name: 'PC Lewis', roles: ['partner'], agency: 'police' },
  case_review_coordinator: { sub: 'cara.review', name: 'Cara Review', roles: ['case_review_coordinator'] },
  admin: { sub: 'asb-admin', name: 'ASB Admin', roles: ['admin'] },
  head_of_service: { sub: 'helen.ward', name: 'Helen Ward', roles: ['head_of_service'] },
  'caseworker of south': { sub: 'tom.price', name: 'Tom Price', roles: ['caseworker'], team: 'south' },
  'manager of south': { sub: 'sara.south', name: 'Sara South', roles: ['manager'], team: 'south' },
} satisfies Record<string, TokenClaims>;
type CallerName = keyof typeof CALLERS;
const CALLER_NAMES = Object.keys(CALLERS) as CallerName[];

type Expected = 'allowed' | 'refused';

/** One matrix row: ✓ allowed, ✗ refused with 403, one mark per caller in CALLERS order. */
function row(marks: string): Record<CallerName, Expected> {
  const cells = marks.trim().split(/\s+/);
  if (cells.length !== CALLER_NAMES.length || cells.some((cell) => cell !== '✓' && cell !== '✗')) {
    throw new Error(`matrix row "${marks}" needs one ✓ or ✗ for each of ${CALLER_NAMES.join(', ')}`);
  }
  return Object.fromEntries(CALLER_NAMES.map((name, index) => [name, cells[index] === '✓' ? 'allowed' : 'refused'])) as Record<CallerName, Expected>;
}

//                                         case-  safe-  mana-  legal  part-  review  admin  head   case-    mana-
//                                         worker guard. ger           ner    coord.         of     worker   ger
//                                         north  north  north         police                svc.   south    south
const ENDPOINT_MATRIX = {
  'POST /cases (a north case)':        row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  'POST /cases (a police referral)':   row('✓      ✓      ✓      ✗      ✓      ✗       ✗      ✗      ✗        ✗'),
  'GET /cases':                        row('✓      ✓      ✓      ✓      ✓      ✓       ✓      ✓      ✓        ✓'),
  'GET /cases/{ref}':                  row('✓      ✓      ✓      ✓      ✗      ✓       ✓      ✓      ✗        ✗'),
  'GET /cases/{ref}/timeline':         row('✓      ✓      ✓      ✓      ✗      ✓       ✓      ✓      ✗        ✗'),
  'GET /cases/{ref}/deadlines':        row('✓      ✓      ✓      ✓      ✗      ✓       ✓      ✓      ✗        ✗'),
  'GET /cases/{ref}/next-steps':       row('✓      ✓      ✓      ✓      ✗      ✓       ✓      ✓      ✗        ✗'),
  'GET /teams/north/overview':         row('✗      ✗      ✓      ✗      ✗      ✗       ✗      ✓      ✗        ✗'),
  'GET /legal/queue':                  row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✓      ✗        ✗'),
  'GET /agencies/POLICE/actions':      row('✓      ✓      ✓      ✓      ✓      ✓       ✓      ✓      ✓        ✓'),
  'GET /agencies/PROBATION/actions':   row('✓      ✓      ✓      ✓      ✗      ✓       ✓      ✓      ✓        ✓'),
  'GET /forums/JAG/agenda':            row('✗      ✗      ✓      ✗      ✓      ✓       ✓      ✓      ✗        ✓'),
  'GET /statistics':                   row('✓      ✓      ✓      ✓      ✓      ✓       ✓      ✓      ✓        ✓'),
  'GET /audit':                        row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'GET /subject-access':               row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'GET /policy-versions':              row('✓      ✓      ✓      ✓      ✗      ✓       ✓      ✓      ✓        ✓'),
  'GET /notifications':                row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'GET /notifications/{id}':           row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'POST /notifications/{id}/resend':   row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'GET /retention/due':                 row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'GET /case-failures':                 row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'GET /forums/JAG/meetings':           row('✗      ✗      ✓      ✗      ✓      ✓       ✓      ✓      ✗        ✓'),
  'GET /forums/JAG/meetings/{id}':      row('✗      ✗      ✓      ✗      ✓      ✓       ✓      ✓      ✗        ✓'),
  'POST /forums/JAG/meetings/{id}/decisions': row('✗      ✗      ✓      ✗      ✗      ✗       ✗      ✓      ✗        ✓'),
  'GET /policy-versions/{id}':         row('✓      ✓      ✓      ✓      ✗      ✓       ✓      ✓      ✓        ✓'),
  'GET /policy-versions/{id}/diff':    row('✓      ✓      ✓      ✓      ✗      ✓       ✓      ✓      ✓        ✓'),
  'POST /policy-versions':             row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'PUT /policy-versions/{id}':         row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'POST /policy-versions/{id}/approval': row('✗    ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'GET /policy-versions/{id}/fan-out-plan': row('✗  ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'POST /policy-versions/{id}/fan-out':  row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  'GET /policy-versions/{id}/fan-out':   row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  // PSPOs are council-wide orders, published in full: everyone reads them; managers (of any team), the
  // head of service and admins decide on them; the council's officers and the police record breaches.
  'GET /pspos':                         row('✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓'),
  'GET /pspos/{id}':                    row('✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓'),
  'GET /pspos/statistics':              row('✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓'),
  'GET /pspos/{id}/breaches':           row('✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓      ✓'),
  'POST /pspos':                        row('✗      ✗      ✓      ✗      ✗      ✗      ✓      ✓      ✗      ✓'),
  'POST /pspos/{id}/consultations':     row('✗      ✗      ✓      ✗      ✗      ✗      ✓      ✓      ✗      ✓'),
  'POST /pspos/{id}/extensions':        row('✗      ✗      ✓      ✗      ✗      ✗      ✓      ✓      ✗      ✓'),
  'POST /pspos/{id}/variations':        row('✗      ✗      ✓      ✗      ✗      ✗      ✓      ✓      ✗      ✓'),
  'POST /pspos/{id}/discharge':         row('✗      ✗      ✓      ✗      ✗      ✗      ✓      ✓      ✗      ✓'),
  'POST /pspos/{id}/breaches':          row('✓      ✓      ✓      ✗      ✓      ✗      ✓      ✓      ✓      ✓'),
};

// Commands on a north case. Casework is for the case's own team's caseworkers and managers; allocation,
// forum changes and closure decisions for its manager; court and legal-referral steps for legal; the
// policy version for admins. A partner completes an action assigned to their own agency (the matrix
// sends it one assigned to the police), and records an incident only on a case shared with their agency
// in full (this one is not shared with the police). The case review coordinator runs the ASB
// Case Review, which the case's team may also record an application for; the head of service sends none.
//                                         case-  safe-  mana-  legal  part-  review  admin  head   case-    mana-
//                                         worker guard. ger           ner    coord.         of     worker   ger
//                                         north  north  north         police                svc.   south    south
const COMMAND_MATRIX: Record<string, Record<CallerName, Expected>> = {
  assessRisk:                          row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  allocate:                            row('✗      ✗      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordInitialContact:                row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordComplainantUpdate:             row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordReview:                        row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  startMonitoring:                     row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  resumeActive:                        row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordIncident:                      row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordConviction:                    row('✓      ✓      ✓      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  changeForum:                         row('✗      ✗      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  referToAdultsAtRisk:                 row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordEnforcementStep:               row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordComplianceCheck:               row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordBreach:                        row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordService:                       row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordFixedPenaltyPayment:           row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordProsecutionDecision:           row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordContractReview:                row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  acknowledgeLegalReferral:            row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordLegalDecision:                 row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  listHearing:                         row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordHearingOutcome:                row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  extendOrder:                         row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordOrderBreach:                   row('✓      ✓      ✓      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordBeforeJudge:                   row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordOrderReview:                   row('✗      ✗      ✗      ✓      ✗      ✗       ✗      ✗      ✗        ✗'),
  requestClosure:                      row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  decideClosure:                       row('✗      ✗      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordSatisfactionFollowUp:          row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  reopen:                              row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  assignPartnerAction:                 row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  completePartnerAction:               row('✓      ✓      ✓      ✗      ✓      ✗       ✗      ✗      ✗        ✗'),
  shareWithAgency:                     row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  stopSharing:                         row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  movePolicy:                          row('✗      ✗      ✗      ✗      ✗      ✗       ✓      ✗      ✗        ✗'),
  applyForCaseReview:                  row('✓      ✓      ✓      ✗      ✗      ✓       ✗      ✗      ✗        ✗'),
  acknowledgeCaseReview:               row('✗      ✗      ✗      ✗      ✗      ✓       ✗      ✗      ✗        ✗'),
  decideCaseReviewThreshold:           row('✗      ✗      ✗      ✗      ✗      ✓       ✗      ✗      ✗        ✗'),
  recordCaseReviewMeeting:             row('✗      ✗      ✗      ✗      ✗      ✓       ✗      ✗      ✗        ✗'),
  recordCaseReviewOutcome:             row('✗      ✗      ✗      ✗      ✗      ✓       ✗      ✗      ✗        ✗'),
  recordCaseReviewAppeal:              row('✗      ✗      ✗      ✗      ✗      ✓       ✗      ✗      ✗        ✗'),
  decideCaseReviewAppeal:              row('✗      ✗      ✗      ✗      ✗      ✓       ✗      ✗      ✗        ✗'),
  addParty:                            row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  editParty:                           row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  correctCategory:                     row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  correctSummary:                      row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  correctLocation:                     row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  transferCase:                        row('✗      ✗      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  addCaseNote:                         row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordContactLog:                    row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  linkCase:                            row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  unlinkCase:                          row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordVictimContact:                 row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordPoliceNotification:            row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordMissingEpisode:                row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordReturnHomeInterview:           row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordSafeguardingReferral:          row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordPreventReferral:               row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordChannelPanel:                  row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
  recordChannelReview:                 row('✓      ✓      ✓      ✗      ✗      ✗       ✗      ✗      ✗        ✗'),
};

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A valid body for each command, so that a refused caller meets the access check (the body is
 * validated first) and an allowed one at worst a 409 about the case's state. A command without an
 * entry here is sent `{}`.
 */
const COMMAND_BODIES: Record<string, unknown> = {
  assessRisk: { assessment: { disability: false, mentalHealth: false, isolation: true, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true } },
  allocate: { caseworker: 'amira.khan' },
  recordInitialContact: { summary: 'Phoned the complainant and agreed a diary sheet.' },
  recordComplainantUpdate: { summary: 'Told the complainant a warning letter has gone out.' },
  recordReview: { summary: 'Diary sheets show three late-night parties this fortnight.' },
  startMonitoring: { reason: 'Quiet for a month after the warning.' },
  resumeActive: { reason: 'Parties started again.' },
  recordIncident: { occurredAt: hoursAgo(2), description: 'Music at full volume until 3am.', subjectIds: ['s1'] },
  recordConviction: { subjectId: 's1', offence: 'Criminal damage to a neighbour’s car', convictedOn: daysFromNow(-7) },
  changeForum: { to: 'MAG', reason: 'Council tenant; repeated noise despite a warning.' },
  referToAdultsAtRisk: { reason: 'The complainant is housebound and frightened.' },
  recordEnforcementStep: { kind: 'VERBAL_WARNING', subjectId: 's1', notes: 'Spoke to the subject at the door.' },
  recordComplianceCheck: { complied: true, notes: 'No incidents reported since the warning.' },
  recordBreach: { description: 'Music again after the notice.', occurredAt: hoursAgo(1) },
  recordService: { method: 'BY_HAND', servedBy: 'amira.khan' },
  recordFixedPenaltyPayment: {},
  recordProsecutionDecision: { prosecute: false, reason: 'Not in the public interest.' },
  recordContractReview: { notes: 'Contract kept so far.' },
  acknowledgeLegalReferral: {},
  recordLegalDecision: { proceed: true, reason: 'Evidence supports an injunction.' },
  listHearing: { hearingAt: new Date(Date.now() + 14 * 86_400_000).toISOString(), court: 'COUNTY_COURT' },
  recordHearingOutcome: { outcome: 'ADJOURNED' },
  extendOrder: { expiresOn: daysFromNow(120) },
  recordOrderBreach: { description: 'Seen at the premises the order closed.' },
  recordBeforeJudge: {},
  recordOrderReview: { notes: 'Order still needed.' },
  requestClosure: { reason: 'RESOLVED', explanationToComplainant: 'The noise has stopped since the warning.' },
  decideClosure: { approve: false, reason: 'Wait for one more review.' },
  recordSatisfactionFollowUp: { summary: 'The complainant is satisfied.' },
  reopen: { reason: 'The parties started again.' },
  assignPartnerAction: { agency: 'POLICE', description: 'Patrol outside the flats on Friday nights.', dueOn: daysFromNow(14) },
  completePartnerAction: { outcome: 'Patrolled three Fridays; no disorder seen.' },
  shareWithAgency: { agency: 'PROBATION', summaryOnly: true, reason: 'The subject is on licence.' },
  stopSharing: { agency: 'PROBATION', reason: 'Licence ended.' },
  movePolicy: { policyVersionId: '2026.1', reason: 'Stay on the published version.' },
  applyForCaseReview: { applicant: 'VICTIM', applicantName: 'Sam Hill' },
  acknowledgeCaseReview: {},
  decideCaseReviewThreshold: { met: true, reason: 'Three complaints in six months.' },
  recordCaseReviewMeeting: { recommendations: 'Joint visit.' },
  recordCaseReviewOutcome: { summary: 'Letter sent.' },
  recordCaseReviewAppeal: { reason: 'Disputes the outcome.' },
  decideCaseReviewAppeal: { upheld: false, reason: 'The review was sound.' },
  addParty: { role: 'WITNESS', id: 'w1', name: 'Ola Grant' },
  // Corrections that change nothing, and a transfer to the team that has the case: an allowed caller is
  // refused by the case's state (409), so the case the matrix acts on stays as it is for the next cell.
  editParty: { vulnerable: false },
  correctCategory: { category: 'NOISE_DISPUTE', reason: 'Checked against the report.' },
  correctSummary: { summary: 'Loud parties at weekends in the flat next door, into the early morning.', reason: 'Checked against the report.' },
  correctLocation: { ward: 'Egerton', reason: 'Checked against the report.' },
  transferCase: { team: 'north', reason: 'Stays with the team.' },
  addCaseNote: { text: 'Housing confirm the tenancy.' },
  recordContactLog: { method: 'VISIT', withPartyId: 'c1', text: 'Diary sheets collected.' },
  // To another north case, which every caller allowed the command may read: the first links, the second is told it is linked.
  get linkCase() {
    return { linkedReference: pathIds.linkedReference, reason: 'SAME_SUBJECT' };
  },
  unlinkCase: { reason: 'A namesake, not the same person.' },
  // Each type's own commands, on the matrix's ASB case: an allowed caller is refused by its type (409 NOT_FOR_CASE_TYPE).
  recordVictimContact: { summary: 'Visited the victim.', protectedCharacteristics: ['RACE'], victimSupport: 'ACCEPTED' },
  recordPoliceNotification: { policeReference: 'LP-1' },
  recordMissingEpisode: { missingFrom: hoursAgo(5), returnedAt: hoursAgo(1) },
  recordReturnHomeInterview: { accepted: true, summary: 'Offered.' },
  recordSafeguardingReferral: { summary: 'Referred to the front door.' },
  recordPreventReferral: { summary: 'Sent to the gateway.' },
  recordChannelPanel: { outcome: 'ADOPTED', summary: 'Mentor allocated.' },
  recordChannelReview: { summary: 'No concerns.' },
};

const SUMMARY = 'Loud parties at weekends in the flat next door, into the early morning.';
/** Each case opened here is about other people, so that none is answered as a possible duplicate of another. */
const report = (team: string, overrides: Record<string, unknown> = {}) => aboutOtherPeople({
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: SUMMARY,
  riskLevel: 'MEDIUM',
  team,
  caseworker: 'amira.khan',
  location: { ward: 'Egerton', priorityNeighbourhood: false },
  complainants: [{ id: 'c1', name: 'Grace Hill', vulnerable: false }],
  subjects: [{ id: 's1', name: 'Sam Wood', dateOfBirth: '1985-06-01', tenure: 'MBC_TENANT' }],
  ...overrides,
});
/** What a police officer sends the north team: untriaged, unallocated. */
const policeReferral = () => {
  const { riskLevel: _riskLevel, caseworker: _caseworker, ...rest } = report('north', { channel: 'POLICE_REFERRAL', category: 'COMMUNITY_DISRUPTION' });
  return rest;
};

// Every case in this file is opened today, so this period counts them all.
const STATISTICS = '/statistics?from=2000-01-01&to=2100-01-01';

interface Endpoint {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** The path, given the north case the matrix acts on. */
  readonly path: (reference: string) => string;
  readonly body?: () => unknown;
  /** The exact status an allowed caller gets; commands only promise "not 401/403" (state may refuse them). */
  readonly allowedStatus?: number;
  readonly expected: Record<CallerName, Expected> | undefined;
}

/** Path parameters: no such step or referral (state refuses, not access); the action is the police's; the party is the complainant; the linked case is another north case. */
const pathIds = { stepId: 'step-1', referralId: 'legal-1', actionId: 'action-1', episodeId: 'episode-1', partyId: 'c1', notificationId: '0', linkedReference: 'ASB-2026-000001', pspoId: 'PSPO-2026-001' };
const commandPath = (route: CommandRoute) => route.path.replace(/:(\w+)/g, (_match, name: string) => pathIds[name as keyof typeof pathIds] ?? name);

const ENDPOINTS: readonly Endpoint[] = [
  { name: 'POST /cases (a north case)', method: 'POST', path: () => '/cases', body: () => report('north'), allowedStatus: 201, expected: ENDPOINT_MATRIX['POST /cases (a north case)'] },
  { name: 'POST /cases (a police referral)', method: 'POST', path: () => '/cases', body: policeReferral, allowedStatus: 201, expected: ENDPOINT_MATRIX['POST /cases (a police referral)'] },
  { name: 'GET /cases', method: 'GET', path: () => '/cases', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /cases'] },
  { name: 'GET /cases/{ref}', method: 'GET', path: (ref) => `/cases/${ref}`, allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /cases/{ref}'] },
  { name: 'GET /cases/{ref}/timeline', method: 'GET', path: (ref) => `/cases/${ref}/timeline`, allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /cases/{ref}/timeline'] },
  { name: 'GET /cases/{ref}/deadlines', method: 'GET', path: (ref) => `/cases/${ref}/deadlines`, allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /cases/{ref}/deadlines'] },
  { name: 'GET /cases/{ref}/next-steps', method: 'GET', path: (ref) => `/cases/${ref}/next-steps`, allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /cases/{ref}/next-steps'] },
  // Every command route there is: a new route is in the matrix (and fails until it has a row).
  ...COMMAND_ROUTES.map(
    (route): Endpoint => ({
      name: `POST /cases/{ref}/${route.path} (${route.command})`,
      method: 'POST',
      path: (ref) => `/cases/${ref}/${commandPath(route)}`,
      body: () => COMMAND_BODIES[route.command] ?? {},
      expected: COMMAND_MATRIX[route.command],
    }),
  ),
  { name: 'GET /teams/north/overview', method: 'GET', path: () => '/teams/north/overview', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /teams/north/overview'] },
  { name: 'GET /legal/queue', method: 'GET', path: () => '/legal/queue', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /legal/queue'] },
  { name: 'GET /agencies/POLICE/actions', method: 'GET', path: () => '/agencies/POLICE/actions', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /agencies/POLICE/actions'] },
  { name: 'GET /agencies/PROBATION/actions', method: 'GET', path: () => '/agencies/PROBATION/actions', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /agencies/PROBATION/actions'] },
  { name: 'GET /forums/JAG/agenda', method: 'GET', path: () => '/forums/JAG/agenda', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /forums/JAG/agenda'] },
  { name: 'GET /statistics', method: 'GET', path: () => STATISTICS, allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /statistics'] },
  { name: 'GET /audit', method: 'GET', path: () => '/audit?limit=5', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /audit'] },
  { name: 'GET /subject-access', method: 'GET', path: () => '/subject-access?name=Pat%20Lee', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /subject-access'] },
  { name: 'GET /policy-versions', method: 'GET', path: () => '/policy-versions', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /policy-versions'] },
  { name: 'GET /policy-versions/{id}', method: 'GET', path: () => '/policy-versions/2026.1', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /policy-versions/{id}'] },
  { name: 'GET /policy-versions/{id}/diff', method: 'GET', path: () => '/policy-versions/2026.1/diff?against=2026.1', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /policy-versions/{id}/diff'] },
  // An admin's draft with a number out of range is judged (422); anyone else is refused before it is read.
  {
    name: 'POST /policy-versions',
    method: 'POST',
    path: () => '/policy-versions',
    body: () => ({ id: '2099.1', effectiveFrom: '2099-01-01', basedOn: '2026.1', local: { retentionYears: 0 } }),
    allowedStatus: 422,
    expected: ENDPOINT_MATRIX['POST /policy-versions'],
  },
  // The shipped version never changes and was approved by the release: an admin is told so (409).
  { name: 'PUT /policy-versions/{id}', method: 'PUT', path: () => '/policy-versions/2026.1', body: () => ({ effectiveFrom: '2026-01-01' }), allowedStatus: 409, expected: ENDPOINT_MATRIX['PUT /policy-versions/{id}'] },
  { name: 'POST /policy-versions/{id}/approval', method: 'POST', path: () => '/policy-versions/2026.1/approval', allowedStatus: 409, expected: ENDPOINT_MATRIX['POST /policy-versions/{id}/approval'] },
  // The shipped version names no date from which it reaches open cases: an admin is told so (409), and that no fan-out of it exists (404).
  { name: 'GET /policy-versions/{id}/fan-out-plan', method: 'GET', path: () => '/policy-versions/2026.1/fan-out-plan', allowedStatus: 409, expected: ENDPOINT_MATRIX['GET /policy-versions/{id}/fan-out-plan'] },
  { name: 'POST /policy-versions/{id}/fan-out', method: 'POST', path: () => '/policy-versions/2026.1/fan-out', body: () => ({ reason: 'The law changed.' }), allowedStatus: 409, expected: ENDPOINT_MATRIX['POST /policy-versions/{id}/fan-out'] },
  { name: 'GET /policy-versions/{id}/fan-out', method: 'GET', path: () => '/policy-versions/2026.1/fan-out', allowedStatus: 404, expected: ENDPOINT_MATRIX['GET /policy-versions/{id}/fan-out'] },
  { name: 'GET /notifications', method: 'GET', path: () => '/notifications?status=FAILED', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /notifications'] },
  { name: 'GET /notifications/{id}', method: 'GET', path: () => `/notifications/${pathIds.notificationId}`, allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /notifications/{id}'] },
  // The police's notice was sent, so an admin may ask but the outbox refuses: only a failed one is re-sent.
  { name: 'GET /forums/JAG/meetings', method: 'GET', path: () => '/forums/JAG/meetings', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /forums/JAG/meetings'] },
  // No meeting has been held in this world: a member may ask and is told there is none (404); others are refused.
  { name: 'GET /forums/JAG/meetings/{id}', method: 'GET', path: () => '/forums/JAG/meetings/JAG-2026-01-01', allowedStatus: 404, expected: ENDPOINT_MATRIX['GET /forums/JAG/meetings/{id}'] },
  {
    name: 'POST /forums/JAG/meetings/{id}/decisions',
    method: 'POST',
    path: () => '/forums/JAG/meetings/JAG-2026-01-01/decisions',
    body: () => ({ reference: 'ASB-2026-000001', decision: 'NOTED', reason: 'Discussed.' }),
    allowedStatus: 404,
    expected: ENDPOINT_MATRIX['POST /forums/JAG/meetings/{id}/decisions'],
  },
  { name: 'GET /retention/due', method: 'GET', path: () => '/retention/due?withinDays=30', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /retention/due'] },
  { name: 'GET /case-failures', method: 'GET', path: () => '/case-failures?limit=5', allowedStatus: 200, expected: ENDPOINT_MATRIX['GET /case-failures'] },
  { name: 'POST /notifications/{id}/resend', method: 'POST', path: () => `/notifications/${pathIds.notificationId}/resend`, allowedStatus: 409, expected: ENDPOINT_MATRIX['POST /notifications/{id}/resend'] },
  ...pspoEndpoints(),
];

/**
 * The PSPO routes, on the order made before the matrix runs. A decision names a consultation never
 * recorded, so an allowed caller is refused by the order's state (409) and the order stays as it is.
 */
function pspoEndpoints(): Endpoint[] {
  const decision = { decidedOn: todayInEngland(), reason: 'Needed still.', consultationId: 'C99' };
  const of = (name: keyof typeof ENDPOINT_MATRIX, method: 'GET' | 'POST', path: () => string, allowedStatus?: number, body?: () => unknown): Endpoint => ({
    name,
    method,
    path,
    ...(body ? { body } : {}),
    ...(allowedStatus ? { allowedStatus } : {}),
    expected: ENDPOINT_MATRIX[name],
  });
  return [
    of('GET /pspos', 'GET', () => '/pspos', 200),
    of('GET /pspos/{id}', 'GET', () => `/pspos/${pathIds.pspoId}`, 200),
    of('GET /pspos/statistics', 'GET', () => '/pspos/statistics?withinDays=30', 200),
    of('GET /pspos/{id}/breaches', 'GET', () => `/pspos/${pathIds.pspoId}/breaches`, 200),
    of('POST /pspos', 'POST', () => '/pspos', 201, () => pspoOrder()),
    of('POST /pspos/{id}/consultations', 'POST', () => `/pspos/${pathIds.pspoId}/consultations`, 200, () => pspoConsultation('VARY')),
    of('POST /pspos/{id}/extensions', 'POST', () => `/pspos/${pathIds.pspoId}/extensions`, 409, () => ({ ...decision, expiresOn: daysFromNow(2000) })),
    of('POST /pspos/{id}/variations', 'POST', () => `/pspos/${pathIds.pspoId}/variations`, 409, () => ({ ...decision, prohibitions: ['Fouling not cleared up'] })),
    of('POST /pspos/{id}/discharge', 'POST', () => `/pspos/${pathIds.pspoId}/discharge`, 409, () => decision),
    of('POST /pspos/{id}/breaches', 'POST', () => `/pspos/${pathIds.pspoId}/breaches`, 201, () => pspoBreach(100)),
  ];
}

const CELLS = ENDPOINTS.flatMap((endpoint) =>
  CALLER_NAMES.map((caller) => ({ endpoint, caller, expected: endpoint.expected?.[caller] ?? 'missing from the matrix', label: endpoint.name })),
);

/** A child sexual exploitation case of north: restricted, so a case that is not there for anyone the role does not name. */
const RESTRICTED_SUMMARY = 'A 14-year-old is collected from school by older men in different cars.';
const REFERENCE_PLACEHOLDER = 'ASB-0000-000000';
const RESTRICTED_CELLS = ENDPOINTS.filter((endpoint) => endpoint.path(REFERENCE_PLACEHOLDER).includes(REFERENCE_PLACEHOLDER)).flatMap((endpoint) =>
  CALLER_NAMES.filter((caller) => !CALLERS[caller].roles.includes('safeguarding')).map((caller) => ({ endpoint, caller, label: endpoint.name })),
);

const total = (rows: { count: number }[]) => rows.reduce((sum, entry) => sum + entry.count, 0);
const referencesOf = (result: HttpResult) => (result.body.items as { reference: string }[]).map((item) => item.reference);

describe('who may call each endpoint: every role, a team role of another team, and a partner agency', () => {
  let service: RunningService;
  let world: E2eWorld;
  const as = {} as Record<CallerName, ApiClient>;
  /** The north case the matrix reads and sends every command to; it has an action assigned to the police. */
  let matrixCase: string;
  /** A north case escalated to MAG and shared with probation (not the police), with an action for probation. */
  let sharedElsewhere: string;
  let southCase: string;
  /** North cases shared with the police: one in full, one as a summary only. */
  let sharedWithPolice: string;
  /** Cases the police referred in the matrix: shared with them as a summary, so theirs to see. */
  const referredByPolice: string[] = [];
  let summaryForPolice: string;
  let probationAction: string;
  let restrictedCase: string;

  const expectStatus = async (expected: number, call: Promise<HttpResult>) => {
    const response = await call;
    if (response.status !== expected) throw new Error(`setup expected ${expected}, got ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const open = async (caller: CallerName, body: unknown): Promise<string> => (await expectStatus(201, as[caller]('POST', '/cases', { body }))).reference;
  const send = (reference: string, path: string, body: unknown) => expectStatus(200, as.caseworker('POST', `/cases/${reference}/${path}`, { body }));
  /** Assigns an action and answers its id, from the timeline entry that records it. */
  const assign = async (reference: string, agency: string): Promise<string> => {
    await send(reference, 'partner-actions', { agency, description: `A visit by ${agency.toLowerCase()}.`, dueOn: daysFromNow(14) });
    const { body } = await as.caseworker('GET', `/cases/${reference}/timeline`);
    const entry = (body.entries as { kind: string; data: { actionId?: string; agency?: string } | null }[]).findLast((each) => each.kind === 'PARTNER_ACTION_ASSIGNED' && each.data?.agency === agency);
    return entry!.data!.actionId!;
  };

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-authz');
    ({ service } = world);
    for (const name of CALLER_NAMES) as[name] = await service.client(CALLERS[name]);

    matrixCase = await open('caseworker', report('north'));
    pathIds.actionId = await assign(matrixCase, 'POLICE');
    await eventually(async () => {
      const { body } = await as.admin('GET', `/notifications?reference=${matrixCase}&status=SENT`);
      pathIds.notificationId = (body.notifications as { id: string }[])[0]?.id ?? '0';
      return pathIds.notificationId !== '0';
    });
    sharedElsewhere = await open('caseworker', report('north', { location: { ward: 'Sysonby', priorityNeighbourhood: true } }));
    pathIds.linkedReference = sharedElsewhere;
    await expectStatus(200, as.manager('POST', `/cases/${sharedElsewhere}/forum-changes`, { body: { to: 'MAG', reason: 'Council tenant; the neighbour is vulnerable.' } }));
    await send(sharedElsewhere, 'shares', { agency: 'PROBATION', summaryOnly: false, reason: 'The subject is on licence to probation.' });
    probationAction = await assign(sharedElsewhere, 'PROBATION');
    southCase = await open('caseworker of south', report('south', { caseworker: 'tom.price' }));
    sharedWithPolice = await open('caseworker', report('north', { category: 'HARASSMENT' }));
    await send(sharedWithPolice, 'shares', { agency: 'POLICE', summaryOnly: false, reason: 'Joint investigation of the harassment.' });
    summaryForPolice = await open('caseworker', report('north', { category: 'DRUGS' }));
    await send(summaryForPolice, 'shares', { agency: 'POLICE', summaryOnly: true, reason: 'Police to know the address is under watch.' });
    restrictedCase = await open('caseworker with safeguarding', report('north', { type: 'CHILD_SEXUAL_EXPLOITATION', category: 'OTHER', summary: RESTRICTED_SUMMARY }));
    pathIds.pspoId = (await expectStatus(201, as.admin('POST', '/pspos', { body: pspoOrder() }))).id;
  });

  afterAll(() => world?.stop());

  it('has an expected row for every command route, and no row for a route that does not exist', () => {
    expect(COMMAND_ROUTES.filter((route) => !COMMAND_MATRIX[route.command]).map((route) => route.command)).toEqual([]);
    const routed = new Set<string>(COMMAND_ROUTES.map((route) => route.command));
    expect(Object.keys(COMMAND_MATRIX).filter((command) => !routed.has(command))).toEqual([]);
  });

  it.each(CELLS)('$caller: $label is $expected', async ({ endpoint, caller, expected }) => {
    if (expected !== 'allowed' && expected !== 'refused') throw new Error(`${endpoint.name} has no row in the expected matrix: add one`);
    const response = await as[caller](endpoint.method, endpoint.path(matrixCase), endpoint.body ? { body: endpoint.body() } : {});
    const seen = `${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
    if (caller === 'partner' && endpoint.name === 'POST /cases (a police referral)' && response.status === 201) referredByPolice.push(response.body.reference);
    if (expected === 'refused') {
      expect(seen).toMatch(/^403 /);
      expect(JSON.stringify(response.body)).not.toContain(SUMMARY);
    } else if (endpoint.allowedStatus) {
      expect(seen).toMatch(new RegExp(`^${endpoint.allowedStatus} `));
    } else {
      // A command: the case's state or a placeholder step or referral may refuse it (409), but not who is asking.
      expect(seen).not.toMatch(/^(401|403) /);
      expect(response.status).toBeLessThan(500);
    }
  });

  it.each(RESTRICTED_CELLS)('$caller: $label of a restricted (CSE) case is 404, as for no case', async ({ endpoint, caller }) => {
    const response = await as[caller](endpoint.method, endpoint.path(restrictedCase), endpoint.body ? { body: endpoint.body() } : {});
    expect(`${response.status} ${response.body?.title}`).toBe('404 Not found');
    expect(JSON.stringify(response.body)).not.toContain(RESTRICTED_SUMMARY);
  });

  it('shows the restricted case to the caseworker with the safeguarding role, by URL and in the list', async () => {
    const read = await as['caseworker with safeguarding']('GET', `/cases/${restrictedCase}`);
    expect(`${read.status} ${read.body.summary}`).toBe(`200 ${RESTRICTED_SUMMARY}`);
    expect(referencesOf(await as['caseworker with safeguarding']('GET', '/cases?limit=200'))).toContain(restrictedCase);
    for (const name of CALLER_NAMES.filter((caller) => caller !== 'caseworker with safeguarding')) {
      expect({ name, listed: referencesOf(await as[name]('GET', '/cases?limit=200')).includes(restrictedCase) }).toEqual({ name, listed: false });
    }
  });

  it.each(ENDPOINTS.map((endpoint) => ({ endpoint, label: endpoint.name })))('nobody without a token: $label is 401', async ({ endpoint }) => {
    const response = await http(service.baseUrl, endpoint.method, endpoint.path(matrixCase), endpoint.body ? { body: endpoint.body() } : {});
    expect(response.status).toBe(401);
  });

  it('leaves no trace on the case of a caller who was refused every command', async () => {
    const { body } = await as.admin('GET', `/cases/${matrixCase}/timeline`);
    const actors = new Set((body.entries as { actor: string }[]).map((entry) => entry.actor));
    const refusedEverywhere: CallerName[] = ['head_of_service', 'caseworker of south', 'manager of south'];
    expect(refusedEverywhere.map((name) => CALLERS[name].sub).filter((sub) => actors.has(sub))).toEqual([]);
    // It did record the allowed callers' commands.
    expect(actors.has(CALLERS.caseworker.sub)).toBe(true);
    expect(actors.has(CALLERS.manager.sub)).toBe(true);
  });

  it('lets a partner complete an action assigned to their agency, and refuses one assigned to another agency', async () => {
    const policeAction = await assign(sharedElsewhere, 'POLICE');
    const own = await as.partner('POST', `/cases/${sharedElsewhere}/partner-actions/${policeAction}/completion`, { body: { outcome: 'Visited twice; nobody home.' } });
    expect(own.status).toBe(200);
    const other = await as.partner('POST', `/cases/${sharedElsewhere}/partner-actions/${probationAction}/completion`, { body: { outcome: 'Not ours to complete.' } });
    expect(other.status).toBe(403);
  });

  it('shows a partner a case shared with their agency: in full, or the summary alone', async () => {
    const full = await as.partner('GET', `/cases/${sharedWithPolice}`);
    expect(full.status).toBe(200);
    expect(full.body.summary).toBe(SUMMARY);
    expect((await as.partner('GET', `/cases/${sharedWithPolice}/timeline`)).status).toBe(200);
    const summary = await as.partner('GET', `/cases/${summaryForPolice}`);
    expect(summary.status).toBe(200);
    expect(JSON.stringify(summary.body)).not.toContain(SUMMARY);
    expect((await as.partner('GET', `/cases/${summaryForPolice}/timeline`)).status).toBe(403);
  });

  it('never shows a partner, by reference, a case that was not shared with their agency', async () => {
    for (const reference of [matrixCase, sharedElsewhere, southCase]) {
      for (const view of ['', '/timeline', '/deadlines', '/next-steps']) {
        const response = await as.partner('GET', `/cases/${reference}${view}`);
        expect(`${reference}${view} ${response.status}`).toBe(`${reference}${view} 403`);
        expect(JSON.stringify(response.body)).not.toContain(SUMMARY);
      }
    }
  });

  it('never lists for a partner a case that was not shared with their agency, whatever the filter', async () => {
    const everything = referencesOf(await as.head_of_service('GET', '/cases?limit=200'));
    expect(everything).toEqual(expect.arrayContaining([matrixCase, sharedElsewhere, southCase, sharedWithPolice, summaryForPolice]));
    const shared = new Set([sharedWithPolice, summaryForPolice, ...referredByPolice]);
    expect(referencesOf(await as.partner('GET', '/cases')).sort()).toEqual([...shared].sort());
    for (const query of ['?limit=200', '?team=north', '?team=south', '?caseworker=amira.khan', '?ward=Sysonby', '?forum=MAG', '?riskLevel=MEDIUM', '?category=NOISE_DISPUTE']) {
      const list = await as.partner('GET', `/cases${query}`);
      expect(list.status).toBe(200);
      expect({ query, notShared: referencesOf(list).filter((reference) => !shared.has(reference)) }).toEqual({ query, notShared: [] });
    }
  });

  it('never counts for a partner, in the statistics, a case that was not shared with their agency', async () => {
    const overall = await as.head_of_service('GET', STATISTICS);
    expect(total(overall.body.byType)).toBeGreaterThanOrEqual(5);
    expect(overall.body.escalatedCases).toBeGreaterThanOrEqual(1);
    const partner = await as.partner('GET', STATISTICS);
    expect(partner.status).toBe(200);
    for (const counts of ['byType', 'byCategory', 'byWard', 'byMonth', 'byRisk', 'byForum', 'byOutcome']) {
      expect({ counts, total: total(partner.body[counts]) }).toEqual({ counts, total: 2 + referredByPolice.length });
    }
    const count = (rows: { key: string; count: number }[], key: string) => rows.find((entry) => entry.key === key)?.count ?? 0;
    expect(count(partner.body.byCategory, 'NOISE_DISPUTE')).toBe(0);
    // The escalated case is shared with probation, not the police.
    expect(partner.body.escalatedCases).toBe(0);
  });

  it('shows a caseworker or manager of another team none of north’s cases in lists or statistics', async () => {
    const north = referencesOf(await as.head_of_service('GET', '/cases?team=north&limit=200'));
    expect(north).toEqual(expect.arrayContaining([matrixCase, sharedElsewhere]));
    for (const name of ['caseworker of south', 'manager of south'] as const) {
      expect(referencesOf(await as[name]('GET', '/cases?limit=200'))).toEqual([southCase]);
      expect(referencesOf(await as[name]('GET', '/cases?team=north'))).toEqual([]);
      const stats = await as[name]('GET', STATISTICS);
      expect(total(stats.body.byType)).toBe(1);
    }
  });
});
