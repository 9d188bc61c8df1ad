import { Controller, ForbiddenException, Get, Render, Req } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { listScope } from '../../../api/src/auth/access-policy';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { findCases } from '../../../api/src/cases/case-finder';
import { CaseReports } from '../../../api/src/cases/case-reports';

/** More cases than one agency is shared at once: the page lists them all. */
const SHARED_LIMIT = 200;

/**
 * A partner agency's page: the cases shared with it (the API's `GET /cases` for a partner) and the
 * actions assigned to it (the API's `GET /agencies/{agency}/actions`). The list rows carry no names or
 * address, so a summary-only share shows here what its case page shows.
 */
@Controller('shared')
export class PartnerPagesController {
  constructor(
    private readonly em: EntityManager,
    private readonly reports: CaseReports,
  ) {}

  @Get()
  @Render('partner/shared-with-agency')
  @AuditAction('agency.actions')
  async shared(@CurrentCaller() caller: Caller, @Req() audited: AuditedRequest) {
    const scope = listScope(caller);
    if (!('sharedWith' in scope)) throw new ForbiddenException();
    const { rows } = await findCases(this.em.fork(), caller, { filter: {}, sort: 'reference', limit: SHARED_LIMIT });
    const { agency, actions } = await this.reports.agencyActions(caller, scope.sharedWith);
    audited.audit = { after: { agency, cases: rows.length, actions: actions.length } };
    return { pageTitle: 'Shared with your agency', activeNav: 'shared', agency, cases: rows, actions };
  }
}
