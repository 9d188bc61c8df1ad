import { addMonths } from '../calendar';
import { dateInWords, dayOf } from './dates-in-words';
import { type DocumentSource, type Filling, incomplete } from './document-source';
import type { DocumentIncomplete } from './filled-document';

/** The letter telling a complainant on the file that the case is closed: from the approved closure, what they are told and why. */
export function caseClosedLetterValues(source: DocumentSource, complainantId: string): Filling | { incomplete: DocumentIncomplete } {
  const complainant = source.parts.complainants.find((candidate) => candidate.id === complainantId);
  if (!complainant) return incomplete('complainantId', `no complainant with id ${complainantId} is on case ${source.reference}`);
  const closure = source.closure;
  if (!closure?.closedAt) return incomplete('closure', 'the letter tells the complainant the case is closed: its closure has not been approved');
  const closed = dayOf(closure.closedAt);
  const { reopenWindowMonths, satisfactionFollowUpWorkingDays, caseReview } = source.local;
  return {
    on: closed.on,
    values: {
      complainantName: complainant.name,
      closedOn: closed.inWords,
      explanation: closure.explanationToComplainant,
      reopenUntil: dateInWords(addMonths(closed.on, reopenWindowMonths)),
      reopenMonths: String(reopenWindowMonths),
      followUpWorkingDays: String(satisfactionFollowUpWorkingDays),
      qualifyingComplaints: String(caseReview.qualifyingComplaints),
      windowMonths: String(caseReview.windowMonths),
    },
  };
}

/** The ASB Case Review outcome letter to its applicant: what the meeting recommended, and the outcome recorded. */
export function caseReviewLetterValues(source: DocumentSource, caseReviewId: string): Filling | { incomplete: DocumentIncomplete } {
  const review = source.parts.communityTriggers?.find((candidate) => candidate.id === caseReviewId);
  if (!review) return incomplete('caseReviewId', `no ASB Case Review with id ${caseReviewId} is on case ${source.reference}`);
  if (!review.meeting) return incomplete('recommendations', 'the outcome letter states what the review meeting recommended: record the meeting');
  if (!review.outcome) return incomplete('outcome', 'the outcome letter states the outcome of the review: record it');
  const sent = dayOf(review.outcome.sentAt);
  return {
    on: sent.on,
    values: {
      applicantName: review.applicantName,
      receivedOn: dayOf(review.receivedAt).inWords,
      meetingOn: dayOf(review.meeting.heldAt).inWords,
      recommendations: review.meeting.recommendations,
      outcome: review.outcome.summary,
    },
  };
}
