import { compareDates, londonDateOf } from '../../calendar';
import { changed, pendingOf, resolvePending } from '../change';
import type { CaseChange, CaseFile, CommandContext, Refusal } from '../state';
import { ENFORCEMENT_STEPS, type EnforcementStep } from './steps';
import type { RefusalCondition } from '../refusal-conditions';

/** The facts recorded about a step after it is taken: compliance, breaches, payment, the prosecution decision. */
export interface RecordComplianceCheckCommand {
  readonly stepId: string;
  readonly complied: boolean;
  readonly notes: string;
}
export interface RecordBreachCommand {
  readonly stepId: string;
  readonly description: string;
  readonly occurredAt: string;
}
export interface RecordFixedPenaltyPaymentCommand {
  readonly stepId: string;
}
export interface RecordProsecutionDecisionCommand {
  readonly stepId: string;
  readonly prosecute: boolean;
  readonly reason: string;
}
export interface RecordStepReviewCommand {
  readonly stepId: string;
  readonly notes: string;
}

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });

function findStep(file: CaseFile, stepId: string): EnforcementStep | undefined {
  return file.enforcement.find((step) => step.id === stepId);
}

function withStep(file: CaseFile, updated: EnforcementStep): readonly EnforcementStep[] {
  return file.enforcement.map((step) => (step.id === updated.id ? updated : step));
}

export function complianceCheckRefusal(file: CaseFile, command: RecordComplianceCheckCommand): Refusal | undefined {
  const step = findStep(file, command.stepId);
  if (!step) return refuse('UNKNOWN_STEP', `no enforcement step ${command.stepId} on case ${file.reference}`);
  const checkable = ['WRITTEN_WARNING', 'TENANCY_WARNING', 'COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE', 'ACCEPTABLE_BEHAVIOUR_CONTRACT'];
  return checkable.includes(step.kind) ? undefined : refuse('NOT_CHECKABLE', `a ${ENFORCEMENT_STEPS[step.kind].title} has no compliance to check`);
}

export function recordComplianceCheck(file: CaseFile, command: RecordComplianceCheckCommand, { now, actor }: CommandContext): CaseChange {
  const step = findStep(file, command.stepId)!;
  const outcome = command.complied ? 'complied' : 'not complied';
  return changed(
    file,
    {
      enforcement: withStep(file, { ...step, complied: command.complied, ...(command.complied ? {} : { nonComplianceRecordedAt: now.toISOString() }) }),
      deadlines: resolvePending(file.deadlines, (d) => d.kind === 'COMPLIANCE_CHECK' && d.stepId === step.id, 'MET', `checked by ${actor}: ${outcome}`, now),
    },
    [{ kind: 'COMPLIANCE_CHECKED', at: now.toISOString(), actor, summary: `${ENFORCEMENT_STEPS[step.kind].title}: ${outcome}. ${command.notes}`, data: { stepId: step.id, complied: command.complied } }],
  );
}

export function breachRefusal(file: CaseFile, command: RecordBreachCommand, { now }: CommandContext): Refusal | undefined {
  const step = findStep(file, command.stepId);
  if (!step || (step.kind !== 'COMMUNITY_PROTECTION_NOTICE' && step.kind !== 'ACCEPTABLE_BEHAVIOUR_CONTRACT')) {
    return refuse('NOT_BREACHABLE', `${command.stepId} is not a Community Protection Notice or an Acceptable Behaviour Contract on this case`);
  }
  if (Date.parse(command.occurredAt) > now.getTime()) return refuse('BREACH_IN_FUTURE', 'a breach is recorded after it happens');
  return compareDates(londonDateOf(new Date(command.occurredAt)), londonDateOf(new Date(step.takenAt))) < 0
    ? refuse('BREACH_BEFORE_NOTICE', 'the breach happened before the CPN was served')
    : undefined;
}

export function recordBreach(file: CaseFile, command: RecordBreachCommand, { now, actor }: CommandContext): CaseChange {
  const step = findStep(file, command.stepId)!;
  return changed(
    file,
    { enforcement: withStep(file, { ...step, breaches: [...step.breaches, { at: command.occurredAt, description: command.description, recordedBy: actor }] }) },
    [{ kind: step.kind === 'ACCEPTABLE_BEHAVIOUR_CONTRACT' ? 'ABC_BREACH_RECORDED' : 'CPN_BREACH_RECORDED', at: now.toISOString(), actor, summary: `${ENFORCEMENT_STEPS[step.kind].title} breached: ${command.description}`, data: { stepId: step.id, occurredAt: command.occurredAt } }],
  );
}

export function fixedPenaltyPaymentRefusal(file: CaseFile, command: RecordFixedPenaltyPaymentCommand): Refusal | undefined {
  const step = findStep(file, command.stepId);
  if (!step || step.kind !== 'FIXED_PENALTY_NOTICE') return refuse('NOT_AN_FPN', `${command.stepId} is not a fixed penalty notice on this case`);
  return step.paidAt ? refuse('ALREADY_PAID', 'this fixed penalty is already recorded as paid') : undefined;
}

export function recordFixedPenaltyPayment(file: CaseFile, command: RecordFixedPenaltyPaymentCommand, { now, actor }: CommandContext): CaseChange {
  const step = findStep(file, command.stepId)!;
  return changed(
    file,
    {
      enforcement: withStep(file, { ...step, paidAt: now.toISOString() }),
      deadlines: resolvePending(file.deadlines, (d) => d.kind === 'FPN_PAYMENT' && d.stepId === step.id, 'MET', 'paid', now),
    },
    [{ kind: 'FPN_PAID', at: now.toISOString(), actor, summary: `Fixed penalty of £${step.amountPounds} paid`, data: { stepId: step.id } }],
  );
}

export function prosecutionDecisionRefusal(file: CaseFile, command: RecordProsecutionDecisionCommand): Refusal | undefined {
  return pendingOf(file, 'PROSECUTION_DECISION').some((d) => d.stepId === command.stepId)
    ? undefined
    : refuse('NO_DECISION_DUE', `no prosecution decision is due on ${command.stepId}`);
}

export function recordProsecutionDecision(file: CaseFile, command: RecordProsecutionDecisionCommand, { now, actor }: CommandContext): CaseChange {
  return changed(
    file,
    { deadlines: resolvePending(file.deadlines, (d) => d.kind === 'PROSECUTION_DECISION' && d.stepId === command.stepId, 'MET', `${command.prosecute ? 'prosecute' : 'no prosecution'}: ${command.reason}`, now) },
    [{ kind: 'PROSECUTION_DECIDED', at: now.toISOString(), actor, summary: `${command.prosecute ? 'Prosecution to go ahead' : 'No prosecution'}: ${command.reason}`, data: { ...command } }],
  );
}

export function stepReviewRefusal(file: CaseFile, command: RecordStepReviewCommand): Refusal | undefined {
  return pendingOf(file, 'ABC_REVIEW').some((d) => d.stepId === command.stepId) ? undefined : refuse('NO_REVIEW_DUE', `no contract review is due on ${command.stepId}`);
}

export function recordStepReview(file: CaseFile, command: RecordStepReviewCommand, { now, actor }: CommandContext): CaseChange {
  return changed(
    file,
    { deadlines: resolvePending(file.deadlines, (d) => d.kind === 'ABC_REVIEW' && d.stepId === command.stepId, 'MET', `reviewed by ${actor}`, now) },
    [{ kind: 'CONTRACT_REVIEWED', at: now.toISOString(), actor, summary: `Acceptable Behaviour Contract reviewed: ${command.notes}`, data: { stepId: command.stepId } }],
  );
}
