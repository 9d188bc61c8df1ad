import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { CASE_STAGES, DEADLINE_CATALOGUE, RISK_LEVELS } from '../../../../libs/domain/src';
import { type CaseListSort, nextDeadlinesOf } from '../../../../libs/persistence/src';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { restrictedShown } from '../../../api/src/audit/restricted-shown';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { type CaseQuery, findCases } from '../../../api/src/cases/case-finder';
import { inWords } from '../rendering/words';
import { type MyCasesQuery, readMyCasesQuery } from './my-cases-query';
import { byNextDeadline } from './next-deadline-order';

/** One page holds a caseworker's cases; 200 is more than any one officer carries. */
const MY_CASES_LIMIT = 200;

const LIST_SORTS: Record<Exclude<MyCasesQuery['sort'], 'next-deadline'>, CaseListSort> = { newest: '-openedAt', reference: 'reference' };

/**
 * "Your cases": a caseworker's own cases (or their team's), a manager's team, a partner's shared cases,
 * as `GET /cases` scopes them (`findCases`), with filter, search and sort as GET parameters.
 */
@Controller()
export class MyCasesController {
  constructor(private readonly em: EntityManager) {}

  @Get('cases')
  @Render('my-cases/my-cases')
  @AuditAction('case.search')
  async myCases(@CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>, @Req() audited: AuditedRequest) {
    const { query, errors } = readMyCasesQuery(raw);
    const caseworker = caller.roles.includes('caseworker');
    const own = caseworker && query.show === 'mine' ? { caseworker: caller.id } : {};
    const filter = { ...own, ...(query.stage ? { stage: query.stage } : {}), ...(query.riskLevel ? { riskLevel: query.riskLevel } : {}), ...(query.overdue ? { overdue: true } : {}) };
    const ask = (sort: CaseListSort, extra: Partial<CaseQuery['filter']> = {}) =>
      findCases(this.em.fork(), caller, { filter: { ...filter, ...extra }, q: query.q, sort, limit: MY_CASES_LIMIT }).then(({ rows }) => rows);
    // Without a search, "next deadline" needs every overdue case however old, then the rest: two reads of the overdue index.
    const rows =
      query.q || query.sort !== 'next-deadline' ? await ask(query.sort === 'next-deadline' ? 'nextReviewDueAt' : LIST_SORTS[query.sort])
      : query.overdue ? await ask('nextReviewDueAt')
      : [...(await ask('nextReviewDueAt', { overdue: true })), ...(await ask('nextReviewDueAt', { overdue: false }))].slice(0, MY_CASES_LIMIT);
    const next = await nextDeadlinesOf(this.em.fork(), rows.map((row) => row.reference));
    const withNext = rows.map((row) => ({ ...row, nextDeadline: next.get(row.reference) }));
    // A search keeps its best match first; otherwise the order asked for.
    const cases = !query.q && query.sort === 'next-deadline' ? byNextDeadline(withNext) : withNext;
    audited.audit = { after: { query: { ...query, ...own }, results: cases.length }, restrictedShown: restrictedShown(cases) };
    return {
      pageTitle: 'Your cases',
      activeNav: 'cases',
      cases: cases.map((item) => ({
        ...item,
        nextDeadlineTitle: item.nextDeadline ? DEADLINE_CATALOGUE[item.nextDeadline.kind].title : undefined,
        // What the sortable table orders by in the browser: highest risk first, overdue before any date, nothing due last.
        riskRank: item.riskLevel ? RISK_LEVELS.length - RISK_LEVELS.indexOf(item.riskLevel) : RISK_LEVELS.length + 1,
        nextDeadlineRank: item.overdue ? 0 : item.nextDeadline ? Date.parse(item.nextDeadline.dueAt) : Number.MAX_SAFE_INTEGER,
      })),
      query,
      errors,
      caseworker,
      ownOnly: 'caseworker' in own,
      opens: caller.roles.some((role) => role === 'caseworker' || role === 'manager'),
      stages: CASE_STAGES.filter((stage) => stage !== 'ANONYMISED').map((stage) => ({ value: stage, text: inWords(stage), selected: query.stage === stage })),
      riskLevels: [...RISK_LEVELS].reverse().map((level) => ({ value: level, text: inWords(level), selected: query.riskLevel === level })),
    };
  }
}
