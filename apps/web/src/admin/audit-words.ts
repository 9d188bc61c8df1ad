import { COMMAND_ROUTES } from '../../../api/src/cases/commands/command-routes';

/** The audit trail's actions that are not a command, as an admin reads them. */
const ACTIONS: Readonly<Record<string, string>> = {
  'case.view': 'Viewed the case',
  'case.search': 'Listed or searched cases',
  'case.open': 'Opened a case',
  'case.view.timeline': 'Read the case history',
  'case.view.deadlines': 'Read the deadlines',
  'case.view.next-steps': 'Read the next steps',
  'console.sign-in': 'Signed in to the console',
  'console.sign-out': 'Signed out of the console',
  'team.overview': 'Read a team overview',
  'legal.queue': 'Read the legal queue',
  'agency.actions': 'Read an agency’s actions',
  'forum.meetings': 'Read the forum meetings',
  'forum.meeting': 'Read a forum meeting',
  'forum.decision': 'Recorded a forum decision',
  'notification.list': 'Listed notifications',
  'notification.resend': 'Re-sent a notification',
  'audit.read': 'Read the audit trail',
  'subject-access.export': 'Exported what is held about a person',
};

const COMMAND_PREFIX = 'case.command.';

/** An audit action (`case.command.recordReview`, `case.view`) in words: a command by its summary, anything else by what it did. */
export function auditActionInWords(action: string): string {
  if (action.startsWith(COMMAND_PREFIX)) {
    const route = COMMAND_ROUTES.find((candidate) => candidate.command === action.slice(COMMAND_PREFIX.length));
    if (route) return route.summary;
  }
  const known = ACTIONS[action];
  if (known) return known;
  const words = action.replace(/([a-z])([A-Z])/gu, '$1 $2').replace(/[._-]+/gu, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What came of a request, by its HTTP status, in words. */
export function auditOutcomeInWords(status: number): string {
  if (status < 400) return 'Done';
  if (status === 403) return 'Refused: not allowed';
  if (status === 404) return 'Not found';
  if (status === 409) return 'Refused';
  if (status < 500) return 'Not valid';
  return 'Failed';
}
