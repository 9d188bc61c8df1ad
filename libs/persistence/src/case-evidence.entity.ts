import { defineEntity, p } from '@mikro-orm/core';

/** Evidence kept with a case (migration case_evidence; case-evidence.ts). A trigger refuses every change but withdrawal and removal, each once. */
export const CaseEvidenceRecord = defineEntity({
  name: 'CaseEvidenceRecord',
  tableName: 'case_evidence',
  properties: {
    evidenceId: p.uuid().primary(),
    reference: p.text(),
    description: p.text(),
    incidentId: p.text(),
    providedBy: p.text(),
    providedOn: p.string().columnType('date'),
    fileName: p.text(),
    contentType: p.text(),
    objectKey: p.text().unique('case_evidence_object_key_key'),
    sha256: p.text().check(`sha256 ~ '^[0-9a-f]{64}$'`),
    sizeBytes: p.bigint('number').check('size_bytes > 0'),
    uploadedBy: p.text(),
    uploadedAt: p.datetime().defaultRaw('now()'),
    withdrawnAt: p.datetime().nullable(),
    withdrawnBy: p.text().nullable(),
    withdrawalReason: p.text().nullable(),
    removedAt: p.datetime().nullable(),
  },
});
export type CaseEvidenceRecord = InstanceType<typeof CaseEvidenceRecord.class>;
