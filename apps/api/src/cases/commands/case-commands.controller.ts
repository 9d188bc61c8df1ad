import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res, type Type } from '@nestjs/common';
import { AuditAction, type AuditedRequest } from '../../audit/audit-action.decorator';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../../../libs/auth/src';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import type { Response } from 'express';
import type { CaseCommandName } from '../../../../../libs/domain/src';
import { CaseNotSavedResponse, TemporalUnavailableResponse } from '../command-failure-responses';
import { CASE_EXAMPLE, IMPLAUSIBLE_OR_KEY_REUSED, CaseView, Problem, problemExample } from '../case.schemas';
import { IdempotencyKeyHeader, IfMatchHeader } from '../http-headers';
import { CaseCommandDispatch } from './case-command-dispatch';
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
  constructor(readonly dispatch: CaseCommandDispatch) {}
}

function handlerFor(route: CommandRoute): Handler {
  return async function (this: CaseCommandsController, reference, params, body, ifMatch, idempotencyKey, response, caller, audited) {
    const { reference: _reference, ...pathParams } = params;
    const delivered = await this.dispatch.send(caller, route, reference, pathParams, body, { ifMatch, idempotencyKey }, audited);
    response.setHeader('ETag', delivered.etag);
    if (delivered.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return delivered.shown;
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
  method(ApiResponse({ status: 404, description: 'No case has this reference, or it is a restricted case (CSE, Prevent) you are not named for: answered as if there were none.', standardSchema: Problem, example: problemExample(404) }));
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
