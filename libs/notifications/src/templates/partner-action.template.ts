import type { CaseNotice } from '../../../domain/src';
import { longDate, type MailContent } from './mail-layout';

type PartnerActionAssigned = Extract<CaseNotice, { kind: 'PARTNER_ACTION_ASSIGNED' }>;

/** For the agency asked to act: what, by when, and who asked; the case's people stay in the file. */
export function partnerActionMail(notice: PartnerActionAssigned, caseUrl: string): MailContent {
  const { case: headline, action } = notice;
  return {
    subject: `Action for ${notice.agency ?? 'your agency'} by ${longDate(action.dueOn)}: case ${headline.reference}`,
    opening: `Your agency has been asked to act on ASB case ${headline.reference}: ${action.description}`,
    facts: [
      ['Due by', `the end of ${longDate(action.dueOn)}`],
      ['Asked by', action.forum ? `${action.forum} (recorded by ${action.assignedBy})` : action.assignedBy],
      ['Council team', headline.team],
    ],
    todo: 'carry out the action and record it as complete in the case service; an action not done by its date is reported to your agency and goes on the next JAG agenda.',
    link: { url: caseUrl, label: `Open case ${headline.reference}` },
  };
}
