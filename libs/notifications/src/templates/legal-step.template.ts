import type { CaseNotice } from '../../../domain/src';
import { caseFacts, dueMoment, type MailContent } from './mail-layout';

type LegalStep = Extract<CaseNotice, { kind: 'LEGAL_STEP' }>;

const words = (value: string) => value.toLowerCase().replaceAll('_', ' ');

/** Every step of a legal referral, with its deadlines and the case summary the legal team works from. */
export function legalStepMail(notice: LegalStep, caseUrl: string): MailContent {
  const { case: headline, step, summary, deadlines } = notice;
  const at = new Date(step.at).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
  return {
    subject: `Legal: ${step.what} (${headline.reference})`,
    opening: `${step.what}, on case ${headline.reference} (${at}, by ${step.by}).`,
    facts: [
      ['Referral', `${summary.referral.step}: ${words(summary.referral.status)}`],
      ['Court', summary.referral.courts.map(words).join(' or ') || 'not a court step'],
      ...(summary.referral.youth ? [['Youth', 'the subject was under 18 when referred'] as [string, string]] : []),
      ['Case stage', words(summary.stage)],
      ['Category', words(summary.category)],
      ['Forum', summary.forum],
      ['Incidents recorded', `${summary.incidents}${summary.lastIncidentOn ? `, the latest on ${summary.lastIncidentOn}` : ''}`],
      ...caseFacts(headline),
    ],
    sections: [
      { heading: 'Deadlines on this referral', lines: deadlines.map((d) => `${d.title}: by ${dueMoment(d.dueOn, d.dueAt)} (${d.reason})`), empty: 'none pending' },
      { heading: 'Enforcement so far', lines: summary.enforcement, empty: 'no earlier steps recorded' },
    ],
    todo: deadlines.length > 0 ? `meet the first deadline above: ${deadlines[0]!.title.toLowerCase()}.` : 'no deadline is running on this referral; open the case for the full file.',
    link: { url: caseUrl, label: `Open case ${headline.reference}` },
  };
}
