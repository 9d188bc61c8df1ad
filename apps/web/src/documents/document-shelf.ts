import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../../libs/auth/src';
import { SYSTEM_ACTOR } from '../../../../libs/domain/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { mayReadCase, seesSummaryOnly } from '../../../api/src/auth/access-policy';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import { CaseDocuments } from '../../../api/src/documents/case-documents';
import { staffNameOf } from '../rendering/staff-names';
import { documentChoices } from './document-choices';
import { letterAbout } from './letter-about';
import { type NoticeStep, noticeSteps } from './notice-steps';

/** The case page's documents section: absent for those who may not see documents (a summary-only share), as the API's 404. */
export interface DocumentShelf {
  readonly items: readonly { readonly title: string; readonly madeAt: string; readonly madeBy: string; readonly version: number; readonly current: boolean; readonly download: string; readonly about: string; readonly removedAt: string | null }[];
  readonly steps: readonly NoticeStep[];
  /** The caller may generate the case's documents, and the file has something to make one from. */
  readonly mayGenerate: boolean;
}

@Injectable()
export class DocumentShelves {
  constructor(
    private readonly documents: CaseDocuments,
    private readonly directory: StaffDirectory,
  ) {}

  async of(caller: Caller, view: CaseView): Promise<DocumentShelf | undefined> {
    if (!mayReadCase(caller, view) || seesSummaryOnly(caller, view)) return undefined;
    const documents = await this.documents.list(view.reference);
    const steps = noticeSteps(view, new Set(documents.map((document) => `${document.stepId} ${document.kind}`)));
    const labels = new Map(steps.map((step) => [`${step.stepId} ${step.kind}`, step.label]));
    return {
      items: documents.map((document) => ({
        title: document.title,
        madeAt: document.generatedAt,
        madeBy: document.generatedBy === SYSTEM_ACTOR ? 'the service, when the step was recorded' : (staffNameOf(this.directory, document.generatedBy) ?? document.generatedBy),
        version: document.version,
        current: document.current,
        download: `/cases/${view.reference}/documents/${document.documentId}`,
        about: labels.get(`${document.stepId} ${document.kind}`) ?? letterAbout(view, document.kind, document.stepId) ?? '',
        removedAt: document.removedAt,
      })),
      steps,
      mayGenerate: this.documents.mayGenerate(caller, view) && documentChoices(view).length > 0,
    };
  }
}
