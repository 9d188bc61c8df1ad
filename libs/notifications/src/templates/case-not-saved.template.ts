import type { CaseNotice } from '../../../domain/src';
import type { MailContent } from './mail-layout';

type CaseNotSaved = Extract<CaseNotice, { kind: 'CASE_NOT_SAVED' }>;

/** For the admins: a change PostgreSQL refused for good, named by what was being done, not by its data. */
export function caseNotSavedMail(notice: CaseNotSaved, failuresUrl: string): MailContent {
  const { failure } = notice;
  return {
    subject: `Case not saved: ${failure.reference} (${failure.operation})`,
    opening: `A change to case ${failure.reference} could not be saved: PostgreSQL refused it, and retrying cannot cure that. The case is as it was last saved; the person who made the change was told it failed.`,
    facts: [
      ['Case', failure.reference],
      ['What was being done', failure.operation],
      ['PostgreSQL said', `SQLSTATE ${failure.sqlState} (${failure.condition}): ${failure.message}`],
      ['When', new Date(failure.at).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' })],
    ],
    todo: 'find what in the change PostgreSQL could not hold (a character it refuses, a value a constraint forbids), put it right at its source, and ask for the change to be made again.',
    link: { url: failuresUrl, label: `Failures recorded for ${failure.reference}` },
  };
}
