import type { LocalDate } from '../calendar';
import type { Forum, RiskLevel } from '../case-classification';
import type { CaseCommandName } from '../case-file/commands';

/** The forums that meet: the Multi-Agency Group and the Joint Action Group. */
export const MEETING_FORUMS = ['MAG', 'JAG'] as const;
export type MeetingForum = (typeof MEETING_FORUMS)[number];

export interface AgendaCase {
  readonly reference: string;
  readonly team: string;
  readonly category: string;
  readonly riskLevel?: RiskLevel;
  readonly ward?: string;
  /** Partner agencies the case is shared with (s.115): the only agencies whose agenda shows it. */
  readonly sharedWith: readonly string[];
}

export interface AgendaAction {
  readonly reference: string;
  readonly actionId: string;
  readonly agency: string;
  readonly description: string;
  readonly dueOn: LocalDate;
}

/** What a meeting works through: the cases escalated to it, and the partner actions overdue on them (JAG: on any case). */
export interface ForumAgenda {
  readonly cases: readonly AgendaCase[];
  readonly overdueActions: readonly AgendaAction[];
}

/** An agency's own agenda: the cases shared with it, and its own overdue actions (s.115). */
export function agendaForAgency(agenda: ForumAgenda, agency: string): ForumAgenda {
  const same = (a: string) => a.toUpperCase() === agency.toUpperCase();
  return { cases: agenda.cases.filter((c) => c.sharedWith.some(same)), overdueActions: agenda.overdueActions.filter((a) => same(a.agency)) };
}

/** A meeting is one per forum per day: the schedule firing twice (catching up) is still the one meeting. */
export function forumMeetingId(forum: MeetingForum, on: LocalDate): string {
  return `${forum}-${on}`;
}

/** What `forumMeetingId` makes: `JAG-2026-12-01`. */
export const FORUM_MEETING_ID_PATTERN = /^(?:MAG|JAG)-\d{4}-\d{2}-\d{2}$/;

export const FORUM_DECISIONS = ['ACTION_ASSIGNED', 'ESCALATED', 'DE_ESCALATED', 'REFERRED_TO_ADULTS_AT_RISK', 'NOTED'] as const;
export type ForumDecisionKind = (typeof FORUM_DECISIONS)[number];

export interface ForumDecisionRequest {
  readonly reference: string;
  readonly decision: ForumDecisionKind;
  readonly reason: string;
  /** For ACTION_ASSIGNED: what the agency is asked to do, by when. */
  readonly action?: { readonly agency: string; readonly description: string; readonly dueOn: LocalDate };
}

const UP: Record<Forum, Forum | undefined> = { GENERAL_CASEWORK: 'MAG', MAG: 'JAG', JAG: undefined };
const DOWN: Record<Forum, Forum | undefined> = { GENERAL_CASEWORK: undefined, MAG: 'GENERAL_CASEWORK', JAG: 'MAG' };

/**
 * The case command a meeting's decision is carried out by, or undefined for a decision that only
 * notes the case; an error names what the decision lacks (an action's details, a forum to move to).
 */
export function commandForDecision(
  forum: MeetingForum,
  decision: ForumDecisionRequest,
  caseForum: Forum,
): { readonly name: CaseCommandName; readonly body: Record<string, unknown> } | undefined | { readonly error: string } {
  const reason = `${forum} decision: ${decision.reason}`;
  switch (decision.decision) {
    case 'ACTION_ASSIGNED':
      return decision.action ? { name: 'assignPartnerAction', body: { ...decision.action, forum } } : { error: 'an action assigned needs its agency, description and due date (action)' };
    case 'ESCALATED': {
      const to = UP[caseForum];
      return to ? { name: 'changeForum', body: { to, reason } } : { error: `the case is already at ${caseForum}, the top of the ladder` };
    }
    case 'DE_ESCALATED': {
      const to = DOWN[caseForum];
      return to ? { name: 'changeForum', body: { to, reason } } : { error: 'the case is in general casework already' };
    }
    case 'REFERRED_TO_ADULTS_AT_RISK':
      return { name: 'referToAdultsAtRisk', body: { reason } };
    case 'NOTED':
      return undefined;
  }
}
