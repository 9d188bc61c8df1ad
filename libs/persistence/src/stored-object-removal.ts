import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { ANONYMISED } from '../../domain/src';

/** A stored object of a case that anonymisation has still to remove: a generated document, or evidence. */
export interface StoredObjectOfCase {
  readonly table: 'case_document' | 'case_evidence';
  readonly id: string;
  readonly objectKey: string;
}

const Row = z.object({ table: z.enum(['case_document', 'case_evidence']), id: z.string(), object_key: z.string() });

/** The case's documents and evidence whose bytes are still kept. */
export async function objectsStillStored(em: EntityManager, reference: string): Promise<StoredObjectOfCase[]> {
  const rows = await em.execute<unknown[]>(
    `select 'case_document' as "table", document_id::text as id, object_key from case_document where reference = ? and removed_at is null
     union all
     select 'case_evidence', evidence_id::text, object_key from case_evidence where reference = ? and removed_at is null
     order by 1, 2`,
    [reference, reference],
  );
  return z
    .array(Row)
    .parse(rows)
    .map((row) => ({ table: row.table, id: row.id, objectKey: row.object_key }));
}

/**
 * Records that an object's bytes are gone, keeping the row as the record that it existed (what it was,
 * when, its hash and size); evidence also loses the words that name people. Once: a row already
 * marked is left as it is.
 */
export async function recordObjectRemoved(em: EntityManager, object: StoredObjectOfCase): Promise<void> {
  if (object.table === 'case_document') {
    await em.execute(`update case_document set removed_at = now() where document_id = ?::uuid and removed_at is null`, [object.id]);
    return;
  }
  await em.execute(
    `update case_evidence set removed_at = now(), description = ?, provided_by = ?, file_name = ?,
       withdrawal_reason = case when withdrawal_reason is null then null else ? end
     where evidence_id = ?::uuid and removed_at is null`,
    [ANONYMISED, ANONYMISED, ANONYMISED, ANONYMISED, object.id],
  );
}
