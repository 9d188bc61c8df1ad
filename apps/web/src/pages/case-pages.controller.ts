import { Controller, Get, NotFoundException, Param, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { DEADLINE_CATALOGUE } from '../../../../libs/domain/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { CaseRecord } from '../../../../libs/persistence/src';
import { mayReadCase, seesSummaryOnly } from '../../../api/src/auth/access-policy';
import { AuditAction } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { CaseReadModel } from '../../../api/src/cases/case-read-model';
import { CaseReferenceParam, type CaseView } from '../../../api/src/cases/case.schemas';
import { NextSteps } from '../commands/next-steps';
import { EvidenceShelves } from '../evidence/evidence-shelf';
import { DocumentShelves } from '../documents/document-shelf';
import { takeDone } from '../forms/done-banner';
import { staffNameOf } from '../rendering/staff-names';
import { toProblem } from '../../../api/src/http/dependency-errors';


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
    private readonly nextSteps: NextSteps,
    private readonly evidenceShelves: EvidenceShelves,
    private readonly documentShelves: DocumentShelves,
  ) {}

  private nameOf = (id: string | null | undefined): string | null => staffNameOf(this.directory, id);

  @Get()
  @Redirect('/cases', 303)
  home(): void {}

  @Get('cases/:reference')
  @Render('pages/case')
  @AuditAction('case.view')
  async casePage(@Param('reference') reference: string, @CurrentCaller() caller: Caller, @Req() request: Request) {
    const found = CaseReferenceParam.safeParse(reference).success ? await this.readModel.find(reference) : undefined;
    if (!found || !mayReadCase(caller, found)) throw new NotFoundException();
    const summaryOnly = seesSummaryOnly(caller, found);
    const view = await this.readModel.shownTo(caller, found);
    // The history is the account of the case: not for a summary-only share, as the API's timeline.
    const timeline = summaryOnly ? [] : (await this.readModel.timelineFor(caller, reference)).entries;
    // The domain's own `reviewOverdue`, as the overdue list reads it: a missed review leaves no next review to show.
    const reviewOverdue = (await this.em.fork().findOne(CaseRecord, { reference }, { fields: ['reviewOverdue'] }))?.reviewOverdue ?? false;
    // What could be done next is judged on the whole file: not for a summary-only share, as the API's next steps.
    const nextSteps = summaryOnly ? undefined : await this.nextSteps.panel(caller, view, new Date()).catch(unlessTemporalIsDown);
    return {
      done: takeDone(request),
      nextSteps,
      pageTitle: `Case ${view.reference}`,
      activeNav: 'cases',
      case: view,
      caseworkerName: this.nameOf(view.caseworker),
      reviewOverdue,
      summaryOnly,
      ledger: ledgerOf(view),
      evidence: await this.evidenceShelves.of(caller, found),
      documents: await this.documentShelves.of(caller, found),
      timeline: timeline.map((entry) => ({ ...entry, actor: this.nameOf(entry.actor) })).reverse(),
    };
  }
}

/** The case is still shown while Temporal cannot answer what could be done next; the page says so. */
function unlessTemporalIsDown(error: unknown): { readonly notNow: true } {
  if (toProblem(error)?.getStatus() === 503) return { notNow: true };
  throw error;
}

/** The ledger's rows with their titles, earliest due first, as `GET /cases/{reference}/deadlines` lists them. */
function ledgerOf(view: CaseView) {
  return view.deadlines.map((deadline) => ({ ...deadline, title: DEADLINE_CATALOGUE[deadline.kind].title }));
}
