import type { CaseNotice } from '../../../domain/src';
import { caseFacts, dueMoment, longDate, type MailContent } from './mail-layout';

type ComingDue = Extract<CaseNotice, { kind: 'COMING_DUE' }>;

/** A caseworker's reminder, sent while there is still time to act. */
export function comingDueMail(notice: ComingDue, caseUrl: string): MailContent {
  const { case: headline, deadline } = notice;
  return {
    subject: `Coming due: ${deadline.title} on ${headline.reference}, by ${longDate(deadline.dueOn)}`,
    opening: `${deadline.title} on case ${headline.reference} is due by ${dueMoment(deadline.dueOn, deadline.dueAt)}.`,
    facts: [['Why it is due', deadline.reason], ...caseFacts(headline)],
    todo:
      deadline.kind === 'COMPLIANCE_CHECK'
        ? 'check whether the requirement was complied with and record it; a breach opens the next step of the ladder.'
        : 'carry it out and record it in the case service before it is due; a missed one is reported to your manager.',
    link: { url: caseUrl, label: `Open case ${headline.reference}` },
  };
}
