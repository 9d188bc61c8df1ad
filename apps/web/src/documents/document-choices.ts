import type { CaseView } from '../../../api/src/cases/case.schemas';
import type { GenerateDocumentRequest } from '../../../api/src/documents/case-document.schemas';
import { displayDate } from '../rendering/dates';
import { noticeSteps } from './notice-steps';

/** One answer of the generate form: the request it sends, said in words. */
export interface DocumentChoice {
  /** The radio's value: a step's id, or the letter's own key (complainant ids are free text, so never a bare id). */
  readonly value: string;
  readonly request: GenerateDocumentRequest;
  /** "Letter to Pat Lee that the case is closed". */
  readonly label: string;
  readonly noun: 'notice' | 'letter';
}

/**
 * What the generate form offers: each step with a notice, then the letters whose substance is on the file
 * (the approved closure, a Case Review's recorded outcome). Whether the law lets it be made is the API's
 * `fillDocument` to say, on sending.
 */
export function documentChoices(view: CaseView): DocumentChoice[] {
  const notices = noticeSteps(view).map((step): DocumentChoice => ({ value: step.stepId, request: { kind: step.kind, stepId: step.stepId }, label: step.label, noun: 'notice' }));
  const closedLetters = view.closure ? view.complainants.map((complainant) => closedLetter(complainant)) : [];
  const reviewLetters = view.caseReviews.filter((review) => review.outcome).map((review) => outcomeLetter(review));
  return [...notices, ...closedLetters, ...reviewLetters];
}

function closedLetter(complainant: CaseView['complainants'][number]): DocumentChoice {
  return {
    value: `closed-case-letter-to-${complainant.id}`,
    request: { kind: 'CASE_CLOSED_LETTER', complainantId: complainant.id },
    label: `Letter to ${complainant.name} that the case is closed`,
    noun: 'letter',
  };
}

function outcomeLetter(review: CaseView['caseReviews'][number]): DocumentChoice {
  return {
    value: `outcome-letter-of-${review.id}`,
    request: { kind: 'CASE_REVIEW_OUTCOME_LETTER', caseReviewId: review.id },
    label: `ASB Case Review outcome letter to ${review.applicantName}, for the review asked for on ${displayDate(review.receivedAt)}`,
    noun: 'letter',
  };
}
