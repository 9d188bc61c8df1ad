import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseEvidenceRecord } from './case-evidence.entity';

/** Why, when and by whom evidence was withdrawn: recorded once, and the evidence kept. */
export interface EvidenceWithdrawal {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

/** An item of evidence as the case lists it: what it is, what it supports, where its bytes are and their hash. */
export interface CaseEvidence {
  readonly evidenceId: string;
  readonly reference: string;
  readonly description: string;
  readonly incidentId: string;
  readonly providedBy: string;
  readonly providedOn: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly objectKey: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  readonly withdrawal: EvidenceWithdrawal | null;
  readonly removedAt: string | null;
}

export type NewCaseEvidence = Omit<CaseEvidence, 'uploadedAt' | 'withdrawal' | 'removedAt'>;

export async function recordCaseEvidence(em: EntityManager, evidence: NewCaseEvidence): Promise<CaseEvidence> {
  const record = em.create(CaseEvidenceRecord, { ...evidence, withdrawnAt: null, withdrawnBy: null, withdrawalReason: null, removedAt: null });
  await em.flush();
  return evidenceOf(record);
}

/** The case's evidence, oldest first, withdrawn items included. */
export async function listCaseEvidence(em: EntityManager, reference: string): Promise<CaseEvidence[]> {
  const rows = await em.find(CaseEvidenceRecord, { reference }, { orderBy: [{ uploadedAt: 'asc' }, { evidenceId: 'asc' }], disableIdentityMap: true });
  return rows.map(evidenceOf);
}

export async function findCaseEvidence(em: EntityManager, reference: string, evidenceId: string): Promise<CaseEvidence | undefined> {
  const row = await em.findOne(CaseEvidenceRecord, { reference, evidenceId }, { disableIdentityMap: true });
  return row ? evidenceOf(row) : undefined;
}

/** Records the withdrawal if none is recorded yet; false when one already was (the first stands). */
export async function recordEvidenceWithdrawal(em: EntityManager, reference: string, evidenceId: string, by: string, reason: string): Promise<boolean> {
  const changed = await em.nativeUpdate(CaseEvidenceRecord, { reference, evidenceId, withdrawnAt: null }, { withdrawnAt: new Date(), withdrawnBy: by, withdrawalReason: reason });
  return changed === 1;
}

function evidenceOf(row: CaseEvidenceRecord): CaseEvidence {
  return {
    evidenceId: row.evidenceId,
    reference: row.reference,
    description: row.description,
    incidentId: row.incidentId,
    providedBy: row.providedBy,
    providedOn: row.providedOn,
    fileName: row.fileName,
    contentType: row.contentType,
    objectKey: row.objectKey,
    sha256: row.sha256,
    sizeBytes: Number(row.sizeBytes),
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt.toISOString(),
    withdrawal: row.withdrawnAt && row.withdrawnBy && row.withdrawalReason ? { at: row.withdrawnAt.toISOString(), by: row.withdrawnBy, reason: row.withdrawalReason } : null,
    removedAt: row.removedAt ? row.removedAt.toISOString() : null,
  };
}
