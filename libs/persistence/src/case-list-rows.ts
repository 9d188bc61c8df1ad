import { z } from 'zod';
import { CASE_CATEGORIES, CASE_STAGES, CASE_TYPES, DEADLINE_KINDS, DEADLINE_STATUSES, FORUMS, RISK_LEVELS } from '../../domain/src';
import { camelized } from './camelized';
import { instantColumn, localDateColumn } from './row-columns';

/**
 * The rows the list and report queries answer (raw SQL, each tuned to an index), checked as they are
 * read and named as the domain names them: a column renamed or a value of a vocabulary the domain does
 * not know fails here, by name, not in a response half-made.
 */

const instant = instantColumn;
const localDate = localDateColumn;

/** One case of a list or a search: `select c.*, … as next_review_due_on, c.review_overdue as overdue from asb_case c`. */
const CaseListRow = z
  .object({
    reference: z.string(),
    version: z.int(),
    stage: z.enum(CASE_STAGES),
    type: z.enum(CASE_TYPES),
    category: z.enum(CASE_CATEGORIES),
    risk_level: z.enum(RISK_LEVELS).nullable(),
    forum: z.enum(FORUMS),
    team: z.string(),
    caseworker: z.string().nullable(),
    ward: z.string().nullable(),
    opened_at: instant,
    next_review_due_on: localDate.nullable(),
    /** A review is still overdue: `reviewOverdue` of libs/domain, as asb_case.review_overdue keeps it. */
    overdue: z.boolean(),
  })
  .transform(camelized);
export type CaseListItem = z.output<typeof CaseListRow>;

/** A deadline of a case with who works the case: the team overview, the managers' digest, the legal queue. */
const CaseDeadlineRow = z
  .object({
    reference: z.string(),
    team: z.string(),
    caseworker: z.string().nullable(),
    risk_level: z.enum(RISK_LEVELS).nullable(),
    deadline_id: z.string(),
    kind: z.enum(DEADLINE_KINDS),
    due_on: localDate,
    due_at: instant,
    status: z.enum(DEADLINE_STATUSES),
    reason: z.string(),
  })
  .transform(camelized);
export type CaseDeadlineItem = z.output<typeof CaseDeadlineRow>;

/** A partner action not done whose deadline the case's ledger holds missed, as the JAG agenda lists it. */
const OverdueActionRow = z
  .object({ reference: z.string(), action_id: z.string(), agency: z.string(), description: z.string(), due_on: localDate, forum: z.enum(FORUMS).nullable() })
  .transform(camelized);
export type OverdueActionItem = z.output<typeof OverdueActionRow>;

/** An agency's action, with the case's category and ward (what an agency may know of a case it was not shared). */
const AgencyActionRow = z
  .object({
    reference: z.string(),
    action_id: z.string(),
    agency: z.string(),
    description: z.string(),
    due_on: localDate,
    forum: z.enum(FORUMS).nullable(),
    completed_at: instant.nullable(),
    outcome: z.string().nullable(),
    /** Not done, and its deadline missed. */
    overdue: z.boolean(),
    category: z.enum(CASE_CATEGORIES),
    ward: z.string().nullable(),
  })
  .transform(camelized);
export type AgencyActionItem = z.output<typeof AgencyActionRow>;

/** A case escalated to the JAG and still open. */
const EscalatedCaseRow = z
  .object({
    reference: z.string(),
    team: z.string(),
    caseworker: z.string().nullable(),
    category: z.enum(CASE_CATEGORIES),
    risk_level: z.enum(RISK_LEVELS).nullable(),
    ward: z.string().nullable(),
    stage: z.enum(CASE_STAGES),
  })
  .transform(camelized);
export type EscalatedCaseItem = z.output<typeof EscalatedCaseRow>;

/** A case's earliest deadline still to meet: what "Your cases" sorts by and shows. */
const NextDeadlineRow = z
  .object({ reference: z.string(), deadline_id: z.string(), kind: z.enum(DEADLINE_KINDS), due_on: localDate, due_at: instant })
  .transform(camelized);
export type NextDeadlineItem = z.output<typeof NextDeadlineRow>;

/** Reads rows of one shape, or fails naming the query, the row and what did not fit. */
function rowsOf<Schema extends z.ZodType>(schema: Schema, query: string) {
  return (rows: readonly unknown[]): z.output<Schema>[] =>
    rows.map((row, index) => {
      const parsed = schema.safeParse(row);
      if (!parsed.success) throw new Error(`row ${index} of ${query} is not of the shape the read side knows: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

export const caseListItemsOf = rowsOf(CaseListRow, 'the case list');
export const caseDeadlineItemsOf = rowsOf(CaseDeadlineRow, 'the deadlines of cases');
export const overdueActionItemsOf = rowsOf(OverdueActionRow, 'the overdue partner actions');
export const agencyActionItemsOf = rowsOf(AgencyActionRow, 'the agency’s actions');
export const nextDeadlineItemsOf = rowsOf(NextDeadlineRow, 'the next deadline of each case');
export const escalatedCaseItemsOf = rowsOf(EscalatedCaseRow, 'the cases escalated to the JAG');
