import { STEP_DOCUMENT_KINDS, type StepDocumentKind } from '../../../../libs/domain/src';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import { displayDateTime } from '../rendering/dates';

/** A recorded step that has a notice: one of the generate form's choices, and whether the service made its notice. */
export interface NoticeStep {
  readonly stepId: string;
  readonly kind: StepDocumentKind;
  /** "Community Protection Notice for Jordan Reed, recorded 1 December 2026 at 10:00". */
  readonly label: string;
  readonly hasDocument: boolean;
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
