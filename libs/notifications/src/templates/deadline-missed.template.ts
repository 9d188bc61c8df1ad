import type { CaseNotice } from '../../../domain/src';
import { caseFacts, dueMoment, longDate, type MailContent } from './mail-layout';

type DeadlineMissed = Extract<CaseNotice, { kind: 'DEADLINE_MISSED' }>;

/** What the reader should do about each kind of missed deadline. */
const WHAT_TO_DO: Partial<Record<DeadlineMissed['deadline']['kind'], string>> = {
  CASE_REVIEW: 'make sure the review is carried out and recorded today. Recording it sets the next review date. If it is still overdue after 5 working days it is escalated to the head of service.',
  REVIEW_ESCALATION: 'the review is still not done after the escalation period: ask the team manager why, and see that it is recorded.',
  INITIAL_CONTACT: 'contact the complainant today and record it.',
  LEGAL_ACKNOWLEDGEMENT: 'acknowledge the referral in the case service.',
  LEGAL_DECISION: 'record the decision to proceed or decline, with the reason.',
  HEARING: 'record the hearing outcome (order made, refused or adjourned), or re-list the hearing.',
  BREACH_BEFORE_JUDGE: 'the statutory 24 hours have passed: record when the subject came before a judge and escalate.',
  CLOSURE_ORDER_HEARING: 'the 48-hour limit for hearing the closure order application has passed: record the outcome.',
  PROSECUTION_DECISION: 'record whether the unpaid fixed penalty will be prosecuted.',
  PARTNER_ACTION: 'complete the action and record it in the case service; overdue actions go on the next JAG agenda.',
  VICTIM_CONTACT: 'contact the victim today, record the protected characteristic(s) and offer the referral to victim support.',
  POLICE_NOTIFICATION: 'notify the police of the hate crime today and record their reference.',
  RETURN_HOME_INTERVIEW: 'offer the child a return home interview now and record whether they took it up.',
  SAFEGUARDING_REFERRAL: "refer the child to children's social care now (the front door), and record it.",
  PREVENT_REFERRAL: 'send the referral to the police Prevent gateway now, and record it.',
  CHANNEL_PANEL: 'make sure the Channel panel discusses the case, and record its decision.',
  CHANNEL_EXIT_REVIEW: 'carry out the review of the person who left Channel, and record it.',
};

/** For the person who must act on a missed duty: the reference, the deadline and who holds the case. */
export function deadlineMissedMail(notice: DeadlineMissed, caseUrl: string): MailContent {
  const { case: headline, deadline } = notice;
  const risk = headline.riskLevel ? ` (${headline.riskLevel} risk)` : '';
  const due = longDate(deadline.dueOn);
  const review = deadline.kind === 'CASE_REVIEW';
  return {
    subject: review ? `Overdue review: ${headline.reference}${risk} was due ${due}` : `Missed deadline: ${deadline.title} on ${headline.reference}${risk}, due ${due}`,
    opening: review
      ? `The review of case ${headline.reference} was due by the end of ${due} and has not been recorded.`
      : `${deadline.title} on case ${headline.reference} was due by ${dueMoment(deadline.dueOn, deadline.dueAt)} and has not been recorded as done.`,
    facts: [['Why it was due', deadline.reason], ...caseFacts(headline), ...(notice.agency ? [['Agency', notice.agency] as [string, string]] : [])],
    todo: WHAT_TO_DO[deadline.kind] ?? 'record it in the case service as soon as it is done.',
    link: { url: caseUrl, label: `Open case ${headline.reference}` },
  };
}
