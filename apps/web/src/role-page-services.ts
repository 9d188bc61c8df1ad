import { CaseCommands } from '../../api/src/cases/case-commands';
import { CaseReports } from '../../api/src/cases/case-reports';
import { ForumMeetings } from '../../api/src/forums/forum-meetings';
import { NotificationOutbox } from '../../api/src/notifications/notification-outbox';
import { TemporalClient } from '../../api/src/temporal/temporal-client';

/**
 * The API's services the role pages call (reports, forum meetings, the outbox) with what they need:
 * the pages act through the API's own logic, never a copy of it.
 */
export const ROLE_PAGE_SERVICES = [CaseReports, ForumMeetings, NotificationOutbox, CaseCommands, TemporalClient];
