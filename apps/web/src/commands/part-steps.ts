import { type CaseCommandName, SERVED_NOTICES } from '../../../../libs/domain/src';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import { COMMAND_ROUTES } from '../../../api/src/cases/commands/command-routes';
import { inWords } from '../rendering/words';
import { commandUrl } from './command-page';

export interface StepLink {
  readonly text: string;
  readonly href: string;
}

/** A compliance check is owed on a step with a condition to keep: a warning, a contract or a notice. */
const CHECKED_STEPS = new Set(['VERBAL_WARNING', 'WRITTEN_WARNING', 'ACCEPTABLE_BEHAVIOUR_CONTRACT', 'TENANCY_WARNING', 'COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE']);

/** The ASB Case Review's next command at each stage of it (the review is always the case's current one). */
const CASE_REVIEW_NEXT: Readonly<Record<string, CaseCommandName>> = {
  APPLIED: 'acknowledgeCaseReview',
  ACKNOWLEDGED: 'decideCaseReviewThreshold',
  THRESHOLD_MET: 'recordCaseReviewMeeting',
  MEETING_HELD: 'recordCaseReviewOutcome',
  THRESHOLD_NOT_MET: 'recordCaseReviewAppeal',
  OUTCOME_SENT: 'recordCaseReviewAppeal',
  APPEALED: 'decideCaseReviewAppeal',
};

/** The commands the domain's `nextSteps` does not list, offered on every case to whoever may send them. */
const ANY_TIME: readonly CaseCommandName[] = [
  'recordIncident',
  'recordContactLog',
  'addCaseNote',
  'addParty',
  'assignPartnerAction',
  'shareWithAgency',
  'stopSharing',
  'linkCase',
  'recordConviction',
  'applyForCaseReview',
  'correctCategory',
  'correctSummary',
  'correctLocation',
  'transferCase',
  'movePolicy',
];

const routeOf = (command: CaseCommandName) => COMMAND_ROUTES.find((route) => route.command === command)!;

/**
 * What can be done on each part of the case besides the domain's next steps: a compliance check on a
 * warning, a breach of a notice, a hearing's outcome, the ASB Case Review's next stage, a party's
 * correction; and the commands any case takes. Only what `allowed` (the caller's role) says they may send.
 */
export function partSteps(view: CaseView, allowed: (command: CaseCommandName) => boolean): StepLink[] {
  const link = (command: CaseCommandName, text: string, pathParams: Record<string, string> = {}): StepLink[] =>
    allowed(command) ? [{ text, href: commandUrl(view.reference, routeOf(command), pathParams) }] : [];
  const nameOf = (id: string | null) => view.subjects.find((subject) => subject.id === id)?.name;
  const served = (step: { title: string; subjectId: string | null }) => (nameOf(step.subjectId) ? `${step.title} served on ${nameOf(step.subjectId)}` : step.title);
  const current = view.caseReviews.at(-1);
  return [
    ...ANY_TIME.filter((command) => (command !== 'stopSharing' || view.sharedWith.length > 0) && (command !== 'recordConviction' || view.subjects.length > 0)).flatMap((command) =>
      link(command, routeOf(command).summary),
    ),
    ...view.enforcementSteps.flatMap((step) => [
      // A notice's clocks (a CPN's appeal window) run from the day it reached the person.
      ...((SERVED_NOTICES as readonly string[]).includes(step.kind) && step.service === null ? link('recordService', `Record that it was served: ${served(step)}`, { stepId: step.id }) : []),
      ...(CHECKED_STEPS.has(step.kind) && step.complied === null ? link('recordComplianceCheck', `Record a compliance check: ${served(step)}`, { stepId: step.id }) : []),
      ...(step.kind === 'COMMUNITY_PROTECTION_NOTICE' && step.endedAt === null ? link('recordBreach', `Record a breach: ${served(step)}`, { stepId: step.id }) : []),
      ...(step.kind === 'FIXED_PENALTY_NOTICE' && step.paidAt === null ? link('recordFixedPenaltyPayment', `Record payment: ${served(step)}`, { stepId: step.id }) : []),
      ...(step.kind === 'FIXED_PENALTY_NOTICE' && step.paidAt === null ? link('recordProsecutionDecision', `Decide on prosecution: ${served(step)}`, { stepId: step.id }) : []),
      ...(step.kind === 'ACCEPTABLE_BEHAVIOUR_CONTRACT' ? link('recordContractReview', `Review the contract: ${served(step)}`, { stepId: step.id }) : []),
    ]),
    ...view.legalReferrals.flatMap((referral) => [
      ...(referral.status === 'HEARING_LISTED' ? link('recordHearingOutcome', 'Record the hearing outcome', { referralId: referral.id }) : []),
      ...(referral.status === 'ORDER_MADE' ? link('recordOrderBreach', 'Record a breach of the order', { referralId: referral.id }) : []),
      ...(referral.status === 'ORDER_MADE' ? link('extendOrder', 'Extend the closure order', { referralId: referral.id }) : []),
      ...(referral.status === 'ORDER_MADE' ? link('recordOrderReview', 'Review the youth Criminal Behaviour Order', { referralId: referral.id }) : []),
      ...(referral.breaches.some((breach) => breach.arrestedAt !== null && breach.beforeJudgeAt === null) ? link('recordBeforeJudge', 'Record that the arrested person came before a judge', { referralId: referral.id }) : []),
    ]),
    ...(current && CASE_REVIEW_NEXT[current.status] ? link(CASE_REVIEW_NEXT[current.status]!, routeOf(CASE_REVIEW_NEXT[current.status]!).summary) : []),
    ...[...view.complainants, ...view.subjects, ...view.witnesses].flatMap((party) => link('editParty', `Correct the details of ${party.name}`, { partyId: party.id })),
    // Named by why the cases were linked, not by the other case's reference, which names the link to that case.
    ...view.linkedCases
      .filter((linked) => linked.direction === 'TO')
      .flatMap((linked, index, all) => {
        const sameReason = all.filter((other) => other.reason === linked.reason);
        const which = sameReason.length > 1 ? ` ${sameReason.indexOf(linked) + 1}` : '';
        return link('unlinkCase', `Remove the link (${inWords(linked.reason).toLowerCase()}${which})`, { linkedReference: linked.reference });
      }),
  ];
}
