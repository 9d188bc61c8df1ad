import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../../libs/auth/src';
import { type PossibleDuplicate, referralFaults } from '../../../../libs/domain/src';
import { mayOpenCase, refersAsPartner, searchScopeOf } from '../auth/access-policy';
import { problems } from '../http/problem';
import { CaseCommands } from './case-commands';
import { CaseReadModel } from './case-read-model';
import type { CaseView, OpenCaseRequest } from './case.schemas';

/**
 * Who may open a case, as what (a team's case, or a partner agency's referral), among which cases a
 * duplicate is looked for, and the case as the opener may then see it: for `POST /cases` and the
 * console's new-case form alike.
 */
@Injectable()
export class CaseOpening {
  constructor(
    private readonly commands: CaseCommands,
    private readonly readModel: CaseReadModel,
  ) {}

  async open(caller: Caller, request: OpenCaseRequest, idempotencyKey: string | undefined): Promise<{ reference: string; view: CaseView; replayed: boolean }> {
    if (!mayOpenCase(caller, request.team)) throw problems.forbidden(`only the ${request.team} team's caseworkers and managers open its cases, or a partner agency refers one`);
    const referral = refersAsPartner(caller) ? { agency: caller.agency.toUpperCase() } : undefined;
    const faults = referral ? referralFaults(request, referral.agency) : [];
    if (faults.length > 0) throw problems.forbidden(faults.map((fault) => `${fault.field}: ${fault.message}`).join('; '));
    const { reference, replayed, firstAnswer } = await this.commands.open(request, {
      actor: caller.id,
      duplicateScope: searchScopeOf(caller),
      ...(referral ? { referral } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    const view = (firstAnswer?.body as CaseView | undefined) ?? (await this.shownTo(caller, await this.readModel.mustFind(reference)));
    if (idempotencyKey && !firstAnswer) await this.commands.rememberAnswer({ open: idempotencyKey }, { status: 201, body: view });
    return { reference, view, replayed };
  }

  /** The open cases the caller may see that the report may repeat: what a 409 POSSIBLE_DUPLICATE lists. */
  matches(caller: Caller, request: OpenCaseRequest): Promise<PossibleDuplicate[]> {
    return this.commands.duplicatesOf(request, searchScopeOf(caller));
  }

  /** The case as the caller may see it: a summary-only share (a partner's, or the referring agency's) gets the summary. */
  shownTo(caller: Caller, view: CaseView): Promise<CaseView> {
    return this.readModel.shownTo(caller, view);
  }
}
