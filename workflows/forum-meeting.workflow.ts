import type { MeetingForum } from '../libs/domain/src';
import { activities } from './activities';

export const FORUM_MEETING_WORKFLOW_TYPE = 'forumMeetingWorkflow';

/**
 * A MAG or JAG cycle, started by the forum's Temporal Schedule: the agenda is compiled from the
 * cases escalated to the forum and the overdue partner actions, the meeting is recorded with it,
 * and each partner agency is sent its part. Decisions are recorded against the meeting as it sits.
 */
export async function forumMeetingWorkflow(request: { forum: MeetingForum }): Promise<{ meetingId: string; cases: number; overdueActions: number; agencies: number }> {
  const { meetingId, agenda, notices } = await activities.prepareForumMeeting({ forum: request.forum, asOf: new Date().toISOString() });
  for (const notice of notices) await activities.deliverNotice(notice);
  return { meetingId, cases: agenda.cases.length, overdueActions: agenda.overdueActions.length, agencies: notices.length };
}
