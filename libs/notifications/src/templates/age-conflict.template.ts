import type { CaseNotice } from '../../../domain/src';
import { caseFacts, type MailContent } from './mail-layout';

type AgeConflict = Extract<CaseNotice, { kind: 'AGE_CONFLICT' }>;

/** For the manager: the record now says who the subject is, and a person decides what becomes of the steps. */
export function ageConflictMail(notice: AgeConflict, caseUrl: string): MailContent {
  const { case: headline } = notice;
  const at = new Date(notice.at).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
  return {
    subject: `Check the steps taken on case ${headline.reference}: a subject’s date of birth was corrected`,
    opening: `A subject’s date of birth was corrected on case ${headline.reference} (${at}, by ${notice.by}). With it, steps already taken would not have been allowed.`,
    facts: caseFacts(headline),
    sections: [{ heading: 'Steps to look at', lines: notice.steps }],
    todo: 'decide for each step whether to withdraw it, serve it again on the right footing, or tell the court, and record what was decided as a case note.',
    link: { url: caseUrl, label: `Open case ${headline.reference}` },
  };
}
