/**
 * BUG: a re-opened case has no case review planned.
 * libs/domain/src/case-file/lifecycle.ts, reopen(): it hides pending CASE_REVIEWs from planRiskDeadlines,
 * but closure has already CANCELLED the old review, so planRiskDeadlines sees a CASE_REVIEW that is
 * neither pending nor "never planned" and plans none. docs/domain.md, Deadlines: every case is reviewed
 * (STANDARD every 28 days, "from the report and then from each review"); reopen() even sets lastReviewedAt = now to count the next one from.
 */
import { nextReviewDeadline } from '../../../libs/domain/src';
import { MANAGER, openCase, pendingOfKind, run } from '../case-builder';

test('a case re-opened on 15 December 2026 has a STANDARD review due 28 days later', () => {
  let file = openCase(); // STANDARD, opened Monday 2 November 2026
  file = run(file, 'recordInitialContact', { summary: 'Visited' }, '2026-11-03T10:00:00Z');
  file = run(file, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'The noise stopped.' }, '2026-11-20T10:00:00Z');
  file = run(file, 'decideClosure', { approve: true, reason: 'ok' }, '2026-11-23T10:00:00Z', MANAGER);
  file = run(file, 'reopen', { reason: 'Music again every night' }, '2026-12-15T10:00:00Z');
  expect(file.stage).toBe('ACTIVE');
  // Actual: [] — nothing will ever prompt a review of this active case, and no overdue alert can fire.
  expect(pendingOfKind(file, 'CASE_REVIEW').map((d) => d.dueOn)).toEqual(['2027-01-12']);
  expect(nextReviewDeadline(file)?.dueOn).toBe('2027-01-12');
});
