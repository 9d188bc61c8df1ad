import { addDays, addMonths, compareDates, londonDateOf } from '../calendar';
import { addWorkingDays } from '../working-days';
import type { CaseStage, RiskLevel } from '../case-classification';
import { deadlineOn } from '../deadline';
import type { PolicyVersion } from '../policy/local-policy';
import { changed, humanise, type NewEntry, nextDeadlineId, resolvePending } from './change';
import { referralsInProgress } from './legal';
import { describeRiskChange, planRiskDeadlines, type RiskAssessment, riskLevelOf } from './risk';
import type { CaseChange, CaseFile, ClosureReason, CommandContext, Complainant, Refusal, Subject } from './state';
import type { RefusalCondition } from './refusal-conditions';
import type { DuplicateDecision } from './duplicates';
import type { CaseLink } from './state';
import { agencyName, type Referral, referringAgencyShare } from './referral';
import { actionAssigned } from './partner-actions';
import { planTypeOpening } from '../case-types/opening';
import { complainantDutiesOf } from '../case-types/complainant-duties';

/** What a case is opened with: the case file's own fields, as reported and triaged at intake. */
export interface OpenCaseCommand extends Pick<CaseFile, 'type' | 'category' | 'channel' | 'summary' | 'team' | 'location'> {
  /** Known at intake when the case is triaged on the spot; otherwise set by `assessRisk`. */
  readonly riskLevel?: RiskLevel;
  readonly riskAssessment?: RiskAssessment;
  readonly caseworker?: string;
  readonly complainants?: readonly Complainant[];
  readonly subjects?: readonly Subject[];
  readonly openedBy: string;
  /** Set when a partner agency's user opened it: a referral to `team`. */
  readonly referral?: Referral;
  /** What the person opening it decided about the open cases it may repeat, when it may repeat any. */
  readonly possibleDuplicates?: DuplicateDecision;
}

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });
/** What a type without the ASB first contact records instead. */
const INSTEAD: Partial<Record<CaseFile['type'], string>> = { HATE_CRIME: 'record the contact with the victim (victim-contact), due within 24 hours' };
/** The stages in which a case is open: it takes commands and its deadlines run. */
export const OPEN_STAGES: readonly CaseStage[] = ['REPORTED', 'TRIAGED', 'ALLOCATED', 'ACTIVE', 'MONITORING'];

/**
 * `typeProcess`: the case runs its type's own process (docs/case-types.md). The workflow passes false
 * when it replays a case opened before types had processes, which then keeps the duties it had.
 */
export function openCaseFile(reference: string, policy: PolicyVersion, command: OpenCaseCommand, now: Date, { typeProcess = true }: { typeProcess?: boolean } = {}): CaseChange {
  const riskLevel = command.riskAssessment ? riskLevelOf(command.riskAssessment) : command.riskLevel;
  const stage: CaseStage = !riskLevel ? 'REPORTED' : command.caseworker ? 'ALLOCATED' : 'TRIAGED';
  const opened: CaseFile = {
    reference,
    policy,
    version: 0,
    stage,
    type: command.type,
    category: command.category,
    channel: command.channel,
    summary: command.summary,
    ...(riskLevel ? { riskLevel } : {}),
    ...(command.riskAssessment ? { riskAssessment: command.riskAssessment } : {}),
    team: command.team,
    ...(command.caseworker ? { caseworker: command.caseworker } : {}),
    location: command.location,
    complainants: command.complainants ?? [],
    subjects: command.subjects ?? [],
    openedAt: now.toISOString(),
    openedBy: command.openedBy,
    forum: 'GENERAL_CASEWORK',
    forumHistory: [],
    incidents: [],
    convictions: [],
    enforcement: [],
    legalReferrals: [],
    reviewCount: 0,
    reopenCount: 0,
    shares: [],
    partnerActions: [],
    deadlines: [],
    timelineSeq: 0,
    ...(typeProcess ? { typeProcess: true } : {}),
  };
  const riskPlanned: CaseFile = { ...opened, deadlines: riskLevel ? planRiskDeadlines(opened, riskLevel, now, 'case opened') : [] };
  const { deadlines, partnerActions } = typeProcess ? planTypeOpening(riskPlanned, now) : riskPlanned;
  const leadActions = (partnerActions ?? []).map((action) => actionAssigned(action, now, command.openedBy));
  const at = now.toISOString();
  const decided = command.possibleDuplicates;
  const links: CaseLink[] =
    decided?.decision === 'OPEN_AND_LINK' ? decided.references.map((reference) => ({ reference, reason: 'POSSIBLE_DUPLICATE', note: decided.reason, linkedBy: command.openedBy, linkedAt: at })) : [];
  const opening: NewEntry = {
    kind: 'CASE_OPENED',
    at,
    actor: command.openedBy,
    summary:
      `Case opened: ${humanise(command.category)}${riskLevel ? `, ${riskLevel} risk` : ', risk not yet assessed'}` +
      (command.referral ? `, referred by ${agencyName(command.referral.agency)}` : '') +
      (decided ? `; it may repeat ${decided.references.join(', ')}, opened ${decided.decision === 'OPEN_AND_LINK' ? 'and linked' : 'anyway'}: ${decided.reason}` : ''),
    data: {
      stage,
      riskLevel: riskLevel ?? null,
      team: command.team,
      caseworker: command.caseworker ?? null,
      policyVersion: policy.id,
      ...(command.referral ? { referredBy: command.referral.agency.toUpperCase() } : {}),
      ...(decided ? { possibleDuplicates: { decision: decided.decision, references: [...decided.references], reason: decided.reason } } : {}),
    },
  };
  const linked: NewEntry[] = links.map((link) => ({
    kind: 'CASE_LINKED',
    at,
    actor: command.openedBy,
    summary: `Linked to ${link.reference}: possible duplicate`,
    data: { linkedReference: link.reference, reason: link.reason },
  }));
  return changed(
    opened,
    {
      deadlines,
      ...(leadActions.length > 0 ? { partnerActions } : {}),
      ...(command.referral ? { shares: [referringAgencyShare(command.referral, command.openedBy, at)] } : {}),
      ...(links.length > 0 ? { links } : {}),
    },
    [opening, ...leadActions, ...linked],
  );
}

export interface AssessRiskCommand {
  readonly assessment: RiskAssessment;
}

export function assessRiskRefusal(file: CaseFile): Refusal | undefined {
  return OPEN_STAGES.includes(file.stage) ? undefined : refuse('CASE_NOT_OPEN', `case ${file.reference} is ${humanise(file.stage)}`);
}

/** Triage or re-assessment: the level comes from the answers, and every risk-driven deadline is re-planned. */
export function assessRisk(file: CaseFile, command: AssessRiskCommand, { now, actor }: CommandContext): CaseChange {
  const riskLevel = riskLevelOf(command.assessment);
  const riskAssessment = { ...command.assessment, assessedBy: actor };
  const stage: CaseStage = file.stage === 'REPORTED' ? (file.caseworker ? 'ALLOCATED' : 'TRIAGED') : file.stage;
  const next = { ...file, stage, riskLevel, riskAssessment };
  return changed(file, { stage, riskLevel, riskAssessment, deadlines: planRiskDeadlines(next, riskLevel, now, `risk assessed as ${riskLevel}`) }, [
    { kind: 'RISK_ASSESSED', at: now.toISOString(), actor, summary: describeRiskChange(file.riskLevel, riskLevel), data: { from: file.riskLevel ?? null, to: riskLevel, assessment: riskAssessment } },
  ]);
}

export interface AllocateCommand {
  readonly caseworker: string;
}

export function allocateRefusal(file: CaseFile, command: AllocateCommand): Refusal | undefined {
  if (!OPEN_STAGES.includes(file.stage)) return refuse('CASE_NOT_OPEN', `case ${file.reference} is ${humanise(file.stage)}`);
  if (file.stage === 'REPORTED') return refuse('NOT_TRIAGED', 'assess the risk before allocating the case');
  return file.caseworker === command.caseworker ? refuse('ALREADY_ALLOCATED', `the case is already allocated to ${command.caseworker}`) : undefined;
}

export function allocate(file: CaseFile, command: AllocateCommand, { now, actor }: CommandContext): CaseChange {
  const stage: CaseStage = file.stage === 'TRIAGED' ? 'ALLOCATED' : file.stage;
  return changed(file, { stage, caseworker: command.caseworker }, [
    { kind: 'CASE_ALLOCATED', at: now.toISOString(), actor, summary: file.caseworker ? `Re-allocated from ${file.caseworker} to ${command.caseworker}` : `Allocated to ${command.caseworker}`, data: { from: file.caseworker ?? null, to: command.caseworker } },
  ]);
}

export interface RecordContactCommand {
  readonly summary: string;
}

export function initialContactRefusal(file: CaseFile): Refusal | undefined {
  if (!OPEN_STAGES.includes(file.stage)) return refuse('CASE_NOT_OPEN', `case ${file.reference} is ${humanise(file.stage)}`);
  if (file.complainants.length === 0) return refuse('NO_COMPLAINANT', 'no complainant is recorded on this case');
  if (!complainantDutiesOf(file).initialContact) return refuse('NOT_FOR_CASE_TYPE', `a ${humanise(file.type)} case owes no ASB first contact: ${INSTEAD[file.type] ?? 'its type has its own duties'}`);
  return file.deadlines.some((d) => d.kind === 'INITIAL_CONTACT' && d.status === 'MET') ? refuse('ALREADY_CONTACTED', 'initial contact is already recorded') : undefined;
}

export function recordInitialContact(file: CaseFile, command: RecordContactCommand, { now, actor }: CommandContext): CaseChange {
  const late = file.deadlines.some((d) => d.kind === 'INITIAL_CONTACT' && d.status === 'MISSED');
  return changed(
    file,
    {
      stage: file.stage === 'ALLOCATED' ? 'ACTIVE' : file.stage,
      deadlines: resolvePending(file.deadlines, (d) => d.kind === 'INITIAL_CONTACT', 'MET', `contact made by ${actor}`, now),
    },
    [{ kind: 'INITIAL_CONTACT_MADE', at: now.toISOString(), actor, summary: `Initial contact with the complainant${late ? ' (late)' : ''}: ${command.summary}` }],
  );
}

export function complainantUpdateRefusal(file: CaseFile): Refusal | undefined {
  if (file.complainants.length === 0) return refuse('NO_COMPLAINANT', 'no complainant is recorded on this case');
  if (!complainantDutiesOf(file).updates) return refuse('NOT_FOR_CASE_TYPE', `a ${humanise(file.type)} case owes no ASB complainant updates`);
  return OPEN_STAGES.includes(file.stage) || file.stage === 'CLOSURE_REVIEW' ? undefined : refuse('CASE_NOT_OPEN', `case ${file.reference} is ${humanise(file.stage)}`);
}

/** An update meets the one that is due and sets the next, counted in working days from today. */
export function recordComplainantUpdate(file: CaseFile, command: RecordContactCommand, { now, actor }: CommandContext): CaseChange {
  const days = file.policy.local.complainantUpdateWorkingDays;
  const deadlines = resolvePending(file.deadlines, (d) => d.kind === 'COMPLAINANT_UPDATE', 'MET', `updated by ${actor}`, now);
  deadlines.push(deadlineOn({ id: nextDeadlineId({ ...file, deadlines }, 'COMPLAINANT_UPDATE'), kind: 'COMPLAINANT_UPDATE', reason: `the complainant is updated every ${days} working days` }, addWorkingDays(londonDateOf(now), days), now));
  return changed(file, { deadlines }, [{ kind: 'COMPLAINANT_UPDATED', at: now.toISOString(), actor, summary: `Complainant updated: ${command.summary}` }]);
}

export interface RecordReviewCommand {
  readonly summary: string;
  /** A re-assessment made at the review; absent when the risk is unchanged. */
  readonly riskLevel?: RiskLevel;
  readonly riskAssessment?: RiskAssessment;
  readonly reviewedBy: string;
}

export function reviewRefusal(file: CaseFile): Refusal | undefined {
  if (file.stage === 'CLOSED' || file.stage === 'ANONYMISED') {
    return refuse('CASE_CLOSED', `case ${file.reference} is ${file.stage.toLowerCase()}: re-open it before recording a review`);
  }
  return file.stage === 'REPORTED' ? refuse('NOT_TRIAGED', 'assess the risk before the first review') : undefined;
}

/** A review meets the review that is due (and its escalation), and sets the next one from the (possibly re-assessed) risk. */
export function recordReview(file: CaseFile, command: RecordReviewCommand, { now }: CommandContext): CaseChange {
  const riskLevel = command.riskAssessment ? riskLevelOf(command.riskAssessment) : (command.riskLevel ?? file.riskLevel!);
  const reviewNumber = file.reviewCount + 1;
  const met = resolvePending(file.deadlines, (d) => d.kind === 'CASE_REVIEW' || d.kind === 'REVIEW_ESCALATION', 'MET', `review ${reviewNumber} recorded by ${command.reviewedBy}`, now);
  const riskAssessment = command.riskAssessment ? { ...command.riskAssessment, assessedBy: command.reviewedBy } : undefined;
  const reviewed: CaseFile = { ...file, riskLevel, ...(riskAssessment ? { riskAssessment } : {}), reviewCount: reviewNumber, lastReviewedAt: now.toISOString(), deadlines: met };
  const reviewedWithNext = { ...reviewed, deadlines: planReviewAfter(reviewed, riskLevel, now, reviewNumber) };
  const deadlines = riskLevel !== file.riskLevel ? planRiskDeadlines(reviewedWithNext, riskLevel, now, `risk re-assessed as ${riskLevel} at review ${reviewNumber}`) : reviewedWithNext.deadlines;
  const next = deadlines.find((d) => d.kind === 'CASE_REVIEW' && d.status === 'PENDING');
  const entries: NewEntry[] = [{ kind: 'REVIEW_RECORDED', at: now.toISOString(), actor: command.reviewedBy, summary: `Review ${reviewNumber}: ${command.summary}`, data: { nextReviewDue: next?.dueOn ?? null } }];
  if (riskLevel !== file.riskLevel) {
    entries.push({ kind: 'RISK_REASSESSED', at: now.toISOString(), actor: command.reviewedBy, summary: describeRiskChange(file.riskLevel, riskLevel), data: { from: file.riskLevel ?? null, to: riskLevel } });
  }
  return changed(file, { riskLevel, ...(riskAssessment ? { riskAssessment } : {}), reviewCount: reviewNumber, lastReviewedAt: now.toISOString(), deadlines }, entries);
}

function planReviewAfter(file: CaseFile, risk: RiskLevel, now: Date, reviewNumber: number) {
  const interval = file.policy.local.reviewIntervalDays[risk];
  return [
    ...file.deadlines,
    deadlineOn(
      { id: nextDeadlineId(file, 'CASE_REVIEW'), kind: 'CASE_REVIEW', reason: `next review after review ${reviewNumber}: ${risk} risk cases are reviewed every ${interval} days` },
      addDays(londonDateOf(now), interval),
      now,
    ),
  ];
}

export interface ChangeStageCommand {
  readonly reason: string;
}

export function monitoringRefusal(file: CaseFile): Refusal | undefined {
  return file.stage === 'ACTIVE' ? undefined : refuse('NOT_ACTIVE', `only an active case moves to monitoring; this one is ${humanise(file.stage)}`);
}
export function resumeRefusal(file: CaseFile): Refusal | undefined {
  return file.stage === 'MONITORING' ? undefined : refuse('NOT_MONITORING', `only a case under monitoring is made active again; this one is ${humanise(file.stage)}`);
}

export function changeStage(to: 'ACTIVE' | 'MONITORING') {
  return (file: CaseFile, command: ChangeStageCommand, { now, actor }: CommandContext): CaseChange =>
    changed(file, { stage: to }, [{ kind: 'STAGE_CHANGED', at: now.toISOString(), actor, summary: `${humanise(file.stage)} → ${humanise(to)}: ${command.reason}`, data: { from: file.stage, to } }]);
}

export interface RequestClosureCommand {
  readonly reason: ClosureReason;
  readonly explanationToComplainant: string;
}

export function closureRequestRefusal(file: CaseFile, command: RequestClosureCommand): Refusal | undefined {
  if (!command.explanationToComplainant.trim()) return refuse('EXPLANATION_REQUIRED', 'record what the complainant is told about why the case closes (explanationToComplainant)');
  if (!['ALLOCATED', 'ACTIVE', 'MONITORING'].includes(file.stage)) return refuse('CASE_NOT_IN_WORK', `a case goes to closure review from allocated, active or monitoring; this one is ${humanise(file.stage)}`);
  const live = referralsInProgress(file.legalReferrals);
  return live.length > 0
    ? refuse('LEGAL_STEP_LIVE', `${live.length} legal referral${live.length === 1 ? ' is' : 's are'} still with the legal team: close the case when ${live.length === 1 ? 'it is' : 'they are'} decided or heard`)
    : undefined;
}

export function requestClosure(file: CaseFile, command: RequestClosureCommand, { now, actor }: CommandContext): CaseChange {
  return changed(
    file,
    { stage: 'CLOSURE_REVIEW', closure: { reason: command.reason, explanationToComplainant: command.explanationToComplainant, requestedBy: actor, requestedAt: now.toISOString(), stageBefore: file.stage } },
    [{ kind: 'CLOSURE_REQUESTED', at: now.toISOString(), actor, summary: `Closure requested: ${humanise(command.reason)}`, data: { ...command } }],
  );
}

export interface DecideClosureCommand {
  readonly approve: boolean;
  readonly reason: string;
}

export function closureDecisionRefusal(file: CaseFile): Refusal | undefined {
  return file.stage === 'CLOSURE_REVIEW' ? undefined : refuse('NO_CLOSURE_REQUESTED', 'no closure is awaiting a decision');
}

/** The manager's decision. Approved: every open duty ends, and the satisfaction follow-up and re-open window start. */
export function decideClosure(file: CaseFile, command: DecideClosureCommand, { now, actor }: CommandContext): CaseChange {
  const closure = file.closure!;
  if (!command.approve) {
    return changed(file, { stage: closure.stageBefore, closure: undefined }, [
      { kind: 'CLOSURE_REJECTED', at: now.toISOString(), actor, summary: `Closure not approved: ${command.reason}` },
    ]);
  }
  const today = londonDateOf(now);
  const policy = file.policy.local;
  // An order in force runs on after the case closes: its expiry (and a youth order's reviews) stay watched.
  const deadlines = resolvePending(file.deadlines, (d) => d.kind !== 'ORDER_EXPIRY' && d.kind !== 'ORDER_REVIEW', 'CANCELLED', 'case closed', now);
  deadlines.push(
    deadlineOn({ id: nextDeadlineId({ ...file, deadlines }, 'SATISFACTION_FOLLOW_UP'), kind: 'SATISFACTION_FOLLOW_UP', reason: `the complainant is asked about their satisfaction within ${policy.satisfactionFollowUpWorkingDays} working days of closure` }, addWorkingDays(today, policy.satisfactionFollowUpWorkingDays), now),
    deadlineOn({ id: nextDeadlineId({ ...file, deadlines }, 'REOPEN_WINDOW'), kind: 'REOPEN_WINDOW', reason: `a new incident within ${policy.reopenWindowMonths} months re-opens the case` }, addMonths(today, policy.reopenWindowMonths), now),
  );
  return changed(file, { stage: 'CLOSED', closure: { ...closure, approvedBy: actor, closedAt: now.toISOString() }, deadlines }, [
    { kind: 'CASE_CLOSED', at: now.toISOString(), actor, summary: `Case closed (${humanise(closure.reason)}); the complainant was told: ${closure.explanationToComplainant}`, data: { reason: closure.reason } },
  ]);
}

export function satisfactionFollowUpRefusal(file: CaseFile): Refusal | undefined {
  return file.deadlines.some((d) => d.kind === 'SATISFACTION_FOLLOW_UP' && d.status === 'PENDING') ? undefined : refuse('NO_FOLLOW_UP_DUE', 'no satisfaction follow-up is due');
}

export function recordSatisfactionFollowUp(file: CaseFile, command: RecordContactCommand, { now, actor }: CommandContext): CaseChange {
  return changed(file, { deadlines: resolvePending(file.deadlines, (d) => d.kind === 'SATISFACTION_FOLLOW_UP', 'MET', `followed up by ${actor}`, now) }, [
    { kind: 'SATISFACTION_FOLLOWED_UP', at: now.toISOString(), actor, summary: `Satisfaction follow-up: ${command.summary}` },
  ]);
}

export interface ReopenCommand {
  readonly reason: string;
}

export function reopenRefusal(file: CaseFile, { now }: CommandContext): Refusal | undefined {
  if (file.stage !== 'CLOSED') return refuse('NOT_CLOSED', 'only a closed case is re-opened');
  const window = file.deadlines.find((d) => d.kind === 'REOPEN_WINDOW' && d.status === 'PENDING');
  return window && compareDates(londonDateOf(now), window.dueOn) <= 0
    ? undefined
    : refuse('REOPEN_WINDOW_PASSED', `the ${file.policy.local.reopenWindowMonths}-month re-open window has passed: open a new case`);
}

export function reopen(file: CaseFile, command: ReopenCommand, ctx: CommandContext): CaseChange {
  const { now, actor } = ctx;
  const deadlines = resolvePending(file.deadlines, (d) => d.kind === 'REOPEN_WINDOW' || d.kind === 'SATISFACTION_FOLLOW_UP' || d.kind === 'RETENTION_END', 'CANCELLED', 're-opened', now);
  const reopened: CaseFile = { ...file, stage: 'ACTIVE', closure: undefined, reopenCount: file.reopenCount + 1, deadlines, lastReviewedAt: now.toISOString() };
  return changed(file, { stage: 'ACTIVE', closure: undefined, reopenCount: reopened.reopenCount, lastReviewedAt: now.toISOString(), deadlines: planRiskDeadlines(reopened, file.riskLevel!, now, 'case re-opened') }, [
    { kind: 'CASE_REOPENED', at: now.toISOString(), actor, summary: `Case re-opened: ${command.reason}` },
  ]);
}

export interface MovePolicyCommand {
  readonly policy: PolicyVersion;
  readonly reason: string;
}

export function movePolicyRefusal(file: CaseFile, command: MovePolicyCommand): Refusal | undefined {
  if (command.policy.id === file.policy.id) return refuse('SAME_POLICY', `the case already runs under policy ${file.policy.id}`);
  return OPEN_STAGES.includes(file.stage) ? undefined : refuse('CASE_NOT_OPEN', `case ${file.reference} is ${humanise(file.stage)}`);
}

/** The explicit, recorded step that moves a running case to another policy version and re-plans its deadlines. */
export function movePolicy(file: CaseFile, command: MovePolicyCommand, { now, actor }: CommandContext): CaseChange {
  const moved = { ...file, policy: command.policy };
  const deadlines = file.riskLevel ? planRiskDeadlines(moved, file.riskLevel, now, `moved to policy ${command.policy.id}`) : file.deadlines;
  return changed(file, { policy: command.policy, deadlines }, [
    { kind: 'POLICY_VERSION_CHANGED', at: now.toISOString(), actor, summary: `Moved from policy ${file.policy.id} to ${command.policy.id}: ${command.reason}`, data: { from: file.policy.id, to: command.policy.id } },
  ]);
}
