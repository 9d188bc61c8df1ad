import { MikroORM } from '@mikro-orm/postgresql';
import { objectsStillStored, ormConfig, recordCaseEvidence, recordObjectRemoved } from '../../libs/persistence/src';
import { createTestDatabase } from '../support/runtime';

/**
 * Anonymisation's record of the files it removed (migration stored_object_removal): each row stays,
 * marked once, and evidence loses the words that name people; nothing else about either may change.
 */
let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 2 } }));
});

afterAll(async () => {
  await orm?.close(true);
});

const REFERENCE = 'ASB-2026-000321';
const DOCUMENT_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const EVIDENCE_ID = '7a2e3d4c-5b6f-4071-9b8c-0d1e2f3a4b5c';

test('lists the files still stored, marks each removed once, and keeps the rows without the names', async () => {
  const em = orm.em.fork();
  await em.execute(
    `insert into case_document (document_id, reference, kind, step_id, template_version, title, content_type, object_key, sha256, size_bytes, generated_by)
     values (?, ?, 'COMMUNITY_PROTECTION_WARNING', 'step-1', '2026.1', 'Community Protection Warning', 'application/pdf', ?, ?, 1024, 'amira.khan')`,
    [DOCUMENT_ID, REFERENCE, `cases/${REFERENCE}/documents/${DOCUMENT_ID}.pdf`, 'c'.repeat(64)],
  );
  await recordCaseEvidence(orm.em.fork(), {
    evidenceId: EVIDENCE_ID,
    reference: REFERENCE,
    description: 'Kim Rowe’s diary',
    incidentId: 'incident-1',
    providedBy: 'Kim Rowe',
    providedOn: '2026-11-15',
    fileName: 'kim-rowe-diary.pdf',
    contentType: 'application/pdf',
    objectKey: `cases/${REFERENCE}/evidence/${EVIDENCE_ID}`,
    sha256: 'd'.repeat(64),
    sizeBytes: 2048,
    uploadedBy: 'amira.khan',
  });

  const stored = await objectsStillStored(orm.em.fork(), REFERENCE);
  expect(stored.map((object) => object.objectKey)).toEqual([`cases/${REFERENCE}/documents/${DOCUMENT_ID}.pdf`, `cases/${REFERENCE}/evidence/${EVIDENCE_ID}`]);
  for (const object of stored) await recordObjectRemoved(orm.em.fork(), object);
  for (const object of stored) await recordObjectRemoved(orm.em.fork(), object);
  expect(await objectsStillStored(orm.em.fork(), REFERENCE)).toEqual([]);

  const [document] = await orm.em.fork().execute(`select title, sha256, removed_at from case_document where document_id = ?`, [DOCUMENT_ID]);
  expect(document).toMatchObject({ title: 'Community Protection Warning', sha256: 'c'.repeat(64), removed_at: expect.stringMatching(/^\d{4}-/) });
  const [evidence] = await orm.em.fork().execute(`select description, provided_by, file_name, sha256, removed_at from case_evidence where evidence_id = ?`, [EVIDENCE_ID]);
  expect(evidence).toMatchObject({ description: '(anonymised)', provided_by: '(anonymised)', file_name: '(anonymised)', sha256: 'd'.repeat(64), removed_at: expect.stringMatching(/^\d{4}-/) });

  // Removal is no licence to change anything else, then or afterwards.
  await expect(orm.em.fork().execute(`update case_document set removed_at = now(), title = 'Another' where document_id = ?`, [DOCUMENT_ID])).rejects.toThrow(/immutable/);
  await expect(orm.em.fork().execute(`update case_evidence set description = 'Kim Rowe again' where evidence_id = ?`, [EVIDENCE_ID])).rejects.toThrow(/immutable/);
});
