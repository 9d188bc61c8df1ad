import type { Deadline } from '../deadline';
import type { CaseFile } from './state';

/**
 * The reviews a case still owes: each review deadline missed with no review since it was due (the last
 * review came before it, or there has been none). While one is owed no new review is planned, and the
 * case shows as overdue in lists and in its team's overview. The read model mirrors this rule in SQL
 * (libs/persistence, `OVERDUE_REVIEW_DEADLINE`), held to it by test/persistence/review-overdue.test.ts.
 */
export function overdueReviews(file: Pick<CaseFile, 'deadlines' | 'lastReviewedAt'>): Deadline[] {
  const reviewedSince = (deadline: Deadline) => file.lastReviewedAt !== undefined && file.lastReviewedAt > deadline.dueAt;
  return file.deadlines.filter((deadline) => deadline.kind === 'CASE_REVIEW' && deadline.status === 'MISSED' && !reviewedSince(deadline));
}

/** Whether the case owes a review (`overdueReviews`). */
export function reviewOverdue(file: Pick<CaseFile, 'deadlines' | 'lastReviewedAt'>): boolean {
  return overdueReviews(file).length > 0;
}
