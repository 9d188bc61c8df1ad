import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig, saveCaseFile } from '../../libs/persistence/src';
import { createTestDatabase } from '../support/runtime';
import { change, openCase } from '../unit/case-builder';

/**
 * A case workflow saves each change inside the task that made it (a local activity). A worker can die
 * after that save reached PostgreSQL and before its task completed: the task runs again and makes the
 * change afresh (or another one) under the same version number. The read model must end as the version
 * the workflow recorded, never as the abandoned one, and a late save of an older version moves nothing back.
 */
let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 2 } }));
});

afterAll(async () => {
  await orm?.close(true);
});

const readModel = async (reference: string) => {
  const em = orm.em.fork();
  const [held] = await em.execute<{ version: number; summary: string; file: { lastReviewedAt?: string } }[]>(
    `select c.version, f.file, (select string_agg(t.summary, ' | ' order by t.seq) from case_timeline_entry t where t.reference = c.reference) as summary
     from asb_case c join case_file f using (reference) where c.reference = ?`,
    [reference],
  );
  return held;
};

test('the version a workflow records replaces an abandoned save of the same version, timeline and all, and an older save moves nothing back', async () => {
  const opened = { ...openCase(), reference: 'ASB-2026-000301' };
  await saveCaseFile(orm.em.fork(), opened, []);

  // Saved by a task whose worker then died: a review the workflow never recorded.
  const abandoned = change(opened, 'recordReview', { summary: 'Abandoned review, never recorded.' }, '2026-11-03T10:00:00Z');
  await saveCaseFile(orm.em.fork(), abandoned.file, abandoned.timeline);
  // The task again, on another worker: a note made instead, under the same version.
  const recorded = change(opened, 'recordInitialContact', { summary: 'Visited Margaret; diary sheets left.' }, '2026-11-03T10:05:00Z');
  expect(recorded.file.version).toBe(abandoned.file.version);
  await saveCaseFile(orm.em.fork(), recorded.file, recorded.timeline);

  const held = await readModel(opened.reference);
  expect(held?.version).toBe(recorded.file.version);
  expect(held?.file).toEqual(recorded.file);
  expect(held?.summary).not.toContain('Abandoned review');
  expect(held?.summary).toContain(recorded.timeline.at(-1)!.summary);

  // The opening's save, retried late, changes nothing.
  await saveCaseFile(orm.em.fork(), opened, []);
  expect(await readModel(opened.reference)).toEqual(held);
});
