import type { DocumentKind } from '../../../../libs/domain/src';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import { displayDate } from '../rendering/dates';

/**
 * What a letter on the case's list is about, from the id it was made for (kept in the document's `stepId`):
 * its complainant, or its ASB Case Review. Undefined for a notice, or an id no longer on the file.
 */
export function letterAbout(view: CaseView, kind: DocumentKind, recordId: string): string | undefined {
  if (kind === 'CASE_CLOSED_LETTER') {
    const complainant = view.complainants.find((candidate) => candidate.id === recordId);
    return complainant && `To ${complainant.name}, a complainant`;
  }
  if (kind === 'CASE_REVIEW_OUTCOME_LETTER') {
    const review = view.caseReviews.find((candidate) => candidate.id === recordId);
    return review && `The ASB Case Review ${review.applicantName} asked for on ${displayDate(review.receivedAt)}`;
  }
  return undefined;
}
