import type { EntityManager } from '@mikro-orm/postgresql';
import { textArray } from './text-array';
import { postgresRejectionOf } from './postgres-rejection';
import {
  agencyActionItemsOf,
  type AgencyActionItem,
  caseDeadlineItemsOf,
  type CaseDeadlineItem,
  caseListItemsOf,
  type CaseListItem,
  type EscalatedCaseItem,
  escalatedCaseItemsOf,
  overdueActionItemsOf,
  type OverdueActionItem,
} from './case-list-rows';

/**
 * The read side's questions about many cases at once, in SQL: lists, the manager's overview, the
 * legal queue, statistics. Every query takes the set of teams the caller may see (undefined = all).
 */
export interface CaseListFilter {
  readonly teams?: readonly string[];
  /** A partner agency: only cases shared with it. */
  readonly sharedWith?: string;
  /** A partner agency: only cases shared with it in full (a summary-only share withholds the names, the address and the summary a search matches). */
  readonly sharedInFullWith?: string;
  /** Restricted case types (CSE, Prevent) the caller is not named for: as if those cases did not exist. */
  readonly exceptTypes?: readonly string[];
  readonly stage?: string;
  readonly type?: string;
  readonly category?: string;
  readonly riskLevel?: string;
  readonly forum?: string;
  readonly caseworker?: string;
  readonly team?: string;
  readonly ward?: string;
  /** Only cases with a duty deadline missed and not since met (in practice: a review still overdue). */
  readonly overdue?: boolean;
  readonly openedFrom?: string;
  readonly openedTo?: string;
}

export type CaseListSort = 'openedAt' | '-openedAt' | 'nextReviewDueAt' | 'reference';

export interface CaseListPage {
  readonly rows: CaseListItem[];
  readonly next: string | null;
}

/**
 * Each sort is an index's order (asb_case_opened_idx, asb_case_next_review_ref_idx, the primary key), so
 * that a page is read off the index instead of sorting every case the caller may see (at 100,000 cases,
 * `npm run bench`: 50-75 ms down to 1-3 ms). Hence `nulls last` only where the column can be null: on a
 * column that cannot, it still stops PostgreSQL from using a `desc` index (whose nulls come first).
 */
const SORTS: Record<CaseListSort, { column: string; direction: 'asc' | 'desc'; nullable: boolean }> = {
  '-openedAt': { column: 'opened_at', direction: 'desc', nullable: false },
  openedAt: { column: 'opened_at', direction: 'asc', nullable: false },
  nextReviewDueAt: { column: 'next_review_due_at', direction: 'asc', nullable: true },
  reference: { column: 'reference', direction: 'asc', nullable: false },
};

/**
 * `overdueReviews` of libs/domain in SQL, for a deadline `d` of a case `c`: a review missed with no review
 * since it was due. The team overview lists these; test/persistence/review-overdue.test.ts holds the two
 * rules together.
 */
export const OVERDUE_REVIEW_DEADLINE = `d.kind = 'CASE_REVIEW' and d.status = 'MISSED' and (c.last_reviewed_at is null or c.last_reviewed_at <= d.due_at)`;

/**
 * `reviewOverdue` of libs/domain in SQL, for a case `c`. `saveCaseFile` keeps the domain's own answer as
 * `asb_case.review_overdue`, so that the overdue list reads a partial index instead of testing every case
 * newer than the overdue ones (`npm run bench`); this is for rows written without a case file (the
 * benchmark's seed).
 */
export const REVIEW_OVERDUE = `exists (select 1 from case_deadline d where d.reference = c.reference and ${OVERDUE_REVIEW_DEADLINE})`;

/** The filter as SQL conditions on `asb_case c`, with their parameters; `add` appends one more. */
export function caseFilterClauses(filter: CaseListFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  // One team as an equality, so that a caseworker's own team is read off its (team, …) indexes rather
  // than every team's (`npm run bench`).
  if (filter.teams?.length === 1) add(`c.team = ?`, filter.teams[0]);
  else if (filter.teams) add(`c.team = any(?::text[])`, textArray(filter.teams));
  const equals: [keyof CaseListFilter, string][] = [
    ['stage', 'stage'],
    ['type', 'type'],
    ['category', 'category'],
    ['riskLevel', 'risk_level'],
    ['forum', 'forum'],
    ['caseworker', 'caseworker'],
    ['team', 'team'],
    ['ward', 'ward'],
  ];
  for (const [key, column] of equals) if (filter[key] !== undefined) add(`c.${column} = ?`, filter[key]);
  if (filter.sharedWith) add(`exists (select 1 from case_share s where s.reference = c.reference and s.agency = ?)`, filter.sharedWith);
  if (filter.sharedInFullWith) add(`exists (select 1 from case_share s where s.reference = c.reference and s.agency = ? and not s.summary_only)`, filter.sharedInFullWith);
  if (filter.exceptTypes?.length) add(`c.type <> all(?::text[])`, textArray(filter.exceptTypes));
  if (filter.overdue === true) add(`c.review_overdue`);
  if (filter.overdue === false) add(`not c.review_overdue`);
  if (filter.openedFrom) add(`c.opened_at >= ?`, filter.openedFrom);
  if (filter.openedTo) add(`c.opened_at < ?`, filter.openedTo);
  return { where, params, add };
}

export async function listCases(em: EntityManager, filter: CaseListFilter, sort: CaseListSort, limit: number, cursor?: string): Promise<CaseListPage> {
  const { where, params, add } = caseFilterClauses(filter);
  const { column, direction, nullable } = SORTS[sort];
  const comparator = direction === 'asc' ? '>' : '<';
  if (cursor) {
    const after = decodeCursor(cursor);
    if (after.value !== null && column !== 'reference') await mustBeTimestamp(em, after.value);
    // Keyset pagination: stable under inserts, and as fast on page 1,000 as on page 1.
    if (after.value === null) add(`(c.${column} is null and c.reference ${comparator} ?)`, after.reference);
    else if (nullable) add(`((c.${column}, c.reference) ${comparator} (?, ?) or c.${column} is null)`, after.value, after.reference);
    else add(`(c.${column}, c.reference) ${comparator} (?, ?)`, after.value, after.reference);
  }
  const rows = await em.execute<Record<string, unknown>[]>(
    `select c.*, to_char(c.next_review_due_on, 'YYYY-MM-DD') as next_review_due_on, c.review_overdue as overdue from asb_case c ${where.length ? `where ${where.join(' and ')}` : ''}
     order by c.${column} ${direction}${nullable ? ' nulls last' : ''}, c.reference ${direction} limit ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  // The cursor holds the sort column as PostgreSQL gave it (to the microsecond), not as the page shows it.
  const last = page.at(-1);
  const nextValue = last?.[column];
  return {
    rows: caseListItemsOf(page),
    next: rows.length > limit && last ? encodeCursor(nextValue instanceof Date ? nextValue.toISOString() : ((nextValue as string | null) ?? null), last.reference as string) : null,
  };
}

/** The columns of a `CaseDeadlineItem`, from `asb_case c` joined to `case_deadline d`. */
const DEADLINE_OF_CASE = `c.reference, c.team, c.caseworker, c.risk_level, d.deadline_id, d.kind, to_char(d.due_on, 'YYYY-MM-DD') as due_on, d.due_at, d.status, d.reason`;

/**
 * The restricted types a caller is not named for, as a condition on `asb_case c` for the reports that are
 * not lists (`exceptTypes` of `caseFilterClauses` says the same for the lists).
 */
function exceptTypesClause(exceptTypes: readonly string[] | undefined): { sql: string; params: unknown[] } {
  return exceptTypes?.length ? { sql: ` and c.type <> all(?::text[])`, params: [textArray(exceptTypes)] } : { sql: '', params: [] };
}

/** A team's reviews still overdue, and every deadline of its cases falling due within the horizon. */
export async function teamOverview(
  em: EntityManager,
  team: string,
  now: Date,
  horizonDays: number,
  exceptTypes?: readonly string[],
): Promise<{ overdue: CaseDeadlineItem[]; comingDue: CaseDeadlineItem[] }> {
  const except = exceptTypesClause(exceptTypes);
  const overdue = await em.execute<unknown[]>(
    `select ${DEADLINE_OF_CASE}
     from asb_case c join case_deadline d on d.reference = c.reference
     where c.team = ? and c.review_overdue and ${OVERDUE_REVIEW_DEADLINE}${except.sql}
     order by d.due_at`,
    [team, ...except.params],
  );
  const comingDue = await em.execute<unknown[]>(
    `select ${DEADLINE_OF_CASE}
     from asb_case c join case_deadline d on d.reference = c.reference
     where c.team = ? and d.status = 'PENDING' and d.due_at >= ? and d.due_at < ?${except.sql}
     order by d.due_at`,
    [team, now.toISOString(), new Date(now.getTime() + horizonDays * 86_400_000).toISOString(), ...except.params],
  );
  return { overdue: caseDeadlineItemsOf(overdue), comingDue: caseDeadlineItemsOf(comingDue) };
}

export const LEGAL_DEADLINE_KINDS = ['LEGAL_ACKNOWLEDGEMENT', 'LEGAL_DECISION', 'HEARING', 'BREACH_BEFORE_JUDGE', 'CLOSURE_ORDER_HEARING', 'PROSECUTION_DECISION', 'ORDER_REVIEW'];

export async function legalQueue(em: EntityManager, exceptTypes?: readonly string[]): Promise<CaseDeadlineItem[]> {
  const except = exceptTypesClause(exceptTypes);
  const rows = await em.execute<unknown[]>(
    `select ${DEADLINE_OF_CASE}
     from case_deadline d join asb_case c on c.reference = d.reference
     where d.kind = any(?::text[]) and (d.status = 'PENDING' or (d.status = 'MISSED' and d.resolved_at > now() - interval '30 days'))${except.sql}
     order by (d.status = 'MISSED') desc, d.due_at`,
    [textArray(LEGAL_DEADLINE_KINDS), ...except.params],
  );
  return caseDeadlineItemsOf(rows);
}

/** Counts over the cases in scope: every team (no teams), some teams, or the cases shared with an agency, less the types left out. */
export type StatisticsScope = Pick<CaseListFilter, 'teams' | 'sharedWith' | 'exceptTypes'>;

export async function caseStatistics(em: EntityManager, scope: StatisticsScope, from: string, to: string) {
  // The period is a filter like any other, so the scope is the list's own (`caseFilterClauses`).
  const { where, params } = caseFilterClauses({ ...scope, openedFrom: from, openedTo: to });
  const scoped = where.join(' and ');
  const count = (groupBy: string) =>
    em.execute<{ key: string | null; count: number }[]>(`select ${groupBy} as key, count(*)::int as count from asb_case c where ${scoped} group by 1 order by 1`, [...params]);
  const [byType, byCategory, byWard, byMonth, byRisk, byForum, byOutcome] = await Promise.all([
    count('type'),
    count('category'),
    count(`coalesce(ward, 'unknown')`),
    count(`to_char(opened_at at time zone 'Europe/London', 'YYYY-MM')`),
    count(`coalesce(risk_level, 'NOT_ASSESSED')`),
    count('forum'),
    count(`coalesce(closure_reason, 'OPEN')`),
  ]);
  const [escalated] = await em.execute<{ count: number }[]>(
    `select count(distinct t.reference)::int as count from case_timeline_entry t join asb_case c on c.reference = t.reference where t.kind = 'FORUM_ESCALATED' and ${scoped}`,
    [...params],
  );
  return { byType, byCategory, byWard, byMonth, byRisk, byForum, byOutcome, escalatedCases: escalated?.count ?? 0 };
}

function encodeCursor(value: string | null, reference: string): string {
  return Buffer.from(JSON.stringify([value, reference])).toString('base64url');
}

/** The position a cursor `encodeCursor` made holds; anything else would reach SQL as a value it cannot compare. */
function decodeCursor(cursor: string): { value: string | null; reference: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const [value, reference] = Array.isArray(decoded) && decoded.length === 2 ? decoded : [];
  // PostgreSQL text holds no NUL.
  const isText = (text: unknown): text is string => typeof text === 'string' && !text.includes('\u0000');
  if (!(value === null || isText(value)) || !isText(reference)) throw new InvalidCursorError();
  return { value, reference };
}

/** A timestamp as PostgreSQL writes it, to the microsecond: PostgreSQL itself says whether the cursor's value is one. */
async function mustBeTimestamp(em: EntityManager, value: string): Promise<void> {
  try {
    await em.execute(`select ?::timestamptz`, [value]);
  } catch (error) {
    if (postgresRejectionOf(error)?.sqlState.startsWith('22')) throw new InvalidCursorError();
    throw error;
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this API gave out');
  }
}

/** An agency's actions, open ones first by due date; `overdue` when its deadline was missed and it is not done. */
export async function agencyActions(em: EntityManager, agency: string, teams?: readonly string[], exceptTypes?: readonly string[]): Promise<AgencyActionItem[]> {
  const except = exceptTypesClause(exceptTypes);
  const rows = await em.execute<unknown[]>(
    `select a.reference, a.action_id, a.agency, a.description, to_char(a.due_on, 'YYYY-MM-DD') as due_on, a.forum, a.completed_at, a.outcome, c.category, c.ward,
       (a.completed_at is null and a.deadline_missed) as overdue
     from partner_action a join asb_case c on c.reference = a.reference
     where a.agency = ? ${teams ? 'and c.team = any(?::text[])' : ''}${except.sql} order by (a.completed_at is not null), a.due_on, a.reference`,
    [agency, ...(teams ? [textArray(teams)] : []), ...except.params],
  );
  return agencyActionItemsOf(rows);
}

/**
 * The next JAG: the cases escalated to it, and every partner action overdue on any case. For a
 * partner agency (`partnerAgency`): only the escalated cases shared with it, and only its own actions.
 */
export async function jagAgenda(em: EntityManager, partnerAgency?: string, exceptTypes?: readonly string[]): Promise<{ cases: EscalatedCaseItem[]; overdueActions: OverdueActionItem[] }> {
  const except = exceptTypesClause(exceptTypes);
  const cases = await em.execute<unknown[]>(
    `select c.reference, c.team, c.caseworker, c.category, c.risk_level, c.ward, c.stage from asb_case c
     where c.forum = 'JAG' and c.stage not in ('CLOSED', 'ANONYMISED')
     ${partnerAgency ? 'and c.reference in (select reference from case_share where agency = ?)' : ''}${except.sql} order by c.reference`,
    [...(partnerAgency ? [partnerAgency] : []), ...except.params],
  );
  const overdueActions = await em.execute<unknown[]>(
    `select a.reference, a.action_id, a.agency, a.description, to_char(a.due_on, 'YYYY-MM-DD') as due_on, a.forum from partner_action a join asb_case c on c.reference = a.reference
     where a.completed_at is null and a.deadline_missed ${partnerAgency ? 'and a.agency = ?' : ''}${except.sql} order by a.due_on, a.reference`,
    [...(partnerAgency ? [partnerAgency] : []), ...except.params],
  );
  return { cases: escalatedCaseItemsOf(cases), overdueActions: overdueActionItemsOf(overdueActions) };
}
