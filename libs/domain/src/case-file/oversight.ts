import { FORUMS, type Forum } from '../case-classification';
import { changed, humanise, type NewEntry } from './change';
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
  const { next, entry } = forumMoved(file, command.to, command.reason, actor, now);
  return changed(file, next, [entry]);
}

/** The move itself, for a command that moves the forum as one of its consequences (a third missing episode). */
export function forumMoved(file: CaseFile, to: Forum, reason: string, actor: string, now: Date): { next: Pick<CaseFile, 'forum' | 'forumHistory'>; entry: NewEntry } {
  const direction = rank(to) > rank(file.forum) ? 'Escalated' : 'De-escalated';
  return {
    next: { forum: to, forumHistory: [...file.forumHistory, { from: file.forum, to, reason, decidedBy: actor, at: now.toISOString() }] },
    entry: { kind: direction === 'Escalated' ? 'FORUM_ESCALATED' : 'FORUM_DEESCALATED', at: now.toISOString(), actor, summary: `${direction} from ${file.forum} to ${to}: ${reason}`, data: { from: file.forum, to } },
  };
}

/** Whether `to` is above the case's present forum. */
export function forumIsAbove(file: CaseFile, to: Forum): boolean {
  return rank(to) > rank(file.forum);
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
