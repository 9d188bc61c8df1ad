import type { LocalDate } from '../calendar';
import type { Closure } from '../case-file/state';
import type { CaseFileParts } from '../case-file/summary-share';
import type { StepDocumentKind } from '../policy/document-kinds';
import type { LocalPolicy, PolicyVersion } from '../policy/local-policy';
import type { StatutoryRules } from '../policy/statutory-rules';
import type { DocumentIncomplete } from './filled-document';

/**
 * Which document, and what on the case file it is the paper of: a recorded step (its `stepId`), a
 * complainant told the case is closed (`complainantId`), or an ASB Case Review (`caseReviewId`).
 */
export type DocumentRequest =
  | { readonly kind: StepDocumentKind; readonly stepId: string }
  | { readonly kind: 'CASE_CLOSED_LETTER'; readonly complainantId: string }
  | { readonly kind: 'CASE_REVIEW_OUTCOME_LETTER'; readonly caseReviewId: string };

/** The id of what a document is the paper of: the step, the complainant or the ASB Case Review. */
export function documentRecordId(request: DocumentRequest): string {
  return 'stepId' in request ? request.stepId : 'complainantId' in request ? request.complainantId : request.caseReviewId;
}

export interface DocumentSource {
  readonly reference: string;
  readonly parts: Pick<CaseFileParts, 'subjects' | 'enforcement' | 'complainants' | 'legalReferrals' | 'communityTriggers'>;
  /** The case's closure, once requested (the letter to the complainant is made once it is approved). */
  readonly closure?: Closure;
  /** The case's own policy version's numbers. */
  readonly statutory: StatutoryRules;
  readonly local: LocalPolicy;
  /** The partnership's policy versions, for terms stated as of the day of a notice (early payment): all of them unless a test says otherwise. */
  readonly policyVersions?: readonly PolicyVersion[];
}

export type Values = Readonly<Record<string, string | readonly string[]>>;

/** What a document says, and the day whose wording and numbers it takes. */
export interface Filling {
  readonly on: LocalDate;
  readonly values: Values;
}

/** A refusal naming the field of the case file the document needs. */
export function incomplete(missing: string, message: string): { incomplete: DocumentIncomplete } {
  return { incomplete: { missing, message } };
}

