import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../../libs/auth/src';
import { STEP_DOCUMENT_KINDS, type StepDocumentKind, SYSTEM_ACTOR } from '../../../../libs/domain/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { mayReadCase, seesSummaryOnly } from '../../../api/src/auth/access-policy';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import { CaseDocuments } from '../../../api/src/documents/case-documents';
import { displayDateTime } from '../rendering/dates';
import { staffNameOf } from '../rendering/staff-names';

/** A recorded step that has a notice: what the generate form offers, and whether the service made its notice. */
export interface NoticeStep {
  readonly stepId: string;
  readonly kind: StepDocumentKind;
  /** "Community Protection Notice for Jordan Reed, recorded 1 December 2026 at 10:00". */
  readonly label: string;
  readonly hasDocument: boolean;
}

/** The case page's documents section: absent for those who may not see documents (a summary-only share), as the API's 404. */
export interface DocumentShelf {
  readonly items: readonly { readonly title: string; readonly madeAt: string; readonly madeBy: string; readonly version: number; readonly current: boolean; readonly download: string; readonly about: string; readonly removedAt: string | null }[];
  readonly steps: readonly NoticeStep[];
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
    const labels = new Map(steps.map((step) => [step.stepId, step.label]));
    return {
      items: documents.map((document) => ({
        title: document.title,
        madeAt: document.generatedAt,
        madeBy: document.generatedBy === SYSTEM_ACTOR ? 'the service, when the step was recorded' : (staffNameOf(this.directory, document.generatedBy) ?? document.generatedBy),
        version: document.version,
        current: document.current,
        download: `/cases/${view.reference}/documents/${document.documentId}`,
        about: labels.get(document.stepId) ?? '',
        removedAt: document.removedAt,
      })),
      steps,
      mayGenerate: this.documents.mayGenerate(caller, view),
    };
  }
}

/** The case's steps that have a notice, oldest first, each said in words. */
export function noticeSteps(view: CaseView, made: ReadonlySet<string> = new Set()): NoticeStep[] {
  const names = new Map(view.subjects.map((subject) => [subject.id, subject.name]));
  return view.enforcementSteps.flatMap((step) => {
    if (!(STEP_DOCUMENT_KINDS as readonly string[]).includes(step.kind)) return [];
    const kind = step.kind as StepDocumentKind;
    const about = step.subjectId ? ` for ${names.get(step.subjectId) ?? 'a subject of the case'}` : step.premises ? ` on ${step.premises}` : '';
    return [{ stepId: step.id, kind, label: `${step.title}${about}, recorded ${displayDateTime(step.takenAt)}`, hasDocument: made.has(`${step.id} ${kind}`) }];
  });
}
