import { MikroORM } from '@mikro-orm/postgresql';
import { POLICY_VERSIONS } from '../../libs/domain/src';
import { findStoredPolicyVersion, insertPolicyDraft, listStoredPolicyVersions, ormConfig, publishPolicyDraft, replacePolicyDraft } from '../../libs/persistence/src';
import { createTestDatabase } from '../support/runtime';

/** The table's own guard: whatever the API does, a published version cannot change, and only another admin publishes. */
let orm: MikroORM;
const version = { ...POLICY_VERSIONS[0]!, id: '2027.1', effectiveFrom: '2027-04-01' };

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 2 } }));
});

afterAll(() => orm?.close(true));

test('a draft is replaced by its author only, published once by another admin, and then never changes', async () => {
  const em = orm.em.fork();
  expect(await insertPolicyDraft(em, { version, basedOn: '2026.1', draftedBy: 'ada.admin' })).toBe(true);
  expect(await insertPolicyDraft(em, { version, draftedBy: 'bea.admin' })).toBe(false);
  const changed = { ...version, local: { ...version.local, retentionYears: 7 } };
  expect(await replacePolicyDraft(em, { version: changed, draftedBy: 'bea.admin' })).toBe(false);
  expect(await replacePolicyDraft(em, { version: changed, basedOn: '2026.1', draftedBy: 'ada.admin' })).toBe(true);

  expect(await publishPolicyDraft(em, '2027.1', 'ada.admin')).toBe(false);
  expect(await listStoredPolicyVersions(em, { withDrafts: false })).toEqual([]);
  expect(await publishPolicyDraft(em, '2027.1', 'bea.admin')).toBe(true);
  expect(await publishPolicyDraft(em, '2027.1', 'cy.admin')).toBe(false);

  const stored = await findStoredPolicyVersion(em, '2027.1');
  expect(stored).toMatchObject({ status: 'PUBLISHED', basedOn: '2026.1', draftedBy: 'ada.admin', approvedBy: 'bea.admin', version: { id: '2027.1', effectiveFrom: '2027-04-01' } });
  expect(stored!.version.local.retentionYears).toBe(7);
  expect(await listStoredPolicyVersions(em, { withDrafts: false })).toHaveLength(1);

  await expect(em.execute(`update policy_version set local = '{}' where id = '2027.1'`)).rejects.toThrow(/a published policy version never changes/);
  await expect(em.execute(`delete from policy_version where id = '2027.1'`)).rejects.toThrow(/a published policy version never changes/);
});

test('the table refuses a version inserted as published, or published by its own author', async () => {
  const em = orm.em.fork();
  await expect(
    em.execute(`insert into policy_version (id, effective_from, local, statutory, status, drafted_by) values ('2028.1', '2028-01-01', '{}', '{}', 'PUBLISHED', 'ada.admin')`),
  ).rejects.toThrow(/inserted as a draft/);
  await em.execute(`insert into policy_version (id, effective_from, local, statutory, drafted_by) values ('2028.2', '2028-01-01', '{}', '{}', 'ada.admin')`);
  await expect(em.execute(`update policy_version set status = 'PUBLISHED', approved_by = 'ada.admin', approved_at = now() where id = '2028.2'`)).rejects.toThrow(/other than its author/);
});
