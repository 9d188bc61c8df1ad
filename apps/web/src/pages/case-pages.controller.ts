import { Controller, Get, NotFoundException, Param, Redirect, Render, Req } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { DEADLINE_CATALOGUE } from '../../../../libs/domain/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { CaseRecord, listCases } from '../../../../libs/persistence/src';
import { listScope, mayReadCase, seesSummaryOnly } from '../../../api/src/auth/access-policy';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { CaseReadModel } from '../../../api/src/cases/case-read-model';
import { CaseReferenceParam, type CaseView } from '../../../api/src/cases/case.schemas';

/** The actor the workflow records for what it does by itself: a deadline passing, a reminder, retention. */
const SYSTEM_ACTOR = 'system';

/** A caseworker's page holds their own cases; a page of 200 is more than any one officer carries. */
const MY_CASES_LIMIT = 200;

/**
 * "Your cases" and the case page, read through the API's own read model and access policy. A case the
 * caller may not read is a 404, as if there were none: the URL does not tell another team it exists.
 */
@Controller()
export class CasePagesController {
  constructor(
    private readonly em: EntityManager,
    private readonly readModel: CaseReadModel,
    private readonly directory: StaffDirectory,
  ) {}

  /** People by name, not by their account id; the service itself (a timer, a schedule) by what it records. */
  private nameOf = (id: string | null | undefined): string | null => (id ? (id === SYSTEM_ACTOR ? 'the service' : (this.directory.find(id)?.name ?? id)) : null);

  @Get()
  @Redirect('/cases', 303)
  home(): void {}

  @Get('cases')
  @Render('pages/my-cases')
  @AuditAction('case.search')
  async myCases(@CurrentCaller() caller: Caller, @Req() audited: AuditedRequest) {
    const scope = listScope(caller);
    // A caseworker's own cases; a manager, partner or oversight role sees every case the policy lists for them.
    const own = caller.roles.includes('caseworker') ? { caseworker: caller.id } : {};
    const filter = { ...own, ...('teams' in scope ? { teams: scope.teams } : {}), ...('sharedWith' in scope ? { sharedWith: scope.sharedWith } : {}) };
    // Overdue reviews first (a missed review leaves no next review to sort by), then the next review first.
    const page = (overdue: boolean) => listCases(this.em.fork(), { ...filter, overdue }, 'nextReviewDueAt', MY_CASES_LIMIT).then(({ rows }) => rows);
    const rows = 'none' in scope ? [] : [...(await page(true)), ...(await page(false))].slice(0, MY_CASES_LIMIT);
    audited.audit = { after: { query: { ...own, sort: 'overdue, nextReviewDueAt' }, results: rows.length } };
    return { pageTitle: 'Your cases', activeNav: 'cases', signedIn: caller, cases: rows, ownOnly: 'caseworker' in own };
  }

  @Get('cases/:reference')
  @Render('pages/case')
  @AuditAction('case.view')
  async casePage(@Param('reference') reference: string, @CurrentCaller() caller: Caller) {
    const found = CaseReferenceParam.safeParse(reference).success ? await this.readModel.find(reference) : undefined;
    if (!found || !mayReadCase(caller, found)) throw new NotFoundException();
    const summaryOnly = seesSummaryOnly(caller, found);
    const view = summaryOnly ? await this.readModel.mustFind(reference, { summaryOnly: true }) : found;
    // The history is the account of the case: not for a summary-only share, as the API's timeline.
    const timeline = summaryOnly ? [] : (await this.readModel.timeline(reference)).entries;
    // The domain's own `reviewOverdue`, as the overdue list reads it: a missed review leaves no next review to show.
    const reviewOverdue = (await this.em.fork().findOne(CaseRecord, { reference }, { fields: ['reviewOverdue'] }))?.reviewOverdue ?? false;
    return {
      pageTitle: `Case ${view.reference}`,
      activeNav: 'cases',
      signedIn: caller,
      case: view,
      caseworkerName: this.nameOf(view.caseworker),
      reviewOverdue,
      summaryOnly,
      ledger: ledgerOf(view),
      timeline: timeline.map((entry) => ({ ...entry, actor: this.nameOf(entry.actor) })).reverse(),
    };
  }
}

/** The ledger's rows with their titles, earliest due first, as `GET /cases/{reference}/deadlines` lists them. */
function ledgerOf(view: CaseView) {
  return view.deadlines.map((deadline) => ({ ...deadline, title: DEADLINE_CATALOGUE[deadline.kind].title }));
}
