import type { EntityManager } from '@mikro-orm/postgresql';
import { type AgendaAction, type AgendaCase, type ForumAgenda, type ForumDecisionKind, FORUM_MEETING_ID_PATTERN, type LocalDate, type MeetingForum, type RiskLevel } from '../../domain/src';
import { isoInstant } from './iso-instant';

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
 */
export async function compileForumAgenda(em: EntityManager, forum: MeetingForum): Promise<ForumAgenda> {
  const cases = await em.execute<{ reference: string; team: string; category: string; risk_level: string | null; ward: string | null; shared_with: string[] }[]>(
    `select c.reference, c.team, c.category, c.risk_level, c.ward,
            coalesce((select array_agg(s.agency order by s.agency) from case_share s where s.reference = c.reference), '{}') as shared_with
     from asb_case c where c.forum = ? and c.stage not in ('CLOSED', 'ANONYMISED') order by c.reference`,
    [forum],
  );
  const actions = await em.execute<{ reference: string; action_id: string; agency: string; description: string; due_on: string }[]>(
    `select a.reference, a.action_id, a.agency, a.description, to_char(a.due_on, 'YYYY-MM-DD') as due_on
     from partner_action a join asb_case c on c.reference = a.reference
     where a.completed_at is null and a.deadline_missed and c.stage <> 'ANONYMISED' and (? = 'JAG' or c.forum = ?)
     order by a.due_on, a.reference, a.action_id`,
    [forum, forum],
  );
  return {
    cases: cases.map(
      (row): AgendaCase => ({
        reference: row.reference,
        team: row.team,
        category: row.category,
        ...(row.risk_level ? { riskLevel: row.risk_level as RiskLevel } : {}),
        ...(row.ward ? { ward: row.ward } : {}),
        sharedWith: textArrayOf(row.shared_with),
      }),
    ),
    overdueActions: actions.map((row): AgendaAction => ({ reference: row.reference, actionId: row.action_id, agency: row.agency, description: row.description, dueOn: row.due_on as LocalDate })),
  };
}

/** Records the meeting with its agenda once; a second call for the same meeting keeps the first agenda and answers it. */
export async function saveForumMeeting(em: EntityManager, meeting: { meetingId: string; forum: MeetingForum; heldOn: string; agenda: ForumAgenda }): Promise<ForumAgenda> {
  await em.execute(`insert into forum_meeting (meeting_id, forum, held_on, agenda) values (?, ?, ?, ?::jsonb) on conflict (meeting_id) do nothing`, [
    meeting.meetingId,
    meeting.forum,
    meeting.heldOn,
    JSON.stringify(meeting.agenda),
  ]);
  const [row] = await em.execute<{ agenda: ForumAgenda }[]>(`select agenda from forum_meeting where meeting_id = ?`, [meeting.meetingId]);
  return row!.agenda;
}

export async function listForumMeetings(em: EntityManager, forum: MeetingForum, limit: number): Promise<Omit<ForumMeetingRecord, 'decisions'>[]> {
  const rows = await em.execute<{ meeting_id: string; forum: MeetingForum; held_on: string; agenda: ForumAgenda }[]>(
    `select meeting_id, forum, to_char(held_on, 'YYYY-MM-DD') as held_on, agenda from forum_meeting where forum = ? order by held_on desc limit ?`,
    [forum, limit],
  );
  return rows.map((row) => ({ meetingId: row.meeting_id, forum: row.forum, heldOn: row.held_on, agenda: row.agenda }));
}

export async function findForumMeeting(em: EntityManager, forum: MeetingForum, meetingId: string): Promise<ForumMeetingRecord | undefined> {
  if (!FORUM_MEETING_ID_PATTERN.test(meetingId)) return undefined;
  const [row] = await em.execute<{ meeting_id: string; forum: MeetingForum; held_on: string; agenda: ForumAgenda }[]>(
    `select meeting_id, forum, to_char(held_on, 'YYYY-MM-DD') as held_on, agenda from forum_meeting where forum = ? and meeting_id = ?`,
    [forum, meetingId],
  );
  if (!row) return undefined;
  const decisions = await em.execute<DecisionRow[]>(
    `select reference, decision, reason, detail, decided_by, decided_at from forum_decision where meeting_id = ? order by id`,
    [meetingId],
  );
  return {
    meetingId: row.meeting_id,
    forum: row.forum,
    heldOn: row.held_on,
    agenda: row.agenda,
    decisions: decisions.map(decisionOf),
  };
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
  const [row] = await em.execute<DecisionRow[]>(
    `select reference, decision, reason, detail, decided_by, decided_at from forum_decision where meeting_id = ? and reference = ? and decision = ? and subject = ?`,
    [decision.meetingId, decision.reference, decision.decision, decision.subject],
  );
  return {
    record: decisionOf(row!),
    repeated: inserted.length === 0,
  };
}

interface DecisionRow {
  reference: string;
  decision: ForumDecisionKind;
  reason: string;
  detail: Record<string, unknown> | null;
  decided_by: string;
  decided_at: string | Date;
}

function decisionOf(row: DecisionRow): ForumDecisionRecord {
  return { reference: row.reference, decision: row.decision, reason: row.reason, ...(row.detail ? { detail: row.detail } : {}), decidedBy: row.decided_by, decidedAt: isoInstant(row.decided_at) };
}

/** PostgreSQL text arrays arrive as arrays or, through some drivers' paths, as `{A,B}` text. */
function textArrayOf(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((item) => item.replace(/^"|"$/g, '')) : [];
}
