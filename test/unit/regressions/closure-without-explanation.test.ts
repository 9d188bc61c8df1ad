/**
 * BUG (missing precondition): a case can be sent to closure, and closed, with a blank explanation to the
 * complainant. libs/domain/src/case-file/lifecycle.ts, closureRequestRefusal(): never looks at
 * explanationToComplainant. docs/domain.md, Lifecycle: a closure request "records what the complainant is
 * told about why the case closes". The closed case's
 * timeline then reads "…the complainant was told: " with nothing after it. (Compare changeForum, which
 * refuses a blank reason with REASON_REQUIRED. Note next-steps.ts probes requestClosure with '' and would
 * need to probe with a placeholder, as it does for changeForum, once this is fixed.)
 */
import { openCase, refusalOf, run } from '../case-builder';

test('closure is refused when the complainant has not been told why', () => {
  const file = run(openCase(), 'recordInitialContact', { summary: 'Visited' }, '2026-11-03T10:00:00Z');
  // Actual: undefined (accepted).
  expect(refusalOf(file, 'requestClosure', { reason: 'VEXATIOUS', explanationToComplainant: '   ' }, '2026-11-20T10:00:00Z')?.condition).toBeDefined();
});
