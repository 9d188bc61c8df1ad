import type { PossibleDuplicate } from './possible-duplicates';

/**
 * What the person opening a case decided about the open cases it may repeat, having been shown them:
 * open it anyway, or open it linked to them. (The third way, adding the report as an incident on the
 * case it repeats, opens nothing: it is an incident recorded on that case.)
 */
export const DUPLICATE_DECISIONS = ['OPEN_ANYWAY', 'OPEN_AND_LINK'] as const;
export type DuplicateDecisionKind = (typeof DUPLICATE_DECISIONS)[number];

export interface DuplicateDecision {
  readonly decision: DuplicateDecisionKind;
  /** The cases the person was shown and decided about. */
  readonly references: readonly string[];
  /** Why this is a case of its own; kept in the timeline. */
  readonly reason: string;
}

/**
 * The matches still to be shown before the case may open: every one the decision does not name. None
 * when there are no matches; all of them when no decision was made; the new ones when a case matching
 * the report opened between the person seeing the matches and deciding.
 */
export function undecidedDuplicates(matches: readonly PossibleDuplicate[], decided: DuplicateDecision | undefined): PossibleDuplicate[] {
  return matches.filter((match) => !decided?.references.includes(match.reference));
}

/**
 * The decision as the case records it: about the cases that still match (one closed meanwhile is left
 * alone), or nothing when none does. OPEN_AND_LINK links the new case to each of them.
 */
export function decisionToRecord(matches: readonly PossibleDuplicate[], decided: DuplicateDecision | undefined): DuplicateDecision | undefined {
  const references = matches.filter((match) => decided?.references.includes(match.reference)).map((match) => match.reference);
  return decided && references.length > 0 ? { ...decided, references } : undefined;
}
