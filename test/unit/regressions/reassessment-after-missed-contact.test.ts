/**
 * BUG: re-assessing risk after the initial contact was MISSED plans a second, already-overdue contact
 * deadline, so the same missed contact is recorded missed (and alerted) twice.
 * libs/domain/src/case-file/risk.ts, planRiskDeadlines(): for INITIAL_CONTACT it only skips when contact
 * was MET; a MISSED one is not pending, so `replace` adds initial-contact-2 due from the report date —
 * in the past. Its own doc says a re-plan "never leaves two of a kind", and for an unchanged level it
 * leaves a pending deadline untouched; docs/domain.md, Notifications: "A notice is sent once per event". The CASE_REVIEW
 * branch handles exactly this case ("An overdue review stays owed ... only a pending one moves").
 * Reached by assessRisk, recordReview with a new level, and movePolicy.
 */
import { deadlinePassed, type RiskAssessment } from '../../../libs/domain/src';
import { CASEWORKER, deadlinesOf, openCase, run } from '../case-builder';

const NO_FACTORS: RiskAssessment = { disability: false, mentalHealth: false, isolation: false, repeatVictimisation: false, hateMotive: false, impactOnDailyLife: false, assessedBy: CASEWORKER };

function contactMissed() {
  // STANDARD, opened Monday 2 March 2026: contact due Monday 9 March, missed at midnight.
  const opened = openCase({ subjects: [] }, '2026-03-02T09:00:00Z');
  return deadlinePassed(opened, 'initial-contact-1', new Date('2026-03-10T00:00:00Z')).file;
}

test('a re-assessment at the same level adds no second contact deadline', () => {
  const file = run(contactMissed(), 'assessRisk', { assessment: NO_FACTORS }, '2026-03-12T10:00:00Z');
  // Actual: [['MISSED','2026-03-09'], ['PENDING','2026-03-09']] — the new one is already 3 days overdue.
  expect(deadlinesOf(file, 'INITIAL_CONTACT').map((d) => [d.status, d.dueOn])).toEqual([['MISSED', '2026-03-09']]);
});

test('the re-planned contact, if any, is not already overdue, so the missed contact is alerted once', () => {
  const reviewed = run(contactMissed(), 'recordReview', { summary: 'Victim now isolated', riskLevel: 'MEDIUM' }, '2026-03-12T10:00:00Z');
  const pending = deadlinesOf(reviewed, 'INITIAL_CONTACT').filter((d) => d.status === 'PENDING');
  // Actual: initial-contact-2 PENDING due 2026-03-04, eight days before it was planned; the timer fires at once.
  for (const d of pending) expect(d.dueOn >= '2026-03-12').toBe(true);
  const alerts = pending.flatMap((d) => deadlinePassed(reviewed, d.id, new Date(d.dueAt)).alerts ?? []).filter((a) => a.kind === 'INITIAL_CONTACT');
  expect(alerts).toEqual([]);
});
