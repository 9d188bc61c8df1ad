import { addMonths, ageOn, compareDates, type LocalDate, localDate, londonDateOf } from '../calendar';
import { type Deadline, deadlineAt, deadlineOn } from '../deadline';
import { ruleOn } from '../policy/statutory-rules';
import { addHoursDisregarding } from '../statutory-hours';
import { changed, nextDeadlineId, resolvePending } from './change';
import { ENFORCEMENT_STEPS } from './enforcement/steps';
import { type Court, courtsFor, type LegalReferral } from './legal';
import type { CaseChange, CaseFile, CommandContext, Refusal } from './state';
import type { RefusalCondition } from './refusal-conditions';

export interface AcknowledgeReferralCommand {
  readonly referralId: string;
}
export interface RecordLegalDecisionCommand {
  readonly referralId: string;
  readonly proceed: boolean;
  readonly reason: string;
}
export interface ListHearingCommand {
  readonly referralId: string;
  readonly hearingAt: string;
  readonly court: Court;
}
export interface RecordHearingOutcomeCommand {
  readonly referralId: string;
  readonly outcome: 'ORDER_MADE' | 'REFUSED' | 'ADJOURNED';
  readonly terms?: string;
  readonly expiresOn?: LocalDate;
}
export interface ExtendOrderCommand {
  readonly referralId: string;
  readonly expiresOn: LocalDate;
}
export interface RecordOrderBreachCommand {
  readonly referralId: string;
  readonly description: string;
  readonly arrestedAt?: string;
}
export interface RecordBeforeJudgeCommand {
  readonly referralId: string;
}
export interface RecordOrderReviewCommand {
  readonly referralId: string;
  readonly notes: string;
}

const refuse = (condition: RefusalCondition, message: string, holdsFrom?: LocalDate): Refusal => ({ condition, message, ...(holdsFrom ? { holdsFrom } : {}) });

function referralOf(file: CaseFile, referralId: string): LegalReferral | undefined {
  return file.legalReferrals.find((referral) => referral.id === referralId);
}

function withReferral(file: CaseFile, updated: LegalReferral): readonly LegalReferral[] {
  return file.legalReferrals.map((referral) => (referral.id === updated.id ? updated : referral));
}

const titleOf = (referral: LegalReferral) => ENFORCEMENT_STEPS[referral.stepKind].title;
const forReferral = (referral: LegalReferral) => (deadline: Deadline) => deadline.stepId === referral.stepId;

/** Refuses a legal command unless the referral exists and is at one of `statuses`. */
function referralStatusRefusal(file: CaseFile, referralId: string, statuses: readonly LegalReferral['status'][], doing: string): Refusal | undefined {
  const referral = referralOf(file, referralId);
  if (!referral) return refuse('UNKNOWN_REFERRAL', `no legal referral ${referralId} on case ${file.reference}`);
  return statuses.includes(referral.status)
    ? undefined
    : refuse('REFERRAL_NOT_READY', `cannot ${doing}: the referral for the ${titleOf(referral)} is ${referral.status.toLowerCase().replaceAll('_', ' ')}`);
}

export const acknowledgeRefusal = (file: CaseFile, c: AcknowledgeReferralCommand) => referralStatusRefusal(file, c.referralId, ['REFERRED'], 'acknowledge it');

export function acknowledgeReferral(file: CaseFile, command: AcknowledgeReferralCommand, { now, actor }: CommandContext): CaseChange {
  const referral = referralOf(file, command.referralId)!;
  return changed(
    file,
    {
      legalReferrals: withReferral(file, { ...referral, status: 'ACKNOWLEDGED', acknowledgedAt: now.toISOString() }),
      deadlines: resolvePending(file.deadlines, (d) => d.kind === 'LEGAL_ACKNOWLEDGEMENT' && forReferral(referral)(d), 'MET', `acknowledged by ${actor}`, now),
    },
    [{ kind: 'LEGAL_REFERRAL_ACKNOWLEDGED', at: now.toISOString(), actor, summary: `Legal team acknowledged the referral for the ${titleOf(referral)}`, data: { referralId: referral.id } }],
  );
}

export const legalDecisionRefusal = (file: CaseFile, c: RecordLegalDecisionCommand) => referralStatusRefusal(file, c.referralId, ['REFERRED', 'ACKNOWLEDGED'], 'record a decision');

export function recordLegalDecision(file: CaseFile, command: RecordLegalDecisionCommand, { now, actor }: CommandContext): CaseChange {
  const referral = referralOf(file, command.referralId)!;
  const decided = `${command.proceed ? 'proceed' : 'decline'}: ${command.reason}`;
  let deadlines = resolvePending(file.deadlines, (d) => (d.kind === 'LEGAL_ACKNOWLEDGEMENT' || d.kind === 'LEGAL_DECISION') && forReferral(referral)(d), 'MET', `decided by ${actor}: ${decided}`, now);
  if (!command.proceed) deadlines = resolvePending(deadlines, (d) => d.kind === 'CLOSURE_ORDER_HEARING' && forReferral(referral)(d), 'CANCELLED', 'legal declined to apply', now);
  return changed(
    file,
    {
      legalReferrals: withReferral(file, {
        ...referral,
        status: command.proceed ? 'PROCEEDING' : 'DECLINED',
        acknowledgedAt: referral.acknowledgedAt ?? now.toISOString(),
        decision: { proceed: command.proceed, reason: command.reason, decidedBy: actor, at: now.toISOString() },
      }),
      deadlines,
    },
    [{ kind: 'LEGAL_DECISION_RECORDED', at: now.toISOString(), actor, summary: `Legal decision on the ${titleOf(referral)}: ${decided}`, data: { referralId: referral.id, proceed: command.proceed } }],
  );
}

export function listHearingRefusal(file: CaseFile, command: ListHearingCommand, { now }: CommandContext): Refusal | undefined {
  const notReady = referralStatusRefusal(file, command.referralId, ['PROCEEDING', 'HEARING_LISTED'], 'list a hearing');
  if (notReady) return notReady;
  const referral = referralOf(file, command.referralId)!;
  const courts = courtsFor(referral.stepKind, referral.youth);
  if (!courts.includes(command.court)) {
    return refuse('WRONG_COURT', `a ${titleOf(referral)}${referral.youth ? ' for an under-18' : ''} is heard in ${courts.map((c) => c.toLowerCase().replaceAll('_', ' ')).join(' or ')}`);
  }
  if (Date.parse(command.hearingAt) < now.getTime()) return refuse('HEARING_IN_PAST', 'a hearing is listed for a time still to come');
  const limit = file.deadlines.find((d) => d.kind === 'CLOSURE_ORDER_HEARING' && d.status === 'PENDING' && d.stepId === referral.stepId);
  return limit && Date.parse(command.hearingAt) > Date.parse(limit.dueAt)
    ? refuse('HEARING_AFTER_LIMIT', `a closure order application must be heard within ${ruleOn(file.policy.statutory.closureOrderHearingHours, londonDateOf(now))} hours of the notice being served: by ${limit.dueAt}`)
    : undefined;
}

/** Listing, or re-listing: the hearing timer moves, and the old one is kept as cancelled. */
export function listHearing(file: CaseFile, command: ListHearingCommand, { now, actor }: CommandContext): CaseChange {
  const referral = referralOf(file, command.referralId)!;
  const relisting = referral.status === 'HEARING_LISTED';
  const hearingAt = new Date(command.hearingAt);
  const deadlines = resolvePending(file.deadlines, (d) => d.kind === 'HEARING' && forReferral(referral)(d), 'CANCELLED', `re-listed for ${command.hearingAt}`, now);
  deadlines.push(
    deadlineOn({ id: nextDeadlineId({ ...file, deadlines }, 'HEARING'), kind: 'HEARING', reason: `${titleOf(referral)} hearing at ${command.court.toLowerCase().replaceAll('_', ' ')}: record the outcome`, stepId: referral.stepId, ...(referral.subjectId ? { subjectId: referral.subjectId } : {}) }, londonDateOf(hearingAt), now),
  );
  return changed(
    file,
    { legalReferrals: withReferral(file, { ...referral, status: 'HEARING_LISTED', hearing: { at: command.hearingAt, court: command.court, listings: (referral.hearing?.listings ?? 0) + 1 } }), deadlines },
    [{ kind: relisting ? 'HEARING_RELISTED' : 'HEARING_LISTED', at: now.toISOString(), actor, summary: `${titleOf(referral)} hearing ${relisting ? 're-listed' : 'listed'} for ${command.hearingAt}`, data: { ...command } }],
  );
}

export function hearingOutcomeRefusal(file: CaseFile, command: RecordHearingOutcomeCommand, { now }: CommandContext): Refusal | undefined {
  const notReady = referralStatusRefusal(file, command.referralId, ['HEARING_LISTED'], 'record a hearing outcome');
  if (notReady || command.outcome !== 'ORDER_MADE') return notReady;
  const referral = referralOf(file, command.referralId)!;
  if (!command.terms?.trim() || !command.expiresOn) return refuse('ORDER_TERMS_MISSING', 'an order made records its terms and expiry date (terms, expiresOn)');
  const today = londonDateOf(now);
  if (compareDates(command.expiresOn, today) <= 0) return refuse('EXPIRY_IN_PAST', 'an order expires after the day it is made');
  const limit = orderLimit(file, referral, today);
  return limit && compareDates(command.expiresOn, limit.latest) > 0
    ? refuse('ORDER_TOO_LONG', `${limit.why}: it can run to ${limit.latest} at the latest`)
    : undefined;
}

export function recordHearingOutcome(file: CaseFile, command: RecordHearingOutcomeCommand, { now, actor }: CommandContext): CaseChange {
  const referral = referralOf(file, command.referralId)!;
  const today = londonDateOf(now);
  const deadlines = resolvePending(file.deadlines, (d) => (d.kind === 'HEARING' || d.kind === 'CLOSURE_ORDER_HEARING') && forReferral(referral)(d), 'MET', `heard: ${command.outcome.toLowerCase().replaceAll('_', ' ')}`, now);
  const plan = (kind: Deadline['kind'], reason: string, dueOn: LocalDate) =>
    deadlines.push(deadlineOn({ id: nextDeadlineId({ ...file, deadlines }, kind), kind, reason, stepId: referral.stepId, ...(referral.subjectId ? { subjectId: referral.subjectId } : {}) }, dueOn, now));
  let updated: LegalReferral;
  if (command.outcome === 'ADJOURNED') {
    updated = { ...referral, status: 'PROCEEDING' };
  } else if (command.outcome === 'REFUSED') {
    updated = { ...referral, status: 'REFUSED' };
  } else {
    updated = { ...referral, status: 'ORDER_MADE', order: { madeOn: today, expiresOn: command.expiresOn!, terms: command.terms!, court: referral.hearing!.court } };
    plan('ORDER_EXPIRY', `${titleOf(referral)} in force until ${command.expiresOn}`, command.expiresOn!);
    if (referral.stepKind === 'CRIMINAL_BEHAVIOUR_ORDER' && referral.youth) {
      const months = ruleOn(file.policy.statutory.youthCriminalBehaviourOrderReviewMonths, today);
      const next = addMonths(today, months);
      if (stillUnder18On(file, referral, next)) plan('ORDER_REVIEW', `a CBO on an under-18 is reviewed every ${months} months`, next);
    }
    // A closure order on a council tenant's home is a trigger for the absolute ground of possession.
    if (referral.stepKind === 'CLOSURE_NOTICE' && file.subjects.some((subject) => subject.tenure === 'MBC_TENANT')) {
      const months = ruleOn(file.policy.statutory.possessionNoticeAfterClosureOrderMonths, today);
      plan('POSSESSION_NOTICE_WINDOW', `an absolute-ground possession notice must be served within ${months} months of the closure order`, addMonths(today, months));
    }
  }
  return changed(
    file,
    { legalReferrals: withReferral(file, updated), deadlines },
    [{ kind: 'HEARING_OUTCOME_RECORDED', at: now.toISOString(), actor, summary: `${titleOf(referral)}: ${command.outcome === 'ORDER_MADE' ? `order made until ${command.expiresOn}` : command.outcome.toLowerCase()}`, data: { ...command } }],
  );
}

export function extendOrderRefusal(file: CaseFile, command: ExtendOrderCommand): Refusal | undefined {
  const notReady = referralStatusRefusal(file, command.referralId, ['ORDER_MADE'], 'extend the order');
  if (notReady) return notReady;
  const referral = referralOf(file, command.referralId)!;
  if (referral.stepKind !== 'CLOSURE_NOTICE') return refuse('NOT_EXTENDABLE', `only closure orders are extended this way`);
  const total = ruleOn(file.policy.statutory.closureOrderMaximumMonths, londonDateOf(new Date(referral.order!.madeOn))).total;
  const latest = addMonths(localDate(referral.order!.madeOn), total);
  if (compareDates(command.expiresOn, referral.order!.expiresOn as LocalDate) <= 0) return refuse('NOT_LATER', 'an extension runs beyond the current expiry');
  return compareDates(command.expiresOn, latest) > 0 ? refuse('ORDER_TOO_LONG', `a closure order may run ${total} months in total: to ${latest} at the latest`) : undefined;
}

export function extendOrder(file: CaseFile, command: ExtendOrderCommand, { now, actor }: CommandContext): CaseChange {
  const referral = referralOf(file, command.referralId)!;
  const deadlines = resolvePending(file.deadlines, (d) => d.kind === 'ORDER_EXPIRY' && forReferral(referral)(d), 'CANCELLED', `order extended to ${command.expiresOn}`, now);
  deadlines.push(deadlineOn({ id: nextDeadlineId({ ...file, deadlines }, 'ORDER_EXPIRY'), kind: 'ORDER_EXPIRY', reason: `closure order extended to ${command.expiresOn}`, stepId: referral.stepId }, command.expiresOn, now));
  return changed(
    file,
    { legalReferrals: withReferral(file, { ...referral, order: { ...referral.order!, expiresOn: command.expiresOn, extendedOn: londonDateOf(now) } }), deadlines },
    [{ kind: 'ORDER_EXTENDED', at: now.toISOString(), actor, summary: `Closure order extended to ${command.expiresOn}`, data: { ...command } }],
  );
}

export const orderBreachRefusal = (file: CaseFile, c: RecordOrderBreachCommand) => referralStatusRefusal(file, c.referralId, ['ORDER_MADE'], 'record a breach');

/** A breach; an arrest for it starts the 24-hour limit for bringing the subject before a judge. */
export function recordOrderBreach(file: CaseFile, command: RecordOrderBreachCommand, { now, actor }: CommandContext): CaseChange {
  const referral = referralOf(file, command.referralId)!;
  const deadlines = [...file.deadlines];
  if (command.arrestedAt) {
    const hours = ruleOn(file.policy.statutory.breachArrestBeforeJudgeHours, londonDateOf(now));
    deadlines.push(
      deadlineAt(
        { id: nextDeadlineId(file, 'BREACH_BEFORE_JUDGE'), kind: 'BREACH_BEFORE_JUDGE', reason: `arrested for breach: before a judge within ${hours} hours (Christmas Day, Good Friday and Sundays not counted)`, stepId: referral.stepId },
        addHoursDisregarding(new Date(command.arrestedAt), hours),
        now,
      ),
    );
  }
  return changed(
    file,
    { legalReferrals: withReferral(file, { ...referral, breaches: [...referral.breaches, { at: now.toISOString(), description: command.description, ...(command.arrestedAt ? { arrestedAt: command.arrestedAt } : {}) }] }), deadlines },
    [{ kind: 'ORDER_BREACH_RECORDED', at: now.toISOString(), actor, summary: `${titleOf(referral)} breached${command.arrestedAt ? ' (arrested)' : ''}: ${command.description}`, data: { ...command } }],
  );
}

export function beforeJudgeRefusal(file: CaseFile, command: RecordBeforeJudgeCommand): Refusal | undefined {
  return file.deadlines.some((d) => d.kind === 'BREACH_BEFORE_JUDGE' && d.status === 'PENDING' && d.stepId === referralOf(file, command.referralId)?.stepId)
    ? undefined
    : refuse('NO_ARREST_PENDING', 'no arrest for breach is waiting to come before a judge');
}

export function recordBeforeJudge(file: CaseFile, command: RecordBeforeJudgeCommand, { now, actor }: CommandContext): CaseChange {
  const referral = referralOf(file, command.referralId)!;
  return changed(
    file,
    { deadlines: resolvePending(file.deadlines, (d) => d.kind === 'BREACH_BEFORE_JUDGE' && forReferral(referral)(d), 'MET', 'brought before a judge', now) },
    [{ kind: 'BREACH_BEFORE_JUDGE', at: now.toISOString(), actor, summary: `Brought before a judge for breach of the ${titleOf(referral)}`, data: { referralId: referral.id } }],
  );
}

export function orderReviewRefusal(file: CaseFile, command: RecordOrderReviewCommand): Refusal | undefined {
  const referral = referralOf(file, command.referralId);
  return referral && file.deadlines.some((d) => d.kind === 'ORDER_REVIEW' && d.status === 'PENDING' && d.stepId === referral.stepId)
    ? undefined
    : refuse('NO_REVIEW_DUE', 'no order review is due on this referral');
}

export function recordOrderReview(file: CaseFile, command: RecordOrderReviewCommand, { now, actor }: CommandContext): CaseChange {
  const referral = referralOf(file, command.referralId)!;
  const today = londonDateOf(now);
  const months = ruleOn(file.policy.statutory.youthCriminalBehaviourOrderReviewMonths, today);
  const deadlines = resolvePending(file.deadlines, (d) => d.kind === 'ORDER_REVIEW' && forReferral(referral)(d), 'MET', `reviewed by ${actor}`, now);
  const next = addMonths(today, months);
  // s.28 reviews run while the offender is under 18 and the order runs.
  if (referral.order && compareDates(next, referral.order.expiresOn as LocalDate) < 0 && stillUnder18On(file, referral, next)) {
    deadlines.push(deadlineOn({ id: nextDeadlineId({ ...file, deadlines }, 'ORDER_REVIEW'), kind: 'ORDER_REVIEW', reason: `a CBO on an under-18 is reviewed every ${months} months`, stepId: referral.stepId }, next, now));
  }
  return changed(file, { deadlines }, [{ kind: 'ORDER_REVIEWED', at: now.toISOString(), actor, summary: `${titleOf(referral)} reviewed: ${command.notes}`, data: { referralId: referral.id } }]);
}

function stillUnder18On(file: CaseFile, referral: LegalReferral, date: LocalDate): boolean {
  const dateOfBirth = file.subjects.find((subject) => subject.id === referral.subjectId)?.dateOfBirth;
  return dateOfBirth !== undefined && ageOn(dateOfBirth, date) < 18;
}

function orderLimit(file: CaseFile, referral: LegalReferral, today: LocalDate): { latest: LocalDate; why: string } | undefined {
  const statutory = file.policy.statutory;
  if ((referral.stepKind === 'CIVIL_INJUNCTION' || referral.stepKind === 'RESPECT_ORDER') && referral.youth) {
    const months = ruleOn(statutory.youthInjunctionMaximumMonths, today);
    return { latest: addMonths(today, months), why: `an injunction on an under-18 lasts at most ${months} months` };
  }
  if (referral.stepKind === 'CLOSURE_NOTICE') {
    const months = ruleOn(statutory.closureOrderMaximumMonths, today).initial;
    return { latest: addMonths(today, months), why: `a closure order lasts at most ${months} months (extendable)` };
  }
  return undefined;
}
