import { defineEntity, p } from '@mikro-orm/core';

/** A generated document of a case (migration case_document; case-documents.ts). Never updated: a trigger refuses it. */
export const CaseDocumentRecord = defineEntity({
  name: 'CaseDocumentRecord',
  tableName: 'case_document',
  properties: {
    documentId: p.uuid().primary(),
    reference: p.text(),
    kind: p.text().check(`kind in ('COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE', 'FIXED_PENALTY_NOTICE')`),
    stepId: p.text(),
    templateVersion: p.text(),
    title: p.text(),
    contentType: p.text(),
    objectKey: p.text().unique('case_document_object_key_key'),
    sha256: p.text().check(`sha256 ~ '^[0-9a-f]{64}$'`),
    sizeBytes: p.integer().check('size_bytes > 0'),
    generatedBy: p.text(),
    generatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type CaseDocumentRecord = InstanceType<typeof CaseDocumentRecord.class>;
