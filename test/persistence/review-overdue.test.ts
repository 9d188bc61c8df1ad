import { MikroORM } from '@mikro-orm/postgresql';
import { type CaseFile, deadlinePassed, overdueReviews, reviewOverdue } from '../../libs/domain/src';
import { listCases, ormConfig, REVIEW_OVERDUE, saveCaseFile, teamOverview } from '../../libs/persistence/src';
import { createTestDatabase } from '../support/runtime';
import { deadlineById, openCase, run } from '../unit/case-builder';

/**
 * "A review is overdue" is a rule of libs/domain (`overdueReviews`, `reviewOverdue`). The read model keeps
 * the domain's answer on each case (asb_case.review_overdue, for the overdue list's index) and mirrors the
 * rule in SQL twice: `REVIEW_OVERDUE` (rows written without a file, the benchmark's seed) and the team
 * overview's overdue reviews. Each case below is saved as the workflow saves it, and every one of the
 * four answers must be the domain's.
 */
let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 2 } }));
});

afterAll(async () => {
  await orm?.close(true);
});

/** The deadline passes unmet, at its due time, as the workflow's timer would have it. */
const passed = (file: CaseFile, id: string) => deadlinePassed(file, id, new Date(deadlineById(file, id).dueAt)).file;
const reviewedAt = (file: CaseFile, at: string) => run(file, 'recordReview', { summary: 'Reviewed with the complainant.' }, at);

test('the read model answers "review overdue" as the domain does, case by case and deadline by deadline', async () => {
  const opened = openCase();
  const missed = passed(opened, 'case-review-1');
  const escalated = passed(missed, 'review-escalation-1');
  const reviewedLate = reviewedAt(escalated, '2026-12-10T10:00:00Z');
  const missedAgain = passed(reviewedLate, deadlineById(reviewedLate, 'case-review-2').id);
  const cases: Record<string, CaseFile> = {
    'ASB-2026-000201': opened,
    'ASB-2026-000202': missed,
    'ASB-2026-000203': escalated,
    'ASB-2026-000204': reviewedLate,
    'ASB-2026-000205': missedAgain,
    // A review entered after the escalation was missed, dated between the two: the review is no longer owed.
    'ASB-2026-000206': { ...escalated, lastReviewedAt: new Date(new Date(deadlineById(escalated, 'case-review-1').dueAt).getTime() + 60_000).toISOString() },
    // Reviewed at the very instant the review fell due: not since.
    'ASB-2026-000207': { ...missed, lastReviewedAt: deadlineById(missed, 'case-review-1').dueAt },
  };
  for (const [reference, file] of Object.entries(cases)) await saveCaseFile(orm.em.fork(), { ...file, reference }, []);

  const expected = Object.entries(cases).map(([reference, file]) => ({ reference, overdue: reviewOverdue(file), deadlines: overdueReviews(file).map((deadline) => deadline.id) }));
  // The cases cover both answers, and more than one deadline's worth of each.
  expect(expected.map((entry) => entry.overdue)).toEqual([false, true, true, false, true, false, true]);

  const em = orm.em.fork();
  const rows = await em.execute<{ reference: string; kept: boolean; mirrored: boolean }[]>(
    `select c.reference, c.review_overdue as kept, ${REVIEW_OVERDUE} as mirrored from asb_case c order by c.reference`,
  );
  const { overdue } = await teamOverview(em, 'north', new Date('2026-12-01T00:00:00Z'), 7);
  const listed = await listCases(em, { overdue: true }, 'reference', 50);
  expect(
    rows.map((row) => ({
      reference: row.reference,
      overdue: row.kept,
      deadlines: overdue.filter((deadline) => deadline.reference === row.reference).map((deadline) => deadline.deadlineId),
    })),
  ).toEqual(expected);
  expect(rows.map((row) => ({ reference: row.reference, overdue: row.mirrored }))).toEqual(expected.map(({ reference, overdue }) => ({ reference, overdue })));
  expect(listed.rows.map((item) => item.reference)).toEqual(expected.filter((entry) => entry.overdue).map((entry) => entry.reference));
});
