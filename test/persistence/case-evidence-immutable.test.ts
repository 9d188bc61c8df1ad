import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig, recordCaseEvidence, recordEvidenceWithdrawal } from '../../libs/persistence/src';
import { createTestDatabase } from '../support/runtime';

/** Evidence is immutable (migration case_evidence): only its withdrawal and its removal are recorded, each once. */
let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 2 } }));
});

afterAll(async () => {
  await orm?.close(true);
});

const ITEM = {
  evidenceId: '3c9e7b1a-5d2f-4a8e-b6c1-0f4d2e8a7b93',
  reference: 'ASB-2026-000123',
  description: 'Noise diary, 1 to 14 November',
  incidentId: 'incident-1',
  providedBy: 'Pat Lee',
  providedOn: '2026-11-15',
  fileName: 'diary.pdf',
  contentType: 'application/pdf',
  objectKey: 'cases/ASB-2026-000123/evidence/3c9e7b1a-5d2f-4a8e-b6c1-0f4d2e8a7b93',
  sha256: 'a'.repeat(64),
  sizeBytes: 2048,
  uploadedBy: 'amira.khan',
};
const update = (set: string) => orm.em.fork().execute(`update case_evidence set ${set} where evidence_id = '${ITEM.evidenceId}'`);
const IMMUTABLE = /evidence is immutable/;

test('refuses any change to what was recorded, records a withdrawal once, and the removal of the bytes once', async () => {
  await recordCaseEvidence(orm.em.fork(), ITEM);
  await expect(update(`description = 'Another diary'`)).rejects.toThrow(IMMUTABLE);
  await expect(update(`sha256 = '${'b'.repeat(64)}'`)).rejects.toThrow(IMMUTABLE);

  expect(await recordEvidenceWithdrawal(orm.em.fork(), ITEM.reference, ITEM.evidenceId, 'amira.khan', 'Wrong household.')).toBe(true);
  expect(await recordEvidenceWithdrawal(orm.em.fork(), ITEM.reference, ITEM.evidenceId, 'tom.price', 'Again.')).toBe(false);
  await expect(update(`withdrawal_reason = 'Changed afterwards.'`)).rejects.toThrow(IMMUTABLE);

  await update('removed_at = now()');
  await expect(update(`removed_at = now() + interval '1 day'`)).rejects.toThrow(IMMUTABLE);
  const [row] = await orm.em.fork().execute<{ withdrawn_by: string; withdrawal_reason: string; description: string }[]>(`select * from case_evidence where evidence_id = '${ITEM.evidenceId}'`);
  expect(row).toMatchObject({ withdrawn_by: 'amira.khan', withdrawal_reason: 'Wrong household.', description: 'Noise diary, 1 to 14 November' });
});
