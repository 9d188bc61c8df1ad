import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res, type Type } from '@nestjs/common';
import { AuditAction, type AuditedRequest } from '../../audit/audit-action.decorator';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../../../libs/auth/src';
import { mayRunCommand, type PartnerGrant, seesSummaryOnly } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { problems } from '../../http/problem';
import type { Response } from 'express';
import type { CaseCommandName } from '../../../../../libs/domain/src';
import { CaseCommands } from '../case-commands';
import { CaseReadModel } from '../case-read-model';
import { CaseLinkChecks } from '../links/case-link-checks';
import { CaseNotSavedResponse, TemporalUnavailableResponse } from '../command-failure-responses';
import { CASE_EXAMPLE, IMPLAUSIBLE_OR_KEY_REUSED, CaseView, Problem, problemExample } from '../case.schemas';
import { etagOf, IdempotencyKeyHeader, IfMatchHeader, parseIdempotencyKey, parseIfMatch } from '../http-headers';
import { COMMAND_ROUTES, type CommandRoute } from './command-routes';
import { COMMAND_BODIES } from './command.schemas';
import { CASE_PART_PATHS, CaseReferencePath } from '../../http/path-params';

type Handler = (
  reference: string,
  params: Record<string, string>,
  body: Record<string, unknown>,
  ifMatch: string | undefined,
  idempotencyKey: string | undefined,
  response: Response,
  caller: Caller,
  audited: AuditedRequest,
) => Promise<CaseView>;

/**
 * Every case command as its own documented route, made from COMMAND_ROUTES and the domain's command
 * catalogue: adding a command there adds its endpoint, its validation and its OpenAPI entry here.
 */
@ApiTags('case commands')
@ApiBearerAuth()
@Controller('cases/:reference')
export class CaseCommandsController {
  constructor(
    readonly commands: CaseCommands,
    readonly readModel: CaseReadModel,
    readonly links: CaseLinkChecks,
  ) {}
}

function handlerFor(route: CommandRoute): Handler {
  return async function (this: CaseCommandsController, reference, params, body, ifMatch, rawKey, response, caller, audited) {
    const before = await this.readModel.mustFind(reference);
    audited.audit = { reference, before };
    const partnerGrant: PartnerGrant | undefined =
      route.partnerWhen === 'ACTION_OF_THEIR_AGENCY' ? { actionAgency: await this.readModel.agencyOfAction(reference, params.actionId ?? '') }
      : route.partnerWhen === 'SHARED_IN_FULL' ? { fullShare: true }
      : undefined;
    if (!mayRunCommand(caller, route.roles, before, partnerGrant)) {
      throw problems.forbidden(`${route.summary.toLowerCase()} is for ${route.roles.join(', ')} (of the case's team, or the action's agency or a full share, as the role requires)`);
    }
    const { reference: _reference, ...pathParams } = params;
    const command = { ...body, ...pathParams };
    await this.links.check(caller, reference, route.command, command);
    const idempotencyKey = parseIdempotencyKey(rawKey);
    const expectedVersions = parseIfMatch(ifMatch);
    if (idempotencyKey) {
      // A retry gets the first answer and acts no more, even if the case has moved on since.
      const claim = await this.commands.claimCommand(reference, route.command, command, idempotencyKey);
      if (claim.outcome === 'replay' && claim.response) {
        const first = claim.response.body as CaseView;
        response.setHeader('ETag', etagOf(first)).setHeader('Idempotent-Replayed', 'true');
        return first;
      }
    }
    await this.commands.run(reference, route.command, command, {
      actor: caller.id,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(expectedVersions !== undefined ? { expectedVersions } : {}),
    });
    const view = await this.readModel.mustFind(reference);
    // A partner completing their action on a summary-only share gets back what that share shows.
    const shown = seesSummaryOnly(caller, view) ? await this.readModel.mustFind(reference, { summaryOnly: true }) : view;
    if (idempotencyKey) await this.commands.rememberAnswer({ reference, command: route.command, key: idempotencyKey }, { status: 200, body: shown });
    audited.audit = { reference, before, after: view };
    response.setHeader('ETag', etagOf(shown));
    return shown;
  };
}

for (const route of COMMAND_ROUTES) defineCommandRoute(CaseCommandsController, route);

function defineCommandRoute(controller: Type<CaseCommandsController>, route: CommandRoute): void {
  const prototype = controller.prototype as unknown as Record<string, unknown>;
  const name: CaseCommandName = route.command;
  // @nestjs/swagger finds a route's parameter metadata by the handler function's own name.
  prototype[name] = Object.defineProperty(handlerFor(route), 'name', { value: name });
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
  const method = (decorator: MethodDecorator) => decorator(prototype, name, descriptor);
  const parameter = (index: number, decorator: ParameterDecorator) => decorator(prototype, name, index);
  // What TypeScript would emit for a hand-written route; @nestjs/swagger documents the body from it.
  // Headers are typed Object so that only the ApiHeader declarations (optional, properly named) document them.
  Reflect.defineMetadata('design:paramtypes', [String, Object, COMMAND_BODIES[name], Object, Object, Object, Object, Object], prototype, name);

  method(Post(route.path));
  // The body's schema comes from the zod schema; its example is added here, where the document shows it.
  const example = (COMMAND_BODIES[name].meta() as { examples?: unknown[] } | undefined)?.examples?.[0];
  if (example !== undefined) method(ApiBody({ required: true, examples: { [name]: { summary: route.summary, value: example } } }));
  method(HttpCode(200));
  method(ApiOperation({ operationId: name, summary: route.summary, description: `${route.description}\n\nAllowed for: ${route.roles.join(', ')}.` }));
  method(CaseReferencePath());
  for (const pathParam of route.path.match(/:(\w+)/g) ?? []) method(CASE_PART_PATHS[pathParam.slice(1)]!());
  method(IfMatchHeader());
  method(IdempotencyKeyHeader('A retry with the same key acts once and returns the first result; the same key with a different body is refused (422).'));
  method(ApiResponse({ status: 422, description: IMPLAUSIBLE_OR_KEY_REUSED, standardSchema: Problem, example: problemExample(422) }));
  method(ApiResponse({ status: 200, description: 'The case after the change; ETag is its new version.', standardSchema: CaseView, example: CASE_EXAMPLE }));
  method(ApiResponse({ status: 400, description: 'A field is invalid; one entry per field.', standardSchema: Problem, example: problemExample(400) }));
  method(ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) }));
  method(ApiResponse({ status: 403, description: `Allowed for: ${route.roles.join(', ')}.`, standardSchema: Problem, example: problemExample(403) }));
  method(ApiResponse({ status: 404, description: 'No case has this reference.', standardSchema: Problem, example: problemExample(404) }));
  method(
    ApiResponse({
      status: 409,
      description: 'Refused: `condition` names the failing precondition and `holdsFrom` the date it will hold where time cures it; or CONCURRENT_CHANGE when If-Match is stale.',
      standardSchema: Problem,
      example: problemExample(409),
    }),
  );
  method(TemporalUnavailableResponse('Retry with the same Idempotency-Key: it acts at most once.'));
  method(CaseNotSavedResponse());
  parameter(0, Param('reference'));
  parameter(1, Param());
  parameter(2, Body({ schema: COMMAND_BODIES[name] }));
  parameter(3, Headers('if-match'));
  parameter(4, Headers('idempotency-key'));
  parameter(5, Res({ passthrough: true }));
  parameter(6, CurrentCaller());
  parameter(7, Req());
  method(AuditAction(`case.command.${name}`));
}
