import type { CaseNotice } from '../../../domain/src';
import { caseFacts, type MailContent } from './mail-layout';

type CaseTransferred = Extract<CaseNotice, { kind: 'CASE_TRANSFERRED' }>;

/** To each team's manager: the one giving the case up, and the one who must now see it allocated. */
export function caseTransferredMail(notice: CaseTransferred, caseUrl: string): MailContent {
  const { case: headline } = notice;
  const taking = notice.team === notice.to;
  const at = new Date(notice.at).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
  return {
    subject: `Case ${headline.reference} transferred from team ${notice.from} to team ${notice.to}`,
    opening: `Case ${headline.reference} was transferred from team ${notice.from} to team ${notice.to} (${at}, by ${notice.by}).`,
    facts: caseFacts(headline),
    todo: taking
      ? headline.caseworker
        ? 'the case and its deadlines are now your team’s: check its next steps with the caseworker.'
        : 'the case and its deadlines are now your team’s: allocate it to a caseworker.'
      : 'nothing more: the case and its deadlines have left your team.',
    link: { url: caseUrl, label: `Open case ${headline.reference}` },
  };
}
