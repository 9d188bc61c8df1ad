import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { newFileRefusal, policyVersion } from '../../../../libs/domain/src';
import { PolicyVersionSource } from '../policy/policy-version-source';
import { makeCaseDocument } from '../../../../libs/documents/src';
import { findCaseDocument, listCaseDocuments, type CaseDocument } from '../../../../libs/persistence/src';
import { actOnce } from '../http/idempotent-action';
import { OBJECT_STORE, type ObjectStore, ObjectNotFound, readVerified, StoredObjectAltered } from '../../../../libs/storage/src';
import type { Caller } from '../../../../libs/auth/src';
import { mayReadCase, mayRunCommand, seesSummaryOnly } from '../auth/access-policy';
import { CaseReadModel } from '../cases/case-read-model';
import { problems } from '../http/problem';
import type { CaseView } from '../cases/case.schemas';
import { type CaseDocumentView, caseDocumentView, type GenerateDocumentRequest } from './case-document.schemas';

/** Makes, keeps and gives back a case's documents: the case file in PostgreSQL, the bytes in the object store. */
@Injectable()
export class CaseDocuments {
  constructor(
    private readonly em: EntityManager,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    private readonly readModel: CaseReadModel,
    private readonly policies: PolicyVersionSource,
  ) {}

  /**
   * The case, when the caller may see its documents. A document names and describes people, so a
   * partner whose agency has the case as a summary only, like anyone who may not read the case, is told
   * there is nothing here (404).
   */
  async mustSeeDocuments(reference: string, caller: Caller): Promise<CaseView> {
    const view = await this.readModel.mustFindFor(caller, reference);
    if (!mayReadCase(caller, view) || seesSummaryOnly(caller, view)) throw problems.notFound(`case ${reference}`);
    return view;
  }

  /** Whether the caller may generate the case's documents: its own team's caseworkers and managers. */
  mayGenerate(caller: Caller, view: CaseView): boolean {
    return mayRunCommand(caller, ['caseworker', 'manager'], view);
  }

  /** The case, when the caller may generate its documents (403 otherwise; 404 as `mustSeeDocuments`). */
  async mustGenerate(reference: string, caller: Caller): Promise<CaseView> {
    const view = await this.mustSeeDocuments(reference, caller);
    if (!this.mayGenerate(caller, view)) throw problems.forbidden(`only the ${view.team} team's caseworkers and managers generate its notices`);
    return view;
  }

  /**
   * Makes the document from the stored case file (`makeCaseDocument`): a 409 naming what the law needs
   * while the file lacks it. Each call makes a new version, so a retry under the same idempotency key
   * (the API's header, the console form's hidden field) gets the document the first call made.
   */
  async generate(view: CaseView, request: GenerateDocumentRequest, actor: string, idempotencyKey?: string): Promise<{ document: CaseDocumentView; replayed: boolean }> {
    const refusal = newFileRefusal(view.stage);
    if (refusal) throw problems.refused(refusal.message, refusal.condition);
    const { body, replayed } = await actOnce(this.em, idempotencyKey, `document:${view.reference}:${idempotencyKey}`, request, view.reference, async () => {
      const made = await makeCaseDocument(this.em.fork(), this.store, { reference: view.reference, policy: policyVersion(view.policyVersion, await this.policies.all()), request, generatedBy: actor });
      if ('noCaseFile' in made) throw problems.notFound(`the case file of ${view.reference}`);
      if ('incomplete' in made) throw problems.documentIncomplete(made.incomplete.missing, made.incomplete.message);
      return caseDocumentView(made.document);
    });
    return { document: body, replayed };
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
    if (document.removedAt) throw problems.fileRemoved(`document ${document.documentId}`, document.removedAt);
    try {
      return await readVerified(this.store, document.objectKey, document.sha256);
    } catch (error) {
      if (error instanceof StoredObjectAltered || error instanceof ObjectNotFound) throw problems.documentAltered(document.documentId);
      throw error;
    }
  }
}


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
