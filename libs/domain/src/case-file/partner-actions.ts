import { compareDates, type LocalDate, londonDateOf } from '../calendar';
import type { Forum } from '../case-classification';
import { type Deadline, deadlineOn } from '../deadline';
import { changed, humanise, type NewEntry, nextDeadlineId, resolvePending } from './change';
import type { CaseChange, CaseFile, CommandContext, PartnerAction, Refusal } from './state';
import type { RefusalCondition } from './refusal-conditions';

export interface AssignPartnerActionCommand {
  readonly agency: string;
  readonly description: string;
  readonly dueOn: LocalDate;
  readonly forum?: Forum;
}

export interface CompletePartnerActionCommand {
  readonly actionId: string;
  readonly outcome: string;
}

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });

export function partnerActionsOf(file: CaseFile): readonly PartnerAction[] {
  return file.partnerActions ?? [];
}

export function assignActionRefusal(file: CaseFile, command: AssignPartnerActionCommand, { now }: CommandContext): Refusal | undefined {
  if (['CLOSED', 'ANONYMISED'].includes(file.stage)) return refuse('CASE_CLOSED', `case ${file.reference} is ${humanise(file.stage)}`);
  if (!command.description.trim()) return refuse('DESCRIPTION_REQUIRED', 'say what the agency is asked to do');
  return compareDates(command.dueOn, londonDateOf(now)) < 0 ? refuse('DUE_IN_PAST', 'an action falls due today or later') : undefined;
}

/** An action for an agency; its due date is a duty, and a missed one alerts the agency and goes on the JAG agenda. */
export function assignPartnerAction(file: CaseFile, command: AssignPartnerActionCommand, { now, actor }: CommandContext): CaseChange {
  const { action, deadline } = newPartnerAction(file, command, now, actor);
  return changed(file, { partnerActions: [...partnerActionsOf(file), action], deadlines: [...file.deadlines, deadline] }, [actionAssigned(action, now, actor)]);
}

/** The action and the deadline it is due by, for a command or for a partner-led case type opening with its lead agency's first action. */
export function newPartnerAction(file: CaseFile, command: AssignPartnerActionCommand, now: Date, actor: string): { action: PartnerAction; deadline: Deadline } {
  const action: PartnerAction = {
    id: `action-${partnerActionsOf(file).length + 1}`,
    agency: command.agency,
    description: command.description,
    dueOn: command.dueOn,
    assignedBy: actor,
    assignedAt: now.toISOString(),
    ...(command.forum ? { forum: command.forum } : {}),
  };
  const deadline = deadlineOn(
    { id: nextDeadlineId(file, 'PARTNER_ACTION'), kind: 'PARTNER_ACTION', reason: `${humanise(command.agency)} asked${command.forum ? ` by ${command.forum}` : ''}: ${command.description}`, stepId: action.id },
    command.dueOn,
    now,
  );
  return { action, deadline };
}

export function actionAssigned(action: PartnerAction, now: Date, actor: string): NewEntry {
  return { kind: 'PARTNER_ACTION_ASSIGNED', at: now.toISOString(), actor, summary: `Action for ${humanise(action.agency)} by ${action.dueOn}: ${action.description}`, data: { actionId: action.id, agency: action.agency, dueOn: action.dueOn } };
}

export function completeActionRefusal(file: CaseFile, command: CompletePartnerActionCommand): Refusal | undefined {
  const action = partnerActionsOf(file).find((candidate) => candidate.id === command.actionId);
  if (!action) return refuse('UNKNOWN_ACTION', `no partner action ${command.actionId} on case ${file.reference}`);
  return action.completedAt ? refuse('ALREADY_COMPLETED', `${command.actionId} was completed on ${londonDateOf(new Date(action.completedAt))}`) : undefined;
}

/** Done, on time or late: a late completion leaves the missed deadline as missed. */
export function completePartnerAction(file: CaseFile, command: CompletePartnerActionCommand, { now, actor }: CommandContext): CaseChange {
  const actions = partnerActionsOf(file).map((action) => (action.id === command.actionId ? { ...action, completedAt: now.toISOString(), completedBy: actor, outcome: command.outcome } : action));
  const action = actions.find((candidate) => candidate.id === command.actionId)!;
  return changed(
    file,
    { partnerActions: actions, deadlines: resolvePending(file.deadlines, (d) => d.kind === 'PARTNER_ACTION' && d.stepId === command.actionId, 'MET', `completed by ${actor}`, now) },
    [{ kind: 'PARTNER_ACTION_COMPLETED', at: now.toISOString(), actor, summary: `${humanise(action.agency)} completed: ${action.description}. ${command.outcome}`, data: { actionId: action.id } }],
  );
}
