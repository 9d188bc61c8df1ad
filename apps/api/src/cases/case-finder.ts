import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { type CaseListFilter, type CaseListPage, type CaseListSort, listCases, searchCases } from '../../../../libs/persistence/src';
import { listFilterOf, searchScopeOf } from '../auth/access-policy';

/** A list or search of cases as a person asks it; the caller's scope is added here, never taken from the asker. */
export interface CaseQuery {
  readonly filter: Omit<CaseListFilter, 'teams' | 'sharedWith' | 'sharedInFullWith' | 'exceptTypes'>;
  /** Words, a postcode or a date of birth: best match first, one page. */
  readonly q?: string | undefined;
  readonly sort: CaseListSort;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/**
 * The cases a caller may see that answer a query: their team's, every team's for oversight roles, or a
 * partner's shared cases (a search finds a partner's cases shared in full only: a summary-only share
 * withholds what a search would match). `GET /cases` and the console's "Your cases" both ask here.
 */
export async function findCases(em: EntityManager, caller: Caller, query: CaseQuery): Promise<CaseListPage> {
  const scope = listFilterOf(caller);
  if (!scope) return { rows: [], next: null };
  if (query.q) return { rows: await searchCases(em, { ...query.filter, ...searchScopeOf(caller) }, query.q, query.limit), next: null };
  return listCases(em, { ...query.filter, ...scope }, query.sort, query.limit, query.cursor);
}
