import { MikroORM } from '@mikro-orm/postgresql';
import { localDate, makePspo, recordPspoBreach, recordPspoConsultation, varyPspo } from '../../libs/domain/src';
import { findPspo, insertPspo, insertPspoBreach, listPspoBreaches, ormConfig, savePspoChange } from '../../libs/persistence/src';
import { createTestDatabase } from '../support/runtime';

/** A PSPO read back as the domain made it; its history (consultations, decisions with their terms, breaches) never changes. */
let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 2 } }));
});

afterAll(async () => {
  await orm?.close(true);
});

const CONSULTEES = ['CHIEF_OFFICER_OF_POLICE', 'LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES'] as const;
const MADE_ON = localDate('2026-03-02');
const made = makePspo(
  {
    id: 'PSPO-2026-001',
    title: 'Park dog control',
    area: { description: 'Egerton Park', geometry: { type: 'Polygon', coordinates: [[[-0.9, 52.7], [-0.89, 52.7], [-0.89, 52.71], [-0.9, 52.7]]] } },
    prohibitions: ['Dogs in the play area'],
    requirements: [],
    madeOn: MADE_ON,
    expiresOn: localDate('2029-03-01'),
    owner: 'jo.bennett',
    madeBy: 'jo.bennett',
    reason: 'Dogs in the play area, reported weekly.',
    consultation: { id: 'C1', publishedOn: localDate('2026-01-05'), closedOn: localDate('2026-02-27'), consultees: CONSULTEES },
  },
  MADE_ON,
);

test('reads an order back as made, then varied, with the terms each decision left and the consultation marked as used', async () => {
  if (!made.ok) throw new Error(made.refusal.message);
  const stored = await insertPspo(orm.em.fork(), made.value);
  expect(stored.version).toBe(1);
  expect(stored.pspo).toEqual({ ...made.value, decisions: [{ ...made.value.decisions[0], terms: { area: made.value.area, prohibitions: ['Dogs in the play area'], requirements: [] } }] });

  const today = localDate('2026-06-01');
  const consulted = recordPspoConsultation(stored.pspo, { id: 'C2', purpose: 'VARY', publishedOn: localDate('2026-04-01'), closedOn: localDate('2026-05-01'), consultees: CONSULTEES }, today);
  if (!consulted.ok) throw new Error(consulted.refusal.message);
  const varied = varyPspo(consulted.value, { decidedOn: today, decidedBy: 'helen.ward', reason: 'The car park too.', consultationId: 'C2', prohibitions: ['Dogs in the play area or the car park'] }, today);
  if (!varied.ok) throw new Error(varied.refusal.message);
  const saved = await savePspoChange(orm.em.fork(), stored, varied.value, 'helen.ward');
  expect(saved?.version).toBe(2);
  expect(saved?.pspo.prohibitions).toEqual(['Dogs in the play area or the car park']);
  expect(saved?.pspo.consultations.map((c) => [c.id, c.usedFor])).toEqual([['C1', 'MAKE'], ['C2', 'VARY']]);
  expect(saved?.pspo.decisions.map((d) => [d.kind, d.by, d.terms.prohibitions])).toEqual([
    ['MAKE', 'jo.bennett', ['Dogs in the play area']],
    ['VARY', 'helen.ward', ['Dogs in the play area or the car park']],
  ]);

  // A change decided on the order as it was before (version 1) is not saved over the variation.
  expect(await savePspoChange(orm.em.fork(), stored, varied.value, 'jo.bennett')).toBeUndefined();
  expect((await findPspo(orm.em.fork(), 'PSPO-2026-001'))?.version).toBe(2);
});

test('keeps a breach’s fixed penalty in pence, and refuses to change or delete any of the history', async () => {
  const stored = (await findPspo(orm.em.fork(), 'PSPO-2026-001'))!;
  const breach = recordPspoBreach(stored.pspo, { id: '0b5e2c1a-9f3d-4e7b-8a6c-1d2e3f4a5b6c', occurredOn: localDate('2026-06-02'), offence: 'FAILURE_TO_COMPLY', description: 'Dog in the play area.', recordedBy: 'pc.lewis', fixedPenalty: { issuedOn: localDate('2026-06-02'), amountPounds: 99.99 } }, localDate('2026-06-03'));
  if (!breach.ok) throw new Error(breach.refusal.message);
  await insertPspoBreach(orm.em.fork(), breach.value);
  expect(await listPspoBreaches(orm.em.fork(), 'PSPO-2026-001')).toEqual([breach.value]);

  const em = orm.em.fork();
  for (const statement of [
    `update pspo_decision set reason = 'rewritten' where pspo_id = 'PSPO-2026-001'`,
    `delete from pspo_decision where pspo_id = 'PSPO-2026-001'`,
    `update pspo_consultation set closed_on = '2026-01-01'`,
    `update pspo_breach set penalty_amount_pence = 1`,
    `delete from pspo_breach`,
  ]) {
    await expect(em.execute(statement)).rejects.toThrow(/history of a PSPO \(pspo_(decision|consultation|breach)\) is immutable/);
  }
});
