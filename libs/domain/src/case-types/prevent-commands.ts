import { addMonths, londonDateOf } from '../calendar';
import { type Deadline, deadlineOn } from '../deadline';
import { addWorkingDays } from '../working-days';
import { changed, nextDeadlineId, resolvePending } from '../case-file/change';
import type { CaseChange, CaseFile, CommandContext, Refusal } from '../case-file/state';
import { CHANNEL_EXIT_REVIEW_MONTHS } from './prevent';
import type { ChannelOutcome, PreventRecord } from './records';
import { caseTypePolicyOf } from './type-policy';
import { typeCommandRefusal } from './type-refusal';

export interface RecordPreventReferralCommand {
  readonly summary: string;
  /** The reference the police Prevent gateway gave, when known. */
  readonly gatewayReference?: string;
}

export interface RecordChannelPanelCommand {
  readonly outcome: ChannelOutcome;
  readonly summary: string;
}

export interface RecordChannelReviewCommand {
  readonly summary: string;
}

const recordOf = (file: CaseFile): PreventRecord => file.prevent ?? { panels: [], exitReviews: [] };

export function preventReferralRefusal(file: CaseFile): Refusal | undefined {
  const refused = typeCommandRefusal(file, 'PREVENT', 'a referral to the police Prevent gateway');
  if (refused) return refused;
  return file.prevent?.gatewayReferral ? { condition: 'PREVENT_REFERRAL_MADE', message: `the referral was made at ${file.prevent.gatewayReferral.at}` } : undefined;
}

/** Meets the gateway referral; where the local authority chairs Channel, the panel's discussion falls due. */
export function recordPreventReferral(file: CaseFile, command: RecordPreventReferralCommand, { now, actor }: CommandContext): CaseChange {
  const policy = caseTypePolicyOf(file.policy.local);
  const deadlines = resolvePending(file.deadlines, (d) => d.kind === 'PREVENT_REFERRAL', 'MET', `referred by ${actor}`, now);
  if (policy.channelPanelChairedByLocalAuthority) deadlines.push(nextPanel({ ...file, deadlines }, policy.channelPanelWorkingDays, 'the Channel panel discusses a case the gateway passes on', now));
  const prevent: PreventRecord = {
    ...recordOf(file),
    gatewayReferral: { at: now.toISOString(), by: actor, summary: command.summary, ...(command.gatewayReference ? { gatewayReference: command.gatewayReference } : {}) },
  };
  return changed(file, { prevent, deadlines }, [
    { kind: 'PREVENT_REFERRAL_MADE', at: now.toISOString(), actor, summary: `Referred to the police Prevent gateway${command.gatewayReference ? ` (${command.gatewayReference})` : ''}: ${command.summary}` },
  ]);
}

export function channelPanelRefusal(file: CaseFile): Refusal | undefined {
  const refused = typeCommandRefusal(file, 'PREVENT', 'a Channel panel decision');
  if (refused) return refused;
  if (!caseTypePolicyOf(file.policy.local).channelPanelChairedByLocalAuthority) {
    return { condition: 'CHANNEL_NOT_CHAIRED_HERE', message: 'under this policy version the local authority does not chair the Channel panel' };
  }
  if (!file.prevent?.gatewayReferral) return { condition: 'NO_PREVENT_REFERRAL', message: 'a case comes to the Channel panel through the police Prevent gateway: record that referral first' };
  const last = file.prevent.panels.at(-1);
  return last && last.outcome !== 'ADOPTED' ? { condition: 'CHANNEL_CASE_ENDED', message: `the panel recorded ${last.outcome.toLowerCase().replaceAll('_', ' ')} at ${last.at}` } : undefined;
}

/**
 * The panel's decision meets the discussion due. Adopted: the support plan comes back to the next
 * panel. Exited: the reviews at 6 and 12 months after leaving fall due (Channel Duty Guidance 2023).
 */
export function recordChannelPanel(file: CaseFile, command: RecordChannelPanelCommand, { now, actor }: CommandContext): CaseChange {
  const policy = caseTypePolicyOf(file.policy.local);
  const deadlines = resolvePending(file.deadlines, (d) => d.kind === 'CHANNEL_PANEL', 'MET', `panel recorded ${command.outcome.toLowerCase().replaceAll('_', ' ')} by ${actor}`, now);
  if (command.outcome === 'ADOPTED') deadlines.push(nextPanel({ ...file, deadlines }, policy.channelPanelWorkingDays, 'an adopted case’s support plan is reviewed at the next Channel panel', now));
  if (command.outcome === 'EXITED') {
    for (const months of CHANNEL_EXIT_REVIEW_MONTHS) {
      deadlines.push(
        deadlineOn(
          { id: nextDeadlineId({ ...file, deadlines }, 'CHANNEL_EXIT_REVIEW'), kind: 'CHANNEL_EXIT_REVIEW', reason: `a case that leaves Channel is reviewed ${months} months after it leaves (Channel Duty Guidance 2023)` },
          addMonths(londonDateOf(now), months),
          now,
        ),
      );
    }
  }
  const prevent: PreventRecord = { ...recordOf(file), panels: [...recordOf(file).panels, { at: now.toISOString(), outcome: command.outcome, summary: command.summary, recordedBy: actor }] };
  return changed(file, { prevent, deadlines }, [
    { kind: 'CHANNEL_PANEL_RECORDED', at: now.toISOString(), actor, summary: `Channel panel: ${command.outcome.toLowerCase().replaceAll('_', ' ')}. ${command.summary}`, data: { outcome: command.outcome } },
  ]);
}

export function channelReviewRefusal(file: CaseFile): Refusal | undefined {
  const refused = typeCommandRefusal(file, 'PREVENT', 'a Channel review');
  if (refused) return refused;
  return file.deadlines.some((d) => d.kind === 'CHANNEL_EXIT_REVIEW' && d.status === 'PENDING')
    ? undefined
    : { condition: 'NO_CHANNEL_REVIEW_DUE', message: 'the reviews after leaving Channel fall due once the panel records that the person has left it' };
}

/** Meets the earliest review still due after the person left Channel. */
export function recordChannelReview(file: CaseFile, command: RecordChannelReviewCommand, { now, actor }: CommandContext): CaseChange {
  const due = file.deadlines.filter((d) => d.kind === 'CHANNEL_EXIT_REVIEW' && d.status === 'PENDING').sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0]!;
  const prevent: PreventRecord = { ...recordOf(file), exitReviews: [...recordOf(file).exitReviews, { at: now.toISOString(), summary: command.summary, recordedBy: actor }] };
  return changed(file, { prevent, deadlines: resolvePending(file.deadlines, (d) => d.id === due.id, 'MET', `reviewed by ${actor}`, now) }, [
    { kind: 'CHANNEL_REVIEW_RECORDED', at: now.toISOString(), actor, summary: `Channel review (due ${due.dueOn}): ${command.summary}` },
  ]);
}

function nextPanel(file: CaseFile, workingDays: number, why: string, now: Date): Deadline {
  return deadlineOn({ id: nextDeadlineId(file, 'CHANNEL_PANEL'), kind: 'CHANNEL_PANEL', reason: `${why}, within ${workingDays} working days (local policy: panels meet monthly)` }, addWorkingDays(londonDateOf(now), workingDays), now);
}
