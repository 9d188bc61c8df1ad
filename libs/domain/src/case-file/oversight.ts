import { FORUMS, type Forum } from '../case-classification';
import { changed, humanise } from './change';
import type { CaseChange, CaseFile, CommandContext, Refusal } from './state';
import type { RefusalCondition } from './refusal-conditions';

export interface ChangeForumCommand {
  readonly to: Forum;
  readonly reason: string;
}

export interface ReferToAdultsAtRiskCommand {
  readonly reason: string;
}

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });
const rank = (forum: Forum) => FORUMS.indexOf(forum);

export function forumChangeRefusal(file: CaseFile, command: ChangeForumCommand): Refusal | undefined {
  if (['CLOSED', 'ANONYMISED'].includes(file.stage)) return refuse('CASE_CLOSED', `case ${file.reference} is ${humanise(file.stage)}`);
  if (!command.reason.trim()) return refuse('REASON_REQUIRED', 'an escalation or de-escalation records why');
  return command.to === file.forum ? refuse('SAME_FORUM', `the case is already at ${humanise(file.forum)}`) : undefined;
}

/** Escalation (general casework → MAG → JAG) or de-escalation, with who decided and why. */
export function changeForum(file: CaseFile, command: ChangeForumCommand, { now, actor }: CommandContext): CaseChange {
  const direction = rank(command.to) > rank(file.forum) ? 'Escalated' : 'De-escalated';
  return changed(
    file,
    { forum: command.to, forumHistory: [...file.forumHistory, { from: file.forum, to: command.to, reason: command.reason, decidedBy: actor, at: now.toISOString() }] },
    [{ kind: direction === 'Escalated' ? 'FORUM_ESCALATED' : 'FORUM_DEESCALATED', at: now.toISOString(), actor, summary: `${direction} from ${file.forum} to ${command.to}: ${command.reason}`, data: { from: file.forum, to: command.to } }],
  );
}

export function adultsAtRiskRefusal(file: CaseFile): Refusal | undefined {
  if (['CLOSED', 'ANONYMISED'].includes(file.stage)) return refuse('CASE_CLOSED', `case ${file.reference} is ${humanise(file.stage)}`);
  return file.adultsAtRiskReferral ? refuse('ALREADY_REFERRED', 'the case is already referred to the adults at risk forum') : undefined;
}

/** A parallel referral, not a rung: the case stays at its forum. */
export function referToAdultsAtRisk(file: CaseFile, command: ReferToAdultsAtRiskCommand, { now, actor }: CommandContext): CaseChange {
  return changed(file, { adultsAtRiskReferral: { reason: command.reason, decidedBy: actor, at: now.toISOString() } }, [
    { kind: 'ADULTS_AT_RISK_REFERRAL', at: now.toISOString(), actor, summary: `Referred to the adults at risk forum: ${command.reason}` },
  ]);
}
