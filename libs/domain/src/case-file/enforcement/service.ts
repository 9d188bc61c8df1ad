import { londonDateOf } from '../../calendar';
import { deadlineOn } from '../../deadline';
import { changed, humanise, nextDeadlineId, resolvePending } from '../change';
import type { RefusalCondition } from '../refusal-conditions';
import type { CaseChange, CaseFile, CommandContext, Refusal } from '../state';
import { cpnAppealWindow } from './cpn-appeal-window';
import { ENFORCEMENT_STEPS, type EnforcementStep, type ServiceMethod } from './steps';

/** How a notice reached the person: when (`occurredAt`, the late-entry rule), how, and by whom. */
export interface RecordServiceCommand {
  readonly stepId: string;
  readonly method: ServiceMethod;
  readonly servedBy: string;
}

/** The notices served on a person, whose service can be recorded. */
export const SERVED_NOTICES = ['COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE', 'FIXED_PENALTY_NOTICE', 'CLOSURE_NOTICE'] as const satisfies readonly EnforcementStep['kind'][];

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });

export function serviceRefusal(file: CaseFile, command: RecordServiceCommand, { now }: CommandContext): Refusal | undefined {
  const step = file.enforcement.find((candidate) => candidate.id === command.stepId);
  if (!step) return refuse('UNKNOWN_STEP', `no enforcement step ${command.stepId} on case ${file.reference}`);
  if (!(SERVED_NOTICES as readonly string[]).includes(step.kind)) return refuse('NOT_A_SERVED_NOTICE', `a ${ENFORCEMENT_STEPS[step.kind].title} is not a notice that is served (on a person, or fixed to the premises it closes)`);
  if (step.service) return refuse('SERVICE_ALREADY_RECORDED', `${step.id} was recorded as served at ${step.service.servedAt}`);
  if (now.getTime() < Date.parse(step.takenAt)) return refuse('SERVED_BEFORE_ISSUE', `${step.id} was issued at ${step.takenAt}; it cannot have been served before`);
  return undefined;
}

/**
 * Records the service of a notice. A CPN's appeal window runs from the day the person was given it
 * [law, s.46(2)], so a window still open moves there: the one planned from the day of issue is
 * cancelled and a new one planned from the day of service (day 1).
 */
export function recordService(file: CaseFile, command: RecordServiceCommand, { now, actor }: CommandContext): CaseChange {
  const step = file.enforcement.find((candidate) => candidate.id === command.stepId)!;
  const served: EnforcementStep = { ...step, service: { method: command.method, servedAt: now.toISOString(), servedBy: command.servedBy, recordedBy: actor } };
  let deadlines = file.deadlines;
  const openWindow = step.kind === 'COMMUNITY_PROTECTION_NOTICE' && deadlines.some((d) => d.kind === 'CPN_APPEAL_WINDOW' && d.stepId === step.id && d.status === 'PENDING');
  if (openWindow) {
    const window = cpnAppealWindow(londonDateOf(now), file.policy.statutory);
    const moved = deadlineOn(
      { id: nextDeadlineId(file, 'CPN_APPEAL_WINDOW'), kind: 'CPN_APPEAL_WINDOW', reason: `${window.days}-day appeal window from the day of service, counted as day 1`, stepId: step.id, ...(step.subjectId ? { subjectId: step.subjectId } : {}) },
      window.endsOn,
      now,
    );
    deadlines = [...resolvePending(deadlines, (d) => d.kind === 'CPN_APPEAL_WINDOW' && d.stepId === step.id, 'CANCELLED', 'moved to run from the day of service', now), moved];
  }
  return changed(file, { enforcement: file.enforcement.map((candidate) => (candidate.id === step.id ? served : candidate)), deadlines }, [
    {
      kind: 'SERVICE_RECORDED',
      at: now.toISOString(),
      actor,
      summary: `${ENFORCEMENT_STEPS[step.kind].title} served ${humanise(command.method)} by ${command.servedBy}`,
      data: { stepId: step.id, method: command.method, servedBy: command.servedBy },
    },
  ]);
}
