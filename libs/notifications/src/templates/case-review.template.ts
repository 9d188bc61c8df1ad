import type { CaseNotice } from '../../../domain/src';
import { caseFacts, dueMoment, type MailContent } from './mail-layout';

type CaseReviewThreshold = Extract<CaseNotice, { kind: 'CASE_REVIEW_THRESHOLD' }>;

/** For the case review coordinator: a threshold reached on a case, or an application to decide. */
export function caseReviewMail(notice: CaseReviewThreshold, caseUrl: string): MailContent {
  const { case: headline } = notice;
  const application = notice.trigger === 'APPLICATION';
  return {
    subject: application
      ? `ASB Case Review application on ${headline.reference}: threshold ${notice.met ? 'met' : 'not met'} on the record`
      : `ASB Case Review threshold met on ${headline.reference}`,
    opening: application
      ? `An ASB Case Review has been applied for on case ${headline.reference}. On the complaints on record about the same victim or place, the threshold is ${notice.met ? 'met' : 'not met'}.`
      : `The incidents logged on case ${headline.reference} now meet the ASB Case Review threshold.`,
    facts: [['Complaints', notice.explanation], ...caseFacts(headline)],
    sections: application ? [{ heading: 'Deadlines', lines: notice.deadlines.map((d) => `${d.title}: by ${dueMoment(d.dueOn, d.dueAt)}`), empty: 'none pending' }] : [],
    todo: application
      ? notice.met
        ? 'acknowledge the application and record the threshold decision; a review meeting must then be held.'
        : 'acknowledge the application and record the threshold decision, with the reason, for the applicant.'
      : 'consider whether the victim should be offered an ASB Case Review, and check the case is being worked.',
    link: { url: caseUrl, label: `Open case ${headline.reference}` },
  };
}
