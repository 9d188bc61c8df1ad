import { defineEntity, p } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { caseReference, CaseRecord } from './case-record.entity';
import { type CaseFile, LINK_REASONS, type LinkedCase, linksOf } from '../../domain/src';

const StoredReason = z.enum(LINK_REASONS);

/** A link between two cases, as the case it was made on (`reference`) holds it. */
export const CaseLinkRecord = defineEntity({
  name: 'CaseLinkRecord',
  tableName: 'case_link',
  properties: {
    reference: caseReference('case_link_reference_fkey').primary(),
    linkedReference: p.manyToOne(CaseRecord).fieldName('linked_reference').mapToPk().foreignKeyName('case_link_linked_reference_fkey').updateRule('no action').deleteRule('no action').primary(),
    reason: p.text(),
    note: p.text().nullable(),
    linkedBy: p.text(),
    linkedAt: p.datetime(),
  },
});
export type CaseLinkRecord = InstanceType<typeof CaseLinkRecord.class>;

/**
 * Writes the links the case holds, in the transaction that saves its file: the other case reads them
 * from here, so one command on one case makes a link both show, with no second write that could fail.
 */
export async function saveCaseLinks(tx: EntityManager, file: CaseFile): Promise<void> {
  const links = linksOf(file).map((link) => ({ linked_reference: link.reference, reason: link.reason, note: link.note ?? null, linked_by: link.linkedBy, linked_at: link.linkedAt }));
  await tx.execute(`delete from case_link where reference = ?`, [file.reference]);
  await tx.execute(
    `insert into case_link (reference, linked_reference, reason, note, linked_by, linked_at)
     select ?, l.linked_reference, l.reason, l.note, l.linked_by, l.linked_at
     from jsonb_to_recordset(?::jsonb) as l(linked_reference text, reason text, note text, linked_by text, linked_at timestamptz)`,
    [file.reference, JSON.stringify(links)],
  );
}

/** Every link of the case, either way: `TO` the cases it links, `FROM` the cases that link it; oldest first. */
export async function findLinkedCases(em: EntityManager, reference: string): Promise<LinkedCase[]> {
  const rows = await em.find(CaseLinkRecord, { $or: [{ reference }, { linkedReference: reference }] }, { orderBy: { linkedAt: 'asc', reference: 'asc', linkedReference: 'asc' } });
  return rows.map((row) => {
    const outgoing = row.reference === reference;
    return {
      direction: outgoing ? 'TO' : 'FROM',
      reference: outgoing ? row.linkedReference : row.reference,
      reason: StoredReason.parse(row.reason),
      ...(row.note !== null && row.note !== undefined ? { note: row.note } : {}),
      linkedBy: row.linkedBy,
      linkedAt: row.linkedAt.toISOString(),
    };
  });
}
