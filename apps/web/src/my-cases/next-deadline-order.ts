import type { CaseListItem, NextDeadlineItem } from '../../../../libs/persistence/src';

/** A case of "Your cases" with the deadline it is sorted by. */
export interface CaseWithNextDeadline extends CaseListItem {
  readonly nextDeadline: NextDeadlineItem | undefined;
}

/**
 * Overdue reviews first (a missed review leaves nothing due to sort by), then the earliest deadline
 * still to meet, then cases with none; the reference breaks ties, so the order never shuffles.
 */
export function byNextDeadline(cases: readonly CaseWithNextDeadline[]): CaseWithNextDeadline[] {
  const due = (item: CaseWithNextDeadline) => (item.nextDeadline ? Date.parse(item.nextDeadline.dueAt) : Number.POSITIVE_INFINITY);
  return [...cases].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b) || a.reference.localeCompare(b.reference));
}
