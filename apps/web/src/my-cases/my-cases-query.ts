import { z } from 'zod';
import { CASE_STAGES, RISK_LEVELS } from '../../../../libs/domain/src';
import { plainText } from '../../../api/src/http/request-fields';

/** How "Your cases" can be ordered; "next-deadline" is the caseworker's day: what is overdue, then what falls due first. */
export const MY_CASES_SORTS = ['next-deadline', 'newest', 'reference'] as const;

/**
 * The filter, search and sort of "Your cases", as the form's GET parameters (so a filtered list is a
 * link, and the form works without JavaScript). An empty select or box means "any".
 */
export const MyCasesQuery = z.object({
  q: plainText(200).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  overdue: z.literal('yes').optional(),
  show: z.enum(['mine', 'team']).default('mine'),
  sort: z.enum(MY_CASES_SORTS).default('next-deadline'),
});
export type MyCasesQuery = z.output<typeof MyCasesQuery>;

/** What each parameter is called on the page, for the error summary. */
export const MY_CASES_FIELDS: Readonly<Record<string, string>> = {
  q: 'Search',
  stage: 'Stage',
  riskLevel: 'Risk',
  overdue: 'Overdue reviews only',
  show: 'Show',
  sort: 'Sort by',
};

/**
 * The query as asked, with each invalid parameter dropped and named: a hand-edited link still shows a
 * list, with an error saying which filter was not understood.
 */
export function readMyCasesQuery(raw: Record<string, unknown>): { query: MyCasesQuery; errors: { field: string; text: string }[] } {
  const asked = Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
  const parsed = MyCasesQuery.safeParse(asked);
  if (parsed.success) return { query: parsed.data, errors: [] };
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const errors = [...bad].map((field) => ({ field, text: `${MY_CASES_FIELDS[field] ?? field}: choose one of the options given` }));
  const rest = Object.fromEntries(Object.entries(asked).filter(([key]) => !bad.has(key)));
  return { query: MyCasesQuery.parse(rest), errors };
}
