import type { CaseCategory } from '../../case-classification';
import { changed, humanise } from '../change';
import type { CaseChange, CaseFile, CaseLocation, CommandContext, Refusal } from '../state';
import { correctionRefusal, refuse } from './correction-refusal';

export interface CorrectCategoryCommand {
  readonly category: CaseCategory;
  readonly reason: string;
}

export interface CorrectSummaryCommand {
  readonly summary: string;
  readonly reason: string;
}

/** The parts of the location given are corrected; the others stay. */
export interface CorrectLocationCommand {
  readonly address?: string;
  readonly ward?: string;
  readonly priorityNeighbourhood?: boolean;
  readonly reason: string;
}

export interface TransferCaseCommand {
  readonly team: string;
  /** The caseworker in the new team, when already known; otherwise its manager allocates. */
  readonly caseworker?: string;
  readonly reason: string;
}

export function correctCategoryRefusal(file: CaseFile, command: CorrectCategoryCommand): Refusal | undefined {
  return correctionRefusal(file) ?? (command.category === file.category ? refuse('NOTHING_TO_CORRECT', `the case is already ${humanise(file.category)}`) : undefined);
}

export function correctCategory(file: CaseFile, command: CorrectCategoryCommand, { now, actor }: CommandContext): CaseChange {
  return changed(file, { category: command.category }, [
    {
      kind: 'CATEGORY_CORRECTED',
      at: now.toISOString(),
      actor,
      summary: `Category corrected from ${humanise(file.category)} to ${humanise(command.category)}: ${command.reason}`,
      data: { old: file.category, new: command.category, reason: command.reason },
    },
  ]);
}

export function correctSummaryRefusal(file: CaseFile, command: CorrectSummaryCommand): Refusal | undefined {
  return correctionRefusal(file) ?? (command.summary === file.summary ? refuse('NOTHING_TO_CORRECT', 'the summary is already that') : undefined);
}

export function correctSummary(file: CaseFile, command: CorrectSummaryCommand, { now, actor }: CommandContext): CaseChange {
  return changed(file, { summary: command.summary }, [
    { kind: 'SUMMARY_CORRECTED', at: now.toISOString(), actor, summary: `Summary corrected: ${command.reason}`, data: { old: file.summary, new: command.summary, reason: command.reason } },
  ]);
}

const LOCATION_FIELDS = ['address', 'ward', 'priorityNeighbourhood'] as const;

function locationChanges(file: CaseFile, command: CorrectLocationCommand): (typeof LOCATION_FIELDS)[number][] {
  return LOCATION_FIELDS.filter((field) => command[field] !== undefined && command[field] !== file.location[field]);
}

export function correctLocationRefusal(file: CaseFile, command: CorrectLocationCommand): Refusal | undefined {
  return correctionRefusal(file) ?? (locationChanges(file, command).length === 0 ? refuse('NOTHING_TO_CORRECT', 'the location given is the one on record') : undefined);
}

export function correctLocation(file: CaseFile, command: CorrectLocationCommand, { now, actor }: CommandContext): CaseChange {
  const fields = locationChanges(file, command);
  const location: CaseLocation = { ...file.location, ...Object.fromEntries(fields.map((field) => [field, command[field]])) };
  const pick = (from: CaseLocation) => Object.fromEntries(fields.map((field) => [field, from[field] ?? null]));
  return changed(file, { location }, [
    {
      kind: 'LOCATION_CORRECTED',
      at: now.toISOString(),
      actor,
      summary: `Location corrected (${fields.map(humanise).join(', ')}): ${command.reason}`,
      data: { old: pick(file.location), new: pick(location), reason: command.reason },
    },
  ]);
}

export function transferRefusal(file: CaseFile, command: TransferCaseCommand): Refusal | undefined {
  return correctionRefusal(file) ?? (command.team === file.team ? refuse('SAME_TEAM', `case ${file.reference} is already with team ${file.team}`) : undefined);
}

/** The case moves to another team, with its deadlines; both teams' managers are told (see noticesOfChange). */
export function transferCase(file: CaseFile, command: TransferCaseCommand, { now, actor }: CommandContext): CaseChange {
  const { caseworker: _previous, ...rest } = file;
  return changed({ ...rest, ...(command.caseworker ? { caseworker: command.caseworker } : {}) } as CaseFile, { team: command.team }, [
    {
      kind: 'CASE_TRANSFERRED',
      at: now.toISOString(),
      actor,
      summary: `Transferred from team ${file.team} to team ${command.team}: ${command.reason}`,
      data: { old: { team: file.team, caseworker: file.caseworker ?? null }, new: { team: command.team, caseworker: command.caseworker ?? null }, reason: command.reason },
    },
  ]);
}
