import { changed, humanise } from './change';
import type { AgencyShare, CaseChange, CaseFile, CommandContext, Refusal } from './state';
import type { RefusalCondition } from './refusal-conditions';

export type { AgencyShare } from './state';


export interface ShareWithAgencyCommand {
  readonly agency: string;
  readonly summaryOnly: boolean;
  readonly reason: string;
}

export interface StopSharingCommand {
  readonly agency: string;
  readonly reason: string;
}

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });

/** Cases opened before sharing existed carry no list; they share with no one. */
export function sharesOf(file: CaseFile): readonly AgencyShare[] {
  return file.shares ?? [];
}

export function shareRefusal(file: CaseFile, command: ShareWithAgencyCommand): Refusal | undefined {
  if (file.stage === 'ANONYMISED') return refuse('CASE_ANONYMISED', 'an anonymised case is not shared');
  if (!command.reason.trim()) return refuse('REASON_REQUIRED', 'record why the case is shared (s.115 is a power to use with reason)');
  const existing = sharesOf(file).find((share) => share.agency === command.agency);
  return existing && existing.summaryOnly === command.summaryOnly
    ? refuse('ALREADY_SHARED', `the case is already shared with ${command.agency}${existing.summaryOnly ? ' as a summary' : ' in full'}`)
    : undefined;
}

/** Shares the case (or changes how much is shared) with an agency. */
export function shareWithAgency(file: CaseFile, command: ShareWithAgencyCommand, { now, actor }: CommandContext): CaseChange {
  const share: AgencyShare = { agency: command.agency, summaryOnly: command.summaryOnly, reason: command.reason, sharedBy: actor, at: now.toISOString() };
  return changed(file, { shares: [...sharesOf(file).filter((existing) => existing.agency !== command.agency), share] }, [
    {
      kind: 'SHARED_WITH_AGENCY',
      at: now.toISOString(),
      actor,
      summary: `Shared with ${humanise(command.agency)}${command.summaryOnly ? ' (summary only)' : ' in full'} under s.115: ${command.reason}`,
      data: { agency: command.agency, summaryOnly: command.summaryOnly },
    },
  ]);
}

export function stopSharingRefusal(file: CaseFile, command: StopSharingCommand): Refusal | undefined {
  return sharesOf(file).some((share) => share.agency === command.agency) ? undefined : refuse('NOT_SHARED', `the case is not shared with ${command.agency}`);
}

export function stopSharing(file: CaseFile, command: StopSharingCommand, { now, actor }: CommandContext): CaseChange {
  return changed(file, { shares: sharesOf(file).filter((share) => share.agency !== command.agency) }, [
    { kind: 'SHARING_STOPPED', at: now.toISOString(), actor, summary: `No longer shared with ${humanise(command.agency)}: ${command.reason}`, data: { agency: command.agency } },
  ]);
}
