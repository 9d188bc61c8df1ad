import type { CaseFile } from '../case-file/state';
import { STEP_DOCUMENT_KINDS, type StepDocumentKind } from '../policy/document-kinds';

/** A notice the service makes by itself when its step is recorded. */
export interface DocumentOnRecord {
  readonly kind: StepDocumentKind;
  readonly stepId: string;
}

/** The notices of the steps a change recorded: each step new on the file whose kind has a notice. */
export function documentsOnRecord(before: CaseFile | undefined, after: CaseFile): DocumentOnRecord[] {
  const known = new Set(before?.enforcement.map((step) => step.id));
  return after.enforcement.flatMap((step) =>
    !known.has(step.id) && (STEP_DOCUMENT_KINDS as readonly string[]).includes(step.kind) ? [{ kind: step.kind as StepDocumentKind, stepId: step.id }] : [],
  );
}
