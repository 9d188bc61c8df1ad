import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../../../libs/auth/src';
import { mayRunCommand, type PartnerGrant } from '../../auth/access-policy';
import type { AuditedRequest } from '../../audit/audit-action.decorator';
import { problems } from '../../http/problem';
import { CaseCommands } from '../case-commands';
import { CaseReadModel } from '../case-read-model';
import type { CaseView } from '../case.schemas';
import { etagOf, parseIdempotencyKey, parseIfMatch } from '../http-headers';
import { CaseLinkChecks } from '../links/case-link-checks';
import { CaseStaffChecks } from '../staffing/case-staff-checks';
import type { CommandRoute } from './command-routes';

export interface CommandDelivery {
  /** The case after the change, as the caller may see it (a summary-only share sees its summary). */
  readonly shown: CaseView;
  readonly etag: string;
  /** A retried Idempotency-Key: the first answer, and nothing done again. */
  readonly replayed: boolean;
}

/**
 * The one way a person's command reaches a case, whether it came from the API or a console form:
 * access policy, link checks, idempotency, the workflow update, and the case read back. The body is
 * the command's validated body (`COMMAND_BODIES`); a refusal is thrown as the API's problem.
 */
@Injectable()
export class CaseCommandDispatch {
  constructor(
    private readonly commands: CaseCommands,
    private readonly readModel: CaseReadModel,
    private readonly links: CaseLinkChecks,
    private readonly staff: CaseStaffChecks,
  ) {}

  /** Whether the caller's role allows the command on this case (a console form asks before it is shown). */
  async mayRun(caller: Caller, route: CommandRoute, before: CaseView, pathParams: Record<string, string>): Promise<boolean> {
    const partnerGrant: PartnerGrant | undefined =
      route.partnerWhen === 'ACTION_OF_THEIR_AGENCY' ? { actionAgency: await this.readModel.agencyOfAction(before.reference, pathParams.actionId ?? '') }
      : route.partnerWhen === 'SHARED_IN_FULL' ? { fullShare: true }
      : undefined;
    return mayRunCommand(caller, route.roles, before, partnerGrant);
  }

  async send(
    caller: Caller,
    route: CommandRoute,
    reference: string,
    pathParams: Record<string, string>,
    body: Record<string, unknown>,
    headers: { readonly ifMatch?: string | undefined; readonly idempotencyKey?: string | undefined },
    audited: AuditedRequest,
  ): Promise<CommandDelivery> {
    const before = await this.readModel.mustFindFor(caller, reference);
    // A refusal is audited with the case as it stood; a change, with the case before and after.
    audited.audit = { reference, before };
    if (!(await this.mayRun(caller, route, before, pathParams))) {
      throw problems.forbidden(`${route.summary.toLowerCase()} is for ${route.roles.join(', ')} (of the case's team, or the action's agency or a full share, as the role requires)`);
    }
    const command = { ...body, ...pathParams };
    await this.links.check(caller, reference, route.command, command);
    this.staff.check(route.command, command);
    const idempotencyKey = parseIdempotencyKey(headers.idempotencyKey);
    const expectedVersions = parseIfMatch(headers.ifMatch);
    if (idempotencyKey) {
      // A retry gets the first answer and acts no more, even if the case has moved on since.
      const claim = await this.commands.claimCommand(reference, route.command, command, idempotencyKey);
      if (claim.outcome === 'replay' && claim.response) {
        const first = claim.response.body as CaseView;
        return { shown: first, etag: etagOf(first), replayed: true };
      }
    }
    await this.commands.run(reference, route.command, command, {
      actor: caller.id,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(expectedVersions !== undefined ? { expectedVersions } : {}),
    });
    const after = await this.readModel.mustFind(reference);
    // A partner completing their action on a summary-only share gets back what that share shows.
    const shown = await this.readModel.shownTo(caller, after);
    if (idempotencyKey) await this.commands.rememberAnswer({ reference, command: route.command, key: idempotencyKey }, { status: 200, body: shown });
    audited.audit = { reference, before, after };
    return { shown, etag: etagOf(shown), replayed: false };
  }
}
