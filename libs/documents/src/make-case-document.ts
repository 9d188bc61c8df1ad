import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { type DocumentIncomplete, type DocumentRequest, documentRecordId, fillDocument, type PolicyVersion } from '../../domain/src';
import { AlreadyMadeOnRecord, type CaseDocument, findCaseClosure, findCaseFileParts, findMadeOnRecord, publishedPolicyVersions, recordCaseDocument } from '../../persistence/src';
import type { ObjectStore } from '../../storage/src';
import { renderPdf } from './render-pdf';

export interface DocumentMaking {
  readonly reference: string;
  /** The policy version the case runs under. */
  readonly policy: PolicyVersion;
  readonly request: DocumentRequest;
  /** Who asked for it (or the service, for a notice made on record): recorded, and the PDF's author. */
  readonly generatedBy: string;
  /** Made when its step was recorded: at most one per step and kind, so a retry makes no second. */
  readonly madeOnRecord?: boolean;
}

export type MadeDocument = { readonly document: CaseDocument } | { readonly incomplete: DocumentIncomplete } | { readonly noCaseFile: true };

/**
 * Fills the document from the stored case file, renders it, stores the PDF under a new key and records
 * it with its hash as the next version of its step and kind. The one way a document is made: the API
 * on demand, and the worker's activity when a step is recorded.
 */
export async function makeCaseDocument(em: EntityManager, store: ObjectStore, making: DocumentMaking): Promise<MadeDocument> {
  const { reference, policy, request } = making;
  const parts = await findCaseFileParts(em, reference);
  if (!parts) return { noCaseFile: true };
  const closure = await findCaseClosure(em, reference);
  // Terms stated as of the notice's day (early payment) come from the version in force that day, published since the release included.
  const policyVersions = await publishedPolicyVersions(em);
  const result = fillDocument({ reference, parts, ...(closure ? { closure } : {}), statutory: policy.statutory, local: policy.local, policyVersions }, request);
  if ('incomplete' in result) return result;

  const pdf = await renderPdf(result.document, { reference, issuedBy: making.generatedBy });
  const documentId = randomUUID();
  const objectKey = `cases/${reference}/documents/${documentId}.pdf`;
  const stored = await store.put(objectKey, Readable.from([pdf]), 'application/pdf');
  const recordId = documentRecordId(request);
  try {
    const document = await recordCaseDocument(em, {
      documentId,
      reference,
      kind: request.kind,
      stepId: recordId,
      templateVersion: result.document.templateVersion,
      title: result.document.title,
      contentType: 'application/pdf',
      objectKey,
      sha256: stored.sha256,
      sizeBytes: stored.size,
      generatedBy: making.generatedBy,
      madeOnRecord: making.madeOnRecord ?? false,
    });
    return { document };
  } catch (error) {
    // Unrecorded bytes are nobody's: remove them rather than leave an object no row points to.
    await store.delete(objectKey).catch(() => {});
    if (!(error instanceof AlreadyMadeOnRecord)) throw error;
    const first = await findMadeOnRecord(em, { reference, stepId: recordId, kind: request.kind });
    if (!first) throw error;
    return { document: first };
  }
}
