import type { z } from 'zod';
import type { CaseCommandName, CommandOf } from '../../../../../libs/domain/src';
import { COMMAND_BODIES } from './command.schemas';

import type { StaffRole } from '../../../../../libs/auth/src';

export interface CommandRoute<N extends CaseCommandName = CaseCommandName> {
  readonly command: N;
  /** Below /cases/{reference}/. */
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  /** Who may send it (deny by default: a role not listed is refused). */
  readonly roles: readonly StaffRole[];
  /**
   * When a partner (if `roles` lists them) may send it: for an action assigned to their own agency, or
   * on a case shared in full with their agency.
   */
  readonly partnerWhen?: 'ACTION_OF_THEIR_AGENCY' | 'SHARED_IN_FULL';
}

const CASEWORK: readonly StaffRole[] = ['caseworker', 'manager'];
const MANAGERS: readonly StaffRole[] = ['manager'];
const LEGAL: readonly StaffRole[] = ['legal'];
const CASE_REVIEW: readonly StaffRole[] = ['case_review_coordinator'];

/**
 * Every command a person can send, as an HTTP resource. Each answers 200 with the case after the
 * change (and its ETag), 409 with the failing precondition when refused, 400 for an invalid body.
 */
export const COMMAND_ROUTES: readonly CommandRoute[] = [
  { command: 'assessRisk', path: 'risk-assessments', summary: 'Assess or re-assess risk', description: 'Sets the risk level from the victim risk assessment and re-plans every risk-driven deadline. Triages a REPORTED case.', roles: CASEWORK },
  { command: 'allocate', path: 'allocation', summary: 'Allocate or re-allocate', description: 'Gives the case to a caseworker; a TRIAGED case becomes ALLOCATED.', roles: MANAGERS },
  { command: 'recordInitialContact', path: 'initial-contact', summary: 'Record initial contact with the complainant', description: 'Meets the initial-contact deadline (1, 2 or 5 working days by risk); an ALLOCATED case becomes ACTIVE.', roles: CASEWORK },
  { command: 'recordComplainantUpdate', path: 'complainant-updates', summary: 'Record an update to the complainant', description: 'Meets the update that is due and plans the next in 10 working days.', roles: CASEWORK },
  { command: 'recordReview', path: 'reviews', summary: 'Record a case review', description: 'Meets the review that is due (and its escalation) and plans the next from the (possibly re-assessed) risk: HIGH 7 days, MEDIUM 14, STANDARD 28.', roles: CASEWORK },
  { command: 'startMonitoring', path: 'monitoring', summary: 'Move to monitoring', description: 'ACTIVE → MONITORING, with the reason.', roles: CASEWORK },
  { command: 'resumeActive', path: 'activation', summary: 'Make active again', description: 'MONITORING → ACTIVE, with the reason.', roles: CASEWORK },
  {
    command: 'recordIncident',
    path: 'incidents',
    summary: 'Record an incident',
    description:
      'Evidence on the case; after a CPW deadline, an incident involving the subject is non-compliance. A partner records one on a case shared in full with their agency (a police log, a housing officer’s report), as themselves.',
    roles: [...CASEWORK, 'partner'],
    partnerWhen: 'SHARED_IN_FULL',
  },
  { command: 'recordConviction', path: 'convictions', summary: 'Record a conviction', description: 'A conviction of a subject, which a Criminal Behaviour Order follows.', roles: [...CASEWORK, 'legal'] },
  { command: 'changeForum', path: 'forum-changes', summary: 'Escalate or de-escalate the forum', description: 'General casework → MAG → JAG, or back, with who decided and why.', roles: MANAGERS },
  { command: 'referToAdultsAtRisk', path: 'adults-at-risk-referral', summary: 'Refer to the adults at risk forum', description: 'A parallel referral when significant vulnerability is found; the case keeps its forum.', roles: CASEWORK },
  { command: 'recordEnforcementStep', path: 'enforcement-steps', summary: 'Take an enforcement step', description: 'A step on the ladder against a subject (warnings, ABC, CPW, CPN, FPN, injunction, closure notice, CBO, possession). Its preconditions are checked now; a refusal names the failing condition and, where time will cure it, the date it will hold. Level-5 steps refer the case to the legal team.', roles: CASEWORK },
  { command: 'recordComplianceCheck', path: 'enforcement-steps/:stepId/compliance-checks', summary: 'Record a compliance check', description: 'Whether a warning, CPW, CPN or contract was complied with; non-compliance with a CPW opens the way to a CPN.', roles: CASEWORK },
  {
    command: 'recordService',
    path: 'enforcement-steps/:stepId/service',
    summary: 'Record the service of a notice',
    description:
      'How (by hand, by post, fixed to the property), when and by whom a CPW, CPN, fixed penalty notice or closure notice was served. A CPN’s appeal window still open moves to run from the day of service (day 1): the window planned from the day of issue is cancelled, and a new one planned.',
    roles: CASEWORK,
  },
  { command: 'recordBreach', path: 'enforcement-steps/:stepId/breaches', summary: 'Record a CPN breach', description: 'A breach of a Community Protection Notice, which a fixed penalty or prosecution follows.', roles: CASEWORK },
  { command: 'recordFixedPenaltyPayment', path: 'enforcement-steps/:stepId/payment', summary: 'Record payment of a fixed penalty', description: 'Meets the 14-day payment period; liability for the breach is discharged.', roles: CASEWORK },
  { command: 'recordProsecutionDecision', path: 'enforcement-steps/:stepId/prosecution-decision', summary: 'Decide on prosecuting an unpaid fixed penalty', description: 'Meets the prosecution decision that falls due when a fixed penalty goes unpaid.', roles: LEGAL },
  { command: 'recordContractReview', path: 'enforcement-steps/:stepId/reviews', summary: 'Review an Acceptable Behaviour Contract', description: 'Meets the contract review due at 3 months.', roles: CASEWORK },
  { command: 'acknowledgeLegalReferral', path: 'legal-referrals/:referralId/acknowledgement', summary: 'Acknowledge a legal referral', description: 'Meets the 2-working-day acknowledgement deadline.', roles: LEGAL },
  { command: 'recordLegalDecision', path: 'legal-referrals/:referralId/decision', summary: 'Decide on a legal referral', description: 'Proceed or decline, with the reason; meets the 10-working-day decision deadline.', roles: LEGAL },
  { command: 'listHearing', path: 'legal-referrals/:referralId/hearing', summary: 'List or re-list the hearing', description: 'Sets the hearing timer; re-listing moves it and keeps the old one as cancelled. Under-18s are heard in the youth court.', roles: LEGAL },
  { command: 'recordHearingOutcome', path: 'legal-referrals/:referralId/hearing-outcome', summary: 'Record the hearing outcome', description: 'Order made (terms and expiry, within the statutory maximum), refused or adjourned. An order starts its expiry (and review) timers.', roles: LEGAL },
  { command: 'extendOrder', path: 'legal-referrals/:referralId/order-extension', summary: 'Extend a closure order', description: 'Up to 6 months in total.', roles: LEGAL },
  { command: 'recordOrderBreach', path: 'legal-referrals/:referralId/order-breaches', summary: 'Record a breach of an order', description: 'An arrest for breach starts the 24-hour limit for bringing the subject before a judge.', roles: [...CASEWORK, 'legal'] },
  { command: 'recordBeforeJudge', path: 'legal-referrals/:referralId/before-judge', summary: 'Record that the arrested subject came before a judge', description: 'Meets the 24-hour limit.', roles: LEGAL },
  { command: 'recordOrderReview', path: 'legal-referrals/:referralId/order-reviews', summary: 'Review a youth Criminal Behaviour Order', description: 'Meets the 12-monthly review and plans the next while the order runs.', roles: LEGAL },
  { command: 'requestClosure', path: 'closure-request', summary: 'Request closure', description: 'With the closure reason and what the complainant is told; refused while a legal step is live.', roles: CASEWORK },
  { command: 'decideClosure', path: 'closure-decision', summary: 'Approve or reject closure', description: 'A manager’s decision. Approved: open duties end, and the satisfaction follow-up and the 3-month re-open window start.', roles: MANAGERS },
  { command: 'recordSatisfactionFollowUp', path: 'satisfaction-follow-up', summary: 'Record the satisfaction follow-up', description: 'Due 10 working days after closure.', roles: CASEWORK },
  { command: 'reopen', path: 'reopening', summary: 'Re-open a closed case', description: 'Within the re-open window; after it, open a new case.', roles: CASEWORK },
  { command: 'assignPartnerAction', path: 'partner-actions', summary: 'Assign an action to a partner agency', description: 'With a due date; the agency is alerted if it passes, and an overdue action goes on the next JAG agenda.', roles: CASEWORK },
  {
    command: 'completePartnerAction',
    path: 'partner-actions/:actionId/completion',
    summary: 'Complete a partner action',
    description: 'By a user of the agency the action was assigned to (or its caseworker on their behalf).',
    roles: [...CASEWORK, 'partner'],
    partnerWhen: 'ACTION_OF_THEIR_AGENCY',
  },
  { command: 'shareWithAgency', path: 'shares', summary: 'Share the case with a partner agency', description: 'In full or as a summary only, with the reason (Crime and Disorder Act 1998 s.115). The agency’s users then see the case.', roles: CASEWORK },
  { command: 'stopSharing', path: 'shares/stop', summary: 'Stop sharing the case with an agency', description: 'The agency’s users no longer see the case.', roles: CASEWORK },
  {
    command: 'applyForCaseReview',
    path: 'case-reviews',
    summary: 'Record an ASB Case Review (Community Trigger) application',
    description: 'Assesses the threshold on the complaints on record about the same victim or address across cases, tells the coordinator, and starts the acknowledgement (2 working days) and threshold decision (10) deadlines.',
    roles: [...CASEWORK, ...CASE_REVIEW],
  },
  { command: 'acknowledgeCaseReview', path: 'case-reviews/current/acknowledgement', summary: 'Acknowledge the ASB Case Review application', description: 'Meets the acknowledgement deadline.', roles: CASE_REVIEW },
  {
    command: 'decideCaseReviewThreshold',
    path: 'case-reviews/current/threshold-decision',
    summary: 'Decide whether the ASB Case Review threshold is met',
    description: 'Met: the review meeting falls due within 20 working days. A threshold met on the record cannot be decided as not met.',
    roles: CASE_REVIEW,
  },
  { command: 'recordCaseReviewMeeting', path: 'case-reviews/current/meeting', summary: 'Record the ASB Case Review meeting', description: 'Meets the meeting deadline; the outcome letter falls due within 5 working days.', roles: CASE_REVIEW },
  { command: 'recordCaseReviewOutcome', path: 'case-reviews/current/outcome', summary: 'Record the outcome letter', description: 'Meets the outcome deadline.', roles: CASE_REVIEW },
  { command: 'recordCaseReviewAppeal', path: 'case-reviews/current/appeal', summary: 'Record an appeal against the ASB Case Review', description: 'After the outcome, or a threshold not met.', roles: CASE_REVIEW },
  { command: 'decideCaseReviewAppeal', path: 'case-reviews/current/appeal-decision', summary: 'Decide the appeal', description: 'Upheld or not, with the reason.', roles: CASE_REVIEW },
  { command: 'addParty', path: 'parties', summary: 'Add a complainant, subject or witness', description: 'A party learnt of after opening; the id must be new on the case.', roles: CASEWORK },
  {
    command: 'editParty',
    path: 'parties/:partyId',
    summary: 'Correct a party',
    description:
      'Name, and by role: vulnerability (complainant), date of birth and tenure (subject), contact (witness); the old values are kept in the timeline. A date of birth under which a step already taken would not have been allowed is recorded, and flagged for the manager (AGE_CONFLICT_FLAGGED in the timeline, and an email).',
    roles: CASEWORK,
  },
  { command: 'correctCategory', path: 'category', summary: 'Correct the category', description: 'With the reason; the old category is kept in the timeline.', roles: CASEWORK },
  { command: 'correctSummary', path: 'summary', summary: 'Correct the summary', description: 'With the reason; the old summary is kept in the timeline.', roles: CASEWORK },
  { command: 'correctLocation', path: 'location', summary: 'Correct the location', description: 'Address, ward or priority neighbourhood (those given change); the old values are kept in the timeline.', roles: CASEWORK },
  { command: 'transferCase', path: 'transfer', summary: 'Transfer to another team', description: 'The case, with its deadlines, moves to the team named; the managers of both teams are told by email.', roles: MANAGERS },
  { command: 'addCaseNote', path: 'notes', summary: 'Add a case note', description: 'A note on the case, also after closure.', roles: CASEWORK },
  { command: 'recordContactLog', path: 'contact-log', summary: 'Log a contact', description: 'A phone call, visit, letter or email: with whom (a party of the case, or someone named) and what was said; with occurredAt when it is logged after it happened (kept beside when it was logged, and flagged late).', roles: CASEWORK },
  {
    command: 'linkCase',
    path: 'links',
    summary: 'Link another case',
    description:
      'The same subject, complainant or place, or a possible duplicate. The link is made on this case (its timeline) and shows on both: here as TO, on the other case as FROM. The other case must exist (404) and be one the caller may read (403); a link either case already holds is refused (ALREADY_LINKED).',
    roles: CASEWORK,
  },
  {
    command: 'unlinkCase',
    path: 'links/:linkedReference/removal',
    summary: 'Remove a link to another case',
    description: 'With the reason, kept in the timeline. A link is removed on the case it was made on: here, a link made on the other case is refused (LINK_HELD_BY_OTHER_CASE, naming it).',
    roles: CASEWORK,
  },
  // Each case type's own steps (docs/case-types.md); refused (NOT_FOR_CASE_TYPE) on a case of another type.
  { command: 'recordVictimContact', path: 'victim-contact', summary: 'Record contact with the hate crime victim', description: 'Meets the contact due within 24 hours of the report (local policy), recording the protected characteristic(s) and the victim’s answer to the offer of a referral to victim support. Hate crime cases only.', roles: CASEWORK },
  { command: 'recordPoliceNotification', path: 'police-notification', summary: 'Record that the police were notified of the hate crime', description: 'Meets the police notification due within 1 working day of the report (local policy). Hate crime cases only.', roles: CASEWORK },
  {
    command: 'recordMissingEpisode',
    path: 'missing-episodes',
    summary: 'Record a missing episode',
    description: 'When the child went missing and came back; a return home interview falls due 72 hours after the return (DfE statutory guidance, 2014). The third episode within 90 days (local policy) moves the case to the MAG. Missing person cases only.',
    roles: CASEWORK,
  },
  { command: 'recordReturnHomeInterview', path: 'missing-episodes/:episodeId/return-home-interview', summary: 'Record the return home interview offered', description: 'Meets the episode’s 72-hour interview, taken up or declined.', roles: CASEWORK },
  { command: 'recordSafeguardingReferral', path: 'safeguarding-referral', summary: 'Record the safeguarding referral to children’s social care', description: 'Meets the referral due the same working day (Working Together to Safeguard Children 2023). Child sexual exploitation cases only.', roles: CASEWORK },
  { command: 'recordPreventReferral', path: 'prevent-referral', summary: 'Record the referral to the police Prevent gateway', description: 'Meets the gateway referral due the same working day (local policy); where the local authority chairs the Channel panel, the panel’s discussion falls due within 20 working days. Prevent cases only.', roles: CASEWORK },
  { command: 'recordChannelPanel', path: 'channel-panels', summary: 'Record a Channel panel decision', description: 'Adopted (back at the next panel), not adopted, or exited (reviews at 6 and 12 months after leaving, Channel Duty Guidance 2023).', roles: CASEWORK },
  { command: 'recordChannelReview', path: 'channel-reviews', summary: 'Record a review after the person left Channel', description: 'Meets the earliest review still due.', roles: CASEWORK },
  { command: 'movePolicy', path: 'policy-version', summary: 'Move the case to another policy version', description: 'The explicit, recorded step that changes the numbers a running case uses, and re-plans its deadlines.', roles: ['admin'] },
];

export type CommandBody<N extends CaseCommandName> = z.output<(typeof COMMAND_BODIES)[N]>;

// Compile-time proof that every body (with its path parameters) is the domain's command, except
// movePolicy, whose body names the version and the API resolves it.
type PathParams = { stepId: string; referralId: string; actionId: string; partyId: string; linkedReference: string; episodeId: string };
type Matches<N extends CaseCommandName> = CommandBody<N> & PathParams extends CommandOf<N> ? never : N;
type Mismatched = { [N in Exclude<CaseCommandName, 'movePolicy'>]: Matches<N> }[Exclude<CaseCommandName, 'movePolicy'>];
const everyBodyIsItsCommand: [Mismatched] extends [never] ? true : { mismatched: Mismatched } = true;
void everyBodyIsItsCommand;
export type __Mismatched = Mismatched;
