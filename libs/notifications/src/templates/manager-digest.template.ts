import type { DigestItem, ManagerDigestNotice } from '../../../domain/src';
import { longDate, type MailContent } from './mail-layout';

const line = (item: DigestItem) =>
  `${item.reference}${item.riskLevel ? ` (${item.riskLevel})` : ''}: ${item.title}, due ${longDate(item.dueOn)}, held by ${item.caseworker ?? 'nobody (unallocated)'}`;

/** The manager's morning view of the team: what is overdue, what falls due this week. */
export function managerDigestMail(notice: ManagerDigestNotice, casesUrl: string): MailContent {
  const overdue = notice.overdueReviews.length;
  return {
    subject: `Team ${notice.team} digest for ${longDate(notice.on)}: ${overdue} overdue review${overdue === 1 ? '' : 's'}, ${notice.comingDeadlines.length} due in the next 7 days`,
    opening: `Your team's case deadlines on ${longDate(notice.on)}.`,
    facts: [
      ['Team', notice.team],
      ['Overdue reviews', String(overdue)],
      ['Deadlines up to', longDate(notice.until)],
    ],
    sections: [
      { heading: 'Overdue reviews', lines: notice.overdueReviews.map(line), empty: 'none' },
      { heading: 'Due in the next 7 days', lines: notice.comingDeadlines.map(line), empty: 'none' },
    ],
    todo: overdue > 0 ? 'see that each overdue review is carried out and recorded today.' : 'nothing is overdue; check the coming deadlines are in hand.',
    link: { url: casesUrl, label: `Open team ${notice.team}'s cases` },
  };
}
