import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { type ForumAgenda, FORUM_DECISIONS, type ForumDecisionKind, FORUM_MEETING_ID_PATTERN, MEETING_FORUMS, type MeetingForum, RESTRICTED_CASE_TYPES, RISK_LEVELS } from '../../domain/src';
import { ForumDecisionEntity, ForumMeetingEntity } from './forum-meeting.entity';
import { localDateColumn } from './row-columns';
import { textArray as textArrayParam } from './text-array';

const localDate = localDateColumn;
/** PostgreSQL text arrays arrive as arrays or, through some drivers' paths, as `{A,B}` text. */
const textArray = z.union([z.array(z.string()), z.string().transform(textArrayOf)]);

const AgendaCaseRow = z
  .looseObject({ reference: z.string(), team: z.string(), category: z.string(), risk_level: z.enum(RISK_LEVELS).nullable(), ward: z.string().nullable(), shared_with: textArray })
  .transform((row) => ({
    reference: row.reference,
    team: row.team,
    category: row.category,
    ...(row.risk_level ? { riskLevel: row.risk_level } : {}),
    ...(row.ward ? { ward: row.ward } : {}),
    sharedWith: row.shared_with,
  }));
const AgendaActionRow = z
  .looseObject({ reference: z.string(), action_id: z.string(), agency: z.string(), description: z.string(), due_on: localDate })
  .transform((row) => ({ reference: row.reference, actionId: row.action_id, agency: row.agency, description: row.description, dueOn: row.due_on }));

/** The agenda as it was sent, read back from forum_meeting.agenda: a stored agenda of another shape fails here, by name. */
const StoredAgenda = z.object({
  cases: z.array(z.object({ reference: z.string(), team: z.string(), category: z.string(), riskLevel: z.enum(RISK_LEVELS).optional(), ward: z.string().optional(), sharedWith: z.array(z.string()) })),
  overdueActions: z.array(z.object({ reference: z.string(), actionId: z.string(), agency: z.string(), description: z.string(), dueOn: localDate })),
}) satisfies z.ZodType<ForumAgenda>;
const MeetingForumName = z.enum(MEETING_FORUMS);
const DecisionKind = z.enum(FORUM_DECISIONS);
/** The meeting tables may be read from an entity manager a worker keeps: never answer from its identity map. */
const FRESH = { disableIdentityMap: true } as const;

export interface ForumMeetingRecord {
  readonly meetingId: string;
  readonly forum: MeetingForum;
  readonly heldOn: string;
  readonly agenda: ForumAgenda;
  readonly decisions: readonly ForumDecisionRecord[];
}

export interface ForumDecisionRecord {
  readonly reference: string;
  readonly decision: ForumDecisionKind;
  readonly reason: string;
  readonly detail?: Record<string, unknown>;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/**
 * The agenda as the read model stands: the open cases escalated to the forum, and the partner actions
 * overdue and not done, on the forum's cases (for the JAG, which oversees every action: on any case).
 * Restricted cases (CSE, Prevent) are never on it: the agenda goes to every member and agency, and those
 * cases are heard by their own panels (the multi-agency child exploitation meeting, the Channel panel).
 */
export async function compileForumAgenda(em: EntityManager, forum: MeetingForum): Promise<ForumAgenda> {
  const cases = await em.execute<unknown[]>(
    `select c.reference, c.team, c.category, c.risk_level, c.ward,
            coalesce((select array_agg(s.agency order by s.agency) from case_share s where s.reference = c.reference), '{}') as shared_with
     from asb_case c where c.forum = ? and c.stage not in ('CLOSED', 'ANONYMISED') and c.type <> all(?::text[]) order by c.reference`,
    [forum, textArrayParam(RESTRICTED_CASE_TYPES)],
  );
  const actions = await em.execute<unknown[]>(
    `select a.reference, a.action_id, a.agency, a.description, to_char(a.due_on, 'YYYY-MM-DD') as due_on
     from partner_action a join asb_case c on c.reference = a.reference
     where a.completed_at is null and a.deadline_missed and c.stage <> 'ANONYMISED' and (? = 'JAG' or c.forum = ?) and c.type <> all(?::text[])
     order by a.due_on, a.reference, a.action_id`,
    [forum, forum, textArrayParam(RESTRICTED_CASE_TYPES)],
  );
  return { cases: z.array(AgendaCaseRow).parse(cases), overdueActions: z.array(AgendaActionRow).parse(actions) };
}

/** Records the meeting with its agenda once; a second call for the same meeting keeps the first agenda and answers it. */
export async function saveForumMeeting(em: EntityManager, meeting: { meetingId: string; forum: MeetingForum; heldOn: string; agenda: ForumAgenda }): Promise<ForumAgenda> {
  await em.execute(`insert into forum_meeting (meeting_id, forum, held_on, agenda) values (?, ?, ?, ?::jsonb) on conflict (meeting_id) do nothing`, [
    meeting.meetingId,
    meeting.forum,
    meeting.heldOn,
    JSON.stringify(meeting.agenda),
  ]);
  const stored = await em.findOneOrFail(ForumMeetingEntity, { meetingId: meeting.meetingId }, FRESH);
  return StoredAgenda.parse(stored.agenda);
}

export async function listForumMeetings(em: EntityManager, forum: MeetingForum, limit: number): Promise<Omit<ForumMeetingRecord, 'decisions'>[]> {
  const rows = await em.find(ForumMeetingEntity, { forum }, { ...FRESH, orderBy: { heldOn: 'desc' }, limit });
  return rows.map(meetingOf);
}

export async function findForumMeeting(em: EntityManager, forum: MeetingForum, meetingId: string): Promise<ForumMeetingRecord | undefined> {
  if (!FORUM_MEETING_ID_PATTERN.test(meetingId)) return undefined;
  const row = await em.findOne(ForumMeetingEntity, { forum, meetingId }, FRESH);
  if (!row) return undefined;
  const decisions = await em.find(ForumDecisionEntity, { meetingId }, { ...FRESH, orderBy: { id: 'asc' } });
  return { ...meetingOf(row), decisions: decisions.map(decisionOf) };
}

/** Records a decision once: the same decision (for an action: to the same agency) on the same case at the same meeting answers the first record. */
export async function recordForumDecision(
  em: EntityManager,
  decision: { meetingId: string; reference: string; decision: ForumDecisionKind; subject: string; reason: string; detail?: Record<string, unknown>; decidedBy: string },
): Promise<{ record: ForumDecisionRecord; repeated: boolean }> {
  const inserted = await em.execute<{ id: string }[]>(
    `insert into forum_decision (meeting_id, reference, decision, subject, reason, detail, decided_by) values (?, ?, ?, ?, ?, ?::jsonb, ?)
     on conflict (meeting_id, reference, decision, subject) do nothing returning id`,
    [decision.meetingId, decision.reference, decision.decision, decision.subject, decision.reason, decision.detail ? JSON.stringify(decision.detail) : null, decision.decidedBy],
  );
  const row = await em.findOneOrFail(ForumDecisionEntity, { meetingId: decision.meetingId, reference: decision.reference, decision: decision.decision, subject: decision.subject }, FRESH);
  return { record: decisionOf(row), repeated: inserted.length === 0 };
}

function meetingOf(row: ForumMeetingEntity): Omit<ForumMeetingRecord, 'decisions'> {
  return { meetingId: row.meetingId, forum: MeetingForumName.parse(row.forum), heldOn: row.heldOn, agenda: StoredAgenda.parse(row.agenda) };
}

function decisionOf(row: ForumDecisionEntity): ForumDecisionRecord {
  return { reference: row.reference, decision: DecisionKind.parse(row.decision), reason: row.reason, ...(row.detail ? { detail: row.detail } : {}), decidedBy: row.decidedBy, decidedAt: row.decidedAt.toISOString() };
}

function textArrayOf(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((item) => item.replace(/^"|"$/g, '')) : [];
}
