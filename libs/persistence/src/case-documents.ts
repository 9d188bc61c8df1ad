import type { EntityManager } from '@mikro-orm/postgresql';
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/src';
import { CaseDocumentRecord } from './case-document.entity';

/** A generated document as the case lists it: what it is, what worded it, where its bytes are and their hash. */
export interface CaseDocument {
  readonly documentId: string;
  readonly reference: string;
  readonly kind: DocumentKind;
  readonly stepId: string;
  readonly templateVersion: string;
  readonly title: string;
  readonly contentType: string;
  readonly objectKey: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly generatedBy: string;
  readonly generatedAt: string;
}

export async function recordCaseDocument(em: EntityManager, document: Omit<CaseDocument, 'generatedAt'>): Promise<CaseDocument> {
  const record = em.create(CaseDocumentRecord, document);
  await em.flush();
  return documentOf(record);
}

/** The case's documents, oldest first: an issue and its re-issues read in the order they were made. */
export async function listCaseDocuments(em: EntityManager, reference: string): Promise<CaseDocument[]> {
  const rows = await em.find(CaseDocumentRecord, { reference }, { orderBy: [{ generatedAt: 'asc' }, { documentId: 'asc' }], disableIdentityMap: true });
  return rows.map(documentOf);
}

export async function findCaseDocument(em: EntityManager, reference: string, documentId: string): Promise<CaseDocument | undefined> {
  const row = await em.findOne(CaseDocumentRecord, { reference, documentId }, { disableIdentityMap: true });
  return row ? documentOf(row) : undefined;
}

function documentOf(row: CaseDocumentRecord): CaseDocument {
  // The kind is held to these values by the table's check constraint; this names it as the domain does.
  if (!(DOCUMENT_KINDS as readonly string[]).includes(row.kind)) throw new Error(`case_document ${row.documentId} has the unknown kind ${row.kind}`);
  return {
    documentId: row.documentId,
    reference: row.reference,
    kind: row.kind as DocumentKind,
    stepId: row.stepId,
    templateVersion: row.templateVersion,
    title: row.title,
    contentType: row.contentType,
    objectKey: row.objectKey,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    generatedBy: row.generatedBy,
    generatedAt: row.generatedAt.toISOString(),
  };
}
