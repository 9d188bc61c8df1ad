import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { fillDocument, policyVersion } from '../../../../libs/domain/src';
import { renderPdf } from '../../../../libs/documents/src';
import { findCaseDocument, findCaseFileParts, listCaseDocuments, recordCaseDocument, type CaseDocument } from '../../../../libs/persistence/src';
import { OBJECT_STORE, type ObjectStore, ObjectNotFound, readVerified, StoredObjectAltered } from '../../../../libs/storage/src';
import { problems } from '../http/problem';
import type { CaseView } from '../cases/case.schemas';
import type { GenerateDocumentRequest } from './case-document.schemas';

/** Makes, keeps and gives back a case's documents: the case file in PostgreSQL, the bytes in the object store. */
@Injectable()
export class CaseDocuments {
  constructor(
    private readonly em: EntityManager,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  /** Fills the notice from the stored case file, renders it, stores the PDF and records it with its hash. */
  async generate(view: CaseView, request: GenerateDocumentRequest, actor: string): Promise<CaseDocument> {
    const em = this.em.fork();
    const parts = await findCaseFileParts(em, view.reference);
    if (!parts) throw problems.notFound(`the case file of ${view.reference}`);
    const result = fillDocument({ reference: view.reference, parts, statutory: policyVersion(view.policyVersion).statutory }, request);
    if ('incomplete' in result) throw problems.documentIncomplete(result.incomplete.missing, result.incomplete.message);

    const pdf = await renderPdf(result.document, { reference: view.reference, issuedBy: actor });
    const documentId = randomUUID();
    const objectKey = `cases/${view.reference}/documents/${documentId}.pdf`;
    const stored = await this.store.put(objectKey, Readable.from([pdf]), 'application/pdf');
    try {
      return await recordCaseDocument(em, {
        documentId,
        reference: view.reference,
        kind: request.kind,
        stepId: request.stepId,
        templateVersion: result.document.templateVersion,
        title: result.document.title,
        contentType: 'application/pdf',
        objectKey,
        sha256: stored.sha256,
        sizeBytes: stored.size,
        generatedBy: actor,
      });
    } catch (error) {
      // Unrecorded bytes are nobody's: remove them rather than leave an object no row points to.
      await this.store.delete(objectKey).catch(() => {});
      throw error;
    }
  }

  list(reference: string): Promise<CaseDocument[]> {
    return listCaseDocuments(this.em.fork(), reference);
  }

  async mustFind(reference: string, documentId: string): Promise<CaseDocument> {
    const document = UUID.test(documentId) ? await findCaseDocument(this.em.fork(), reference, documentId) : undefined;
    if (!document) throw problems.notFound(`document ${documentId} of case ${reference}`);
    return document;
  }

  /** The document's bytes, only if they are still those recorded. */
  async bytesOf(document: CaseDocument): Promise<Buffer> {
    try {
      return await readVerified(this.store, document.objectKey, document.sha256);
    } catch (error) {
      if (error instanceof StoredObjectAltered || error instanceof ObjectNotFound) throw problems.documentAltered(document.documentId);
      throw error;
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
