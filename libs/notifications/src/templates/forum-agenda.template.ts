import type { ForumAgendaNotice } from '../../../domain/src';
import { longDate, type MailContent } from './mail-layout';

const FORUM_NAMES = { MAG: 'Multi-Agency Group (MAG)', JAG: 'Joint Action Group (JAG)' } as const;

/** The agenda for the partner agencies: which cases, which of their actions are overdue; the people stay in the files. */
export function forumAgendaMail(notice: ForumAgendaNotice, meetingUrl: string): MailContent {
  const { agenda } = notice;
  return {
    subject: `${notice.forum} agenda for ${longDate(notice.on)}: ${agenda.cases.length} case${agenda.cases.length === 1 ? '' : 's'}, ${agenda.overdueActions.length} overdue action${agenda.overdueActions.length === 1 ? '' : 's'}`,
    opening: `The ${FORUM_NAMES[notice.forum]} meets on ${longDate(notice.on)}. These cases are on its agenda.`,
    facts: [
      ['Meeting', notice.meetingId],
      ['Cases', String(agenda.cases.length)],
      ['Overdue partner actions', String(agenda.overdueActions.length)],
    ],
    sections: [
      {
        heading: 'Cases',
        lines: agenda.cases.map((c) => `${c.reference}: ${c.category.toLowerCase().replaceAll('_', ' ')}${c.riskLevel ? `, ${c.riskLevel} risk` : ''}${c.ward ? `, ${c.ward} ward` : ''} (team ${c.team})`),
        empty: 'none escalated',
      },
      {
        heading: 'Overdue partner actions',
        lines: agenda.overdueActions.map((a) => `${a.reference}, ${a.agency}: ${a.description} (due ${longDate(a.dueOn)})`),
        empty: 'none overdue',
      },
    ],
    todo: 'come ready to report on your agency’s actions; the meeting’s decisions (actions, escalation, de-escalation, referral to the adults-at-risk forum) are recorded in the case service.',
    link: { url: meetingUrl, label: `Open the ${notice.forum} meeting` },
  };
}
