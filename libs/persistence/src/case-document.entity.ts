import { defineEntity, p } from '@mikro-orm/core';
import { DOCUMENT_KINDS } from '../../domain/src';

/** A generated document of a case (migration case_document; case-documents.ts). Never updated: a trigger refuses it. */
export const CaseDocumentRecord = defineEntity({
  name: 'CaseDocumentRecord',
  tableName: 'case_document',
  properties: {
    documentId: p.uuid().primary(),
    reference: p.text(),
    kind: p.text().check(`kind in (${DOCUMENT_KINDS.map((kind) => `'${kind}'`).join(', ')})`),
    /** What the document is the paper of: the step (`step-3`), or for a letter the complainant or the ASB Case Review (`documentRecordId`). */
    stepId: p.text(),
    templateVersion: p.text(),
    title: p.text(),
    contentType: p.text(),
    objectKey: p.text().unique('case_document_object_key_key'),
    sha256: p.text().check(`sha256 ~ '^[0-9a-f]{64}$'`),
    sizeBytes: p.integer().check('size_bytes > 0'),
    generatedBy: p.text(),
    generatedAt: p.datetime().defaultRaw('now()'),
    /** 1, 2, … for each document of one step (or letter's subject) and kind, in the order made; the highest is current. */
    version: p.integer().default(1).check('version > 0'),
    /** Made by the service when its step was recorded (at most one per step and kind: a partial unique index), not asked for. */
    madeOnRecord: p.boolean().default(false),
    /** When anonymisation at the end of retention deleted its bytes (migration stored_object_removal); the row stays as the record that it existed. */
    removedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['reference', 'stepId', 'kind', 'version'], name: 'case_document_version_key' }],
});
export type CaseDocumentRecord = InstanceType<typeof CaseDocumentRecord.class>;
