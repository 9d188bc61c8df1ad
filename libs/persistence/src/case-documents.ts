import { UniqueConstraintViolationException } from '@mikro-orm/core';
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
  /** 1 for the first document of its step (or letter's subject) and kind, then 2, … for each re-issue. */
  readonly version: number;
  /** The latest version of its step and kind: the one to serve. */
  readonly current: boolean;
  /** Made by the service when its step was recorded, rather than asked for. */
  readonly madeOnRecord: boolean;
  /** When its bytes were deleted with the case's personal data at the end of retention; null while kept. */
  readonly removedAt: string | null;
}

export type NewCaseDocument = Omit<CaseDocument, 'generatedAt' | 'version' | 'current' | 'removedAt'>;

/** Thrown when the notice of a step made on record is there already: a retry, which must make no second. */
export class AlreadyMadeOnRecord extends Error {}

/**
 * Records a document as the next version of its step and kind. Two made at once may both take the same
 * number: the second is refused by the unique key and numbered again.
 */
export async function recordCaseDocument(em: EntityManager, document: NewCaseDocument): Promise<CaseDocument> {
  for (let attempt = 1; ; attempt += 1) {
    const latest = await em.findOne(CaseDocumentRecord, { reference: document.reference, stepId: document.stepId, kind: document.kind }, { orderBy: { version: 'desc' }, disableIdentityMap: true });
    const record = em.create(CaseDocumentRecord, { ...document, version: (latest?.version ?? 0) + 1 });
    try {
      await em.flush();
      return documentOf(record, true);
    } catch (error) {
      em.clear();
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      if (document.madeOnRecord && (await findMadeOnRecord(em, document))) throw new AlreadyMadeOnRecord(`the ${document.kind} of ${document.reference} ${document.stepId} was made on record already`);
      if (attempt >= 3) throw error;
    }
  }
}

/** The notice made when this step was recorded, if it was. */
export async function findMadeOnRecord(em: EntityManager, of: Pick<CaseDocument, 'reference' | 'stepId' | 'kind'>): Promise<CaseDocument | undefined> {
  const row = await em.findOne(CaseDocumentRecord, { reference: of.reference, stepId: of.stepId, kind: of.kind, madeOnRecord: true }, { disableIdentityMap: true });
  return row ? (await withCurrent(em, [row]))[0] : undefined;
}

/** The case's documents, oldest first: an issue and its re-issues read in the order they were made, the latest of each marked current. */
export async function listCaseDocuments(em: EntityManager, reference: string): Promise<CaseDocument[]> {
  const rows = await em.find(CaseDocumentRecord, { reference }, { orderBy: [{ generatedAt: 'asc' }, { documentId: 'asc' }], disableIdentityMap: true });
  return withCurrent(em, rows, rows);
}

export async function findCaseDocument(em: EntityManager, reference: string, documentId: string): Promise<CaseDocument | undefined> {
  const row = await em.findOne(CaseDocumentRecord, { reference, documentId }, { disableIdentityMap: true });
  return row ? (await withCurrent(em, [row]))[0] : undefined;
}

/** Each row with whether it is the latest version of its step and kind (judged among `all`, or the case's documents). */
async function withCurrent(em: EntityManager, rows: readonly CaseDocumentRecord[], all?: readonly CaseDocumentRecord[]): Promise<CaseDocument[]> {
  const among = all ?? (rows[0] ? await em.find(CaseDocumentRecord, { reference: rows[0].reference }, { disableIdentityMap: true }) : []);
  const latest = new Map<string, number>();
  for (const row of among) latest.set(`${row.stepId} ${row.kind}`, Math.max(latest.get(`${row.stepId} ${row.kind}`) ?? 0, row.version));
  return rows.map((row) => documentOf(row, latest.get(`${row.stepId} ${row.kind}`) === row.version));
}

function documentOf(row: CaseDocumentRecord, current: boolean): CaseDocument {
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
    version: row.version,
    current,
    madeOnRecord: row.madeOnRecord,
    removedAt: row.removedAt ? row.removedAt.toISOString() : null,
  };
}
