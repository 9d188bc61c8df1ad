import type { MikroORM } from '@mikro-orm/postgresql';
import type { StaffDirectory } from '../libs/directory/src';
import { agendaForAgency, type ForumAgendaNotice, forumMeetingId, londonDateOf, noticeKey } from '../libs/domain/src';
import { compileForumAgenda, saveForumMeeting } from '../libs/persistence/src';
import type { ForumActivities } from './contract';

export function forumActivities(orm: MikroORM, directory: StaffDirectory): ForumActivities {
  return {
    async prepareForumMeeting({ forum, asOf }) {
      const on = londonDateOf(new Date(asOf));
      const meetingId = forumMeetingId(forum, on);
      const em = orm.em.fork();
      // A retry, or the schedule catching up, finds the meeting recorded and sends the agenda it was given.
      const agenda = await saveForumMeeting(em, { meetingId, forum, heldOn: on, agenda: await compileForumAgenda(em, forum) });
      const agencies = [...new Set(directory.withRole('partner').flatMap((partner) => (partner.agency ? [partner.agency.toUpperCase()] : [])))].sort();
      const notices = agencies.map(
        (agency): ForumAgendaNotice => ({
          kind: 'FORUM_AGENDA',
          key: noticeKey(meetingId, `agenda-${agency}`, 'FORUM_AGENDA'),
          audience: 'PARTNER_AGENCY',
          agency,
          team: 'partnership',
          forum,
          meetingId,
          on,
          agenda: agendaForAgency(agenda, agency),
        }),
      );
      return { meetingId, agenda, notices };
    },
  };
}
