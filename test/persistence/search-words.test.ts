import { MikroORM } from '@mikro-orm/postgresql';
import { type CaseFile } from '../../libs/domain/src';
import { ormConfig, saveCaseFile, searchCases } from '../../libs/persistence/src';
import { createTestDatabase } from '../support/runtime';
import { MARGARET, openCase, run } from '../unit/case-builder';

/**
 * A search matches a typed word against the words of every name and address held once in `search_word`
 * (migration search_words), which triggers keep as cases are saved. These tests save cases as the
 * workflow does and check what the search finds, and that a word nobody uses any more leaves.
 */
let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 2 } }));
});

afterAll(async () => {
  await orm?.close(true);
});

const AT = '2026-11-03T10:00:00Z';
const save = (reference: string, file: CaseFile) => saveCaseFile(orm.em.fork(), { ...file, reference }, []);
const words = async () => (await orm.em.fork().execute<{ word: string }[]>(`select word from search_word order by word`)).map((row) => row.word);
const found = async (q: string) => (await searchCases(orm.em.fork(), { teams: ['north'] }, q, 50)).map((hit) => hit.reference);

test('a witness is on the read model, found by name and misspelt name, and a corrected name or address leaves no word behind', async () => {
  const opened = openCase({ subjects: [], complainants: [MARGARET], location: { address: '3 Quenby Walk, Melton Mowbray LE13 2XY', ward: 'Egerton', priorityNeighbourhood: false } });
  const withWitness = run(opened, 'addParty', { role: 'WITNESS', id: 'w1', name: 'Ottoline Brackwater', contact: '07700 900789' }, AT);
  await save('ASB-2026-000301', withWitness);
  await save('ASB-2026-000302', openCase({ subjects: [], complainants: [{ id: 'c1', name: 'Ottoline Parr', vulnerable: false }], location: { address: '9 Mill Street, Melton Mowbray', priorityNeighbourhood: false } }));

  const parties = await orm.em.fork().execute(`select party_id, role, name from case_party where reference = 'ASB-2026-000301' order by role`);
  expect(parties).toEqual([
    { party_id: MARGARET.id, role: 'COMPLAINANT', name: MARGARET.name },
    { party_id: 'w1', role: 'WITNESS', name: 'Ottoline Brackwater' },
  ]);
  expect(await words()).toEqual(expect.arrayContaining(['ottoline', 'brackwater', 'quenby', 'walk', 'le13', '2xy', 'parr', 'mill']));
  expect(await found('Brackwater')).toEqual(['ASB-2026-000301']);
  expect(await found('Brakwater')).toEqual(['ASB-2026-000301']);
  expect(await found('ottoline brackwater')).toEqual(['ASB-2026-000301']);
  expect((await found('Ottoline')).sort()).toEqual(['ASB-2026-000301', 'ASB-2026-000302']);
  expect(await found('Quenbey Walk')).toEqual(['ASB-2026-000301']);

  // Corrected: the old surname and the old street are nobody's any more; a first name still used elsewhere stays.
  const renamed = run(withWitness, 'editParty', { partyId: 'w1', name: 'Ottoline Brookwater' }, AT);
  const moved = run(renamed, 'correctLocation', { address: '5 Scalford Road, Melton Mowbray', reason: 'Mistyped at intake.' }, AT);
  await save('ASB-2026-000301', moved);
  const after = await words();
  expect(after).toEqual(expect.arrayContaining(['ottoline', 'brookwater', 'scalford', 'road', 'melton', 'mowbray']));
  expect(after).not.toEqual(expect.arrayContaining(['brackwater']));
  expect(after.filter((word) => ['brackwater', 'quenby', 'walk', '2xy'].includes(word))).toEqual([]);
  expect(await found('Brackwater')).toEqual([]);
  expect(await found('Brookwater')).toEqual(['ASB-2026-000301']);
});
