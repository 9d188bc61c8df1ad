import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../audit/audit-action.decorator';
import { mayDecidePspo, mayRecordPspoBreach } from '../auth/access-policy';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { IdempotencyKeyHeader, parseIdempotencyKey } from '../cases/http-headers';
import { problems } from '../http/problem';
import { ValidQuery } from '../http/query';
import { type PspoChange, PspoOrders } from './pspo-orders';
import { BREACH_EXAMPLE, BREACH_REQUEST_EXAMPLE, CONSULTATION_EXAMPLE, DISCHARGE_EXAMPLE, EXTEND_EXAMPLE, MAKE_EXAMPLE, NOT_CONSULTED_EXAMPLE, TOO_LARGE_EXAMPLE, VARY_EXAMPLE, PSPO_EXAMPLE, STATISTICS_EXAMPLE, TOO_HIGH_EXAMPLE, TOO_LONG_EXAMPLE } from './pspo.examples';
import {
  DischargePspoRequest,
  ExtendPspoRequest,
  MakePspoRequest,
  PSPO_ID_PATTERN,
  PspoBreachList,
  PspoBreachView,
  PspoList,
  PspoPenaltyProblem,
  PspoStatisticsView,
  type PspoView,
  PspoView as PspoViewSchema,
  RecordBreachRequest,
  RecordConsultationRequest,
  StatisticsQuery,
  VaryPspoRequest,
} from './pspo.schemas';

const PspoPath = () => ApiParam({ name: 'pspoId', schema: { type: 'string', pattern: PSPO_ID_PATTERN.source }, example: 'PSPO-2026-001' });
const KEY = 'Any unique string (a UUID, say). A retry with the same key and body answers as the first did and acts no more; the same key with a different body is refused (422).';
const DECIDERS = 'Only managers, the head of service and admins decide on PSPOs (the council’s decision, s.59-61).';
const NOT_FOUND = 'No PSPO has this id.';
const TOO_LARGE = 'The body is larger than the API takes (100 kB): a map within the documented bounds fits.';
const REFUSED_409 = 'The order’s state does not allow it (`condition`): not in force (expired or discharged), no consultation on this decision recorded since it was made or last extended (PSPO_NOT_CONSULTED), the consultation already relied on, or a variation that changes nothing.';
const REFUSED_422 =
  'The request states what the law does not allow (`condition`, `errors[0].field`), or the Idempotency-Key was used with another body (type idempotency-key-reused): an expiry beyond 3 years (PSPO_TOO_LONG), a date in the future, a consultation without the required consultees, a map that is not a closed ring.';

/** What every decision on an order (a consultation, an extension, a variation, a discharge) is documented with. */
function PspoDecisionRoute(route: { summary: string; description: string; answered: string; example: { summary: string; value: unknown }; unlawful: z.input<typeof Problem> }) {
  return applyDecorators(
    HttpCode(200),
    ApiOperation({ summary: route.summary, description: route.description }),
    ApiBody({ required: true, examples: { example: route.example } }),
    PspoPath(),
    IdempotencyKeyHeader(KEY),
    ApiResponse({ status: 200, description: route.answered, standardSchema: PspoViewSchema, example: PSPO_EXAMPLE }),
    ApiResponse({ status: 400, description: 'An invalid request (which field, why).', standardSchema: Problem, example: problemExample(400) }),
    ApiResponse({ status: 403, description: DECIDERS, standardSchema: Problem, example: problemExample(403) }),
    ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) }),
    ApiResponse({ status: 409, description: REFUSED_409, standardSchema: Problem, example: NOT_CONSULTED_EXAMPLE }),
    ApiResponse({ status: 413, description: TOO_LARGE, standardSchema: Problem, example: TOO_LARGE_EXAMPLE }),
    ApiResponse({ status: 422, description: REFUSED_422, standardSchema: Problem, example: route.unlawful }),
  );
}

/** Who may decide on orders: 403 for anyone else. */
function mustDecide(caller: Caller): void {
  if (!mayDecidePspo(caller)) throw problems.forbidden('only managers, the head of service and admins make and decide on PSPOs');
}

/** Public Spaces Protection Orders (ASBCPA 2014 ss.59-75; docs/pspo.md): records of the council's own, not cases. */
@ApiTags('pspos')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 503, description: 'PostgreSQL or Temporal is unreachable: retry after Retry-After (with the same Idempotency-Key).', standardSchema: Problem, example: problemExample(503) })
@Controller('pspos')
export class PsposController {
  constructor(private readonly orders: PspoOrders) {}

  @Post()
  @HttpCode(201)
  @AuditAction('pspo.make')
  @ApiOperation({
    summary: 'Make a PSPO',
    description:
      'Records an order the council has made (s.59), with the consultation held before it (s.72): its area in words and optionally as a GeoJSON Polygon or MultiPolygon, what it prohibits and requires, the day made, ' +
      'its last day (at most 3 years on, s.60(1)), and its owner from the staff directory, who is emailed when the consultation on extending it is due and as it approaches expiry (local policy), and when it lapses.',
  })
  @ApiBody({ required: true, examples: { make: { summary: 'A town centre order', value: MAKE_EXAMPLE } } })
  @IdempotencyKeyHeader(KEY)
  @ApiResponse({ status: 201, description: 'The order. `Location` is where to read it.', standardSchema: PspoViewSchema, example: PSPO_EXAMPLE })
  @ApiResponse({ status: 400, description: 'An invalid request (which field, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: DECIDERS, standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 413, description: TOO_LARGE, standardSchema: Problem, example: TOO_LARGE_EXAMPLE })
  @ApiResponse({ status: 422, description: `${REFUSED_422} Or an owner not in the staff directory (\`owner\`).`, standardSchema: Problem, example: TOO_LONG_EXAMPLE })
  async make(
    @Body({ schema: MakePspoRequest }) request: MakePspoRequest,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PspoView> {
    mustDecide(caller);
    const made = await this.orders.make(request, caller, parseIdempotencyKey(rawKey));
    response.setHeader('Location', `/pspos/${made.body.id}`);
    return this.answer(made, audited, response);
  }

  @Get()
  @AuditAction('pspo.list')
  @ApiOperation({ summary: 'The PSPOs', description: 'Every order the council has made, in force or not, oldest first, with its status today. Every staff role and partner reads them: they are published orders and name no one.' })
  @ApiResponse({ status: 200, description: 'The orders.', standardSchema: PspoList, example: { items: [{ id: 'PSPO-2026-001', title: PSPO_EXAMPLE.title, areaDescription: PSPO_EXAMPLE.area.description, madeOn: PSPO_EXAMPLE.madeOn, expiresOn: PSPO_EXAMPLE.expiresOn, status: 'IN_FORCE', owner: PSPO_EXAMPLE.owner }] } })
  async list(): Promise<z.output<typeof PspoList>> {
    return { items: (await this.orders.list()).map((pspo) => ({ id: pspo.id, title: pspo.title, areaDescription: pspo.area.description, madeOn: pspo.madeOn, expiresOn: pspo.expiresOn, status: pspo.status, owner: pspo.owner })) };
  }

  @Get('statistics')
  @AuditAction('pspo.statistics')
  @ApiOperation({ summary: 'PSPO statistics', description: 'Orders in force today, those expiring within `withinDays` (today counted), and breaches and fixed penalties (count and sum in pounds), in all and by order.' })
  @ApiResponse({ status: 200, description: 'The figures.', standardSchema: PspoStatisticsView, example: STATISTICS_EXAMPLE })
  @ApiResponse({ status: 400, description: 'An invalid window.', standardSchema: Problem, example: problemExample(400) })
  statistics(@ValidQuery(StatisticsQuery) query: z.output<typeof StatisticsQuery>): Promise<z.output<typeof PspoStatisticsView>> {
    return this.orders.statistics(query.withinDays);
  }

  @Get(':pspoId')
  @AuditAction('pspo.read')
  @ApiOperation({ summary: 'A PSPO', description: 'The order with its terms, its consultations, every decision with the terms it left (so earlier terms are kept), and its deadlines still to come.' })
  @PspoPath()
  @ApiResponse({ status: 200, description: 'The order.', standardSchema: PspoViewSchema, example: PSPO_EXAMPLE })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  read(@Param('pspoId') pspoId: string, @Req() audited: AuditedRequest): Promise<PspoView> {
    audited.audit = { reference: pspoId };
    return this.orders.read(pspoId);
  }

  @Post(':pspoId/consultations')
  @AuditAction('pspo.consultation')
  @PspoDecisionRoute({ summary: 'Record a consultation', description: 'A consultation on extending, varying or discharging the order (s.72), once it has closed; it gets the next id (`C2`, …) a decision then names. A consultation on extending ends the owner’s consultation reminders.', answered: 'The order with the consultation.', example: { summary: 'A consultation on extending it', value: CONSULTATION_EXAMPLE }, unlawful: problemExample(422) })
  async consult(@Param('pspoId') pspoId: string, @Body({ schema: RecordConsultationRequest }) request: RecordConsultationRequest, @Headers('idempotency-key') rawKey: string | undefined, @CurrentCaller() caller: Caller, @Req() audited: AuditedRequest, @Res({ passthrough: true }) response: Response): Promise<PspoView> {
    mustDecide(caller);
    return this.answer(await this.orders.recordConsultation(pspoId, request, caller, parseIdempotencyKey(rawKey)), audited, response);
  }

  @Post(':pspoId/extensions')
  @AuditAction('pspo.extend')
  @PspoDecisionRoute({ summary: 'Extend a PSPO', description: 'Before it expires, after a consultation on extending it, to a new last day at most a further 3 years on (s.60(2)); it may be extended again (s.60(4)). Its reminders are planned again from the new expiry.', answered: 'The order, extended.', example: { summary: 'Extended by a further 3 years', value: EXTEND_EXAMPLE }, unlawful: TOO_LONG_EXAMPLE })
  async extend(@Param('pspoId') pspoId: string, @Body({ schema: ExtendPspoRequest }) request: ExtendPspoRequest, @Headers('idempotency-key') rawKey: string | undefined, @CurrentCaller() caller: Caller, @Req() audited: AuditedRequest, @Res({ passthrough: true }) response: Response): Promise<PspoView> {
    mustDecide(caller);
    return this.answer(await this.orders.extend(pspoId, request, caller, parseIdempotencyKey(rawKey)), audited, response);
  }

  @Post(':pspoId/variations')
  @AuditAction('pspo.vary')
  @PspoDecisionRoute({ summary: 'Vary a PSPO', description: 'While it is in force, after a consultation on varying it: the area larger or smaller, a prohibition or requirement altered, removed or added (s.61). The earlier terms stay on the decision before.', answered: 'The order, varied.', example: { summary: 'A prohibition added', value: VARY_EXAMPLE }, unlawful: problemExample(422) })
  async vary(@Param('pspoId') pspoId: string, @Body({ schema: VaryPspoRequest }) request: VaryPspoRequest, @Headers('idempotency-key') rawKey: string | undefined, @CurrentCaller() caller: Caller, @Req() audited: AuditedRequest, @Res({ passthrough: true }) response: Response): Promise<PspoView> {
    mustDecide(caller);
    return this.answer(await this.orders.vary(pspoId, request, caller, parseIdempotencyKey(rawKey)), audited, response);
  }

  @Post(':pspoId/discharge')
  @AuditAction('pspo.discharge')
  @PspoDecisionRoute({ summary: 'Discharge a PSPO', description: 'While it is in force, after a consultation on discharging it (s.61): it stops having effect that day, and its reminders end.', answered: 'The order, discharged.', example: { summary: 'Discharged', value: DISCHARGE_EXAMPLE }, unlawful: problemExample(422) })
  async discharge(@Param('pspoId') pspoId: string, @Body({ schema: DischargePspoRequest }) request: DischargePspoRequest, @Headers('idempotency-key') rawKey: string | undefined, @CurrentCaller() caller: Caller, @Req() audited: AuditedRequest, @Res({ passthrough: true }) response: Response): Promise<PspoView> {
    mustDecide(caller);
    return this.answer(await this.orders.discharge(pspoId, request, caller, parseIdempotencyKey(rawKey)), audited, response);
  }

  @Post(':pspoId/breaches')
  @ApiBody({ required: true, examples: { example: { summary: 'Drinking after being asked to stop, with a £100 notice', value: BREACH_REQUEST_EXAMPLE } } })
  @HttpCode(201)
  @AuditAction('pspo.breach')
  @ApiOperation({
    summary: 'Record a breach and its fixed penalty',
    description:
      'A breach of the order (s.67, s.63(6)) on a day it had effect, with the fixed penalty notice offered for it (s.68). The amount is held to the statutory maximum on the day of the breach (s.68(6); £100, £500 once the Crime and Policing Act 2026 increase commences), ' +
      'read from the policy versions; left out, it is that maximum. Recorded by caseworkers, managers, the head of service, admins, and the police.',
  })
  @PspoPath()
  @IdempotencyKeyHeader(KEY)
  @ApiResponse({ status: 201, description: 'The breach.', standardSchema: PspoBreachView, example: BREACH_EXAMPLE })
  @ApiResponse({ status: 400, description: 'An invalid request (which field, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: 'Legal, the case review coordinator and partners other than the police do not record breaches.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({
    status: 422,
    description: 'A fixed penalty above the maximum on the day of the breach (PSPO_FPN_AMOUNT_ABOVE_MAXIMUM, `errors[0].field` `fixedPenalty.amountPounds`, `maximumPounds`), not in whole pence, dated before the breach or in the future; a breach in the future or on a day the order had no effect; or the Idempotency-Key used with another body.',
    standardSchema: PspoPenaltyProblem,
    example: TOO_HIGH_EXAMPLE,
  })
  async recordBreach(@Param('pspoId') pspoId: string, @Body({ schema: RecordBreachRequest }) request: RecordBreachRequest, @Headers('idempotency-key') rawKey: string | undefined, @CurrentCaller() caller: Caller, @Req() audited: AuditedRequest, @Res({ passthrough: true }) response: Response): Promise<PspoBreachView> {
    if (!mayRecordPspoBreach(caller)) throw problems.forbidden('breaches are recorded by the council’s caseworkers, managers, head of service and admins, and by the police');
    const recorded = await this.orders.recordBreach(pspoId, request, caller, parseIdempotencyKey(rawKey));
    response.setHeader('Location', `/pspos/${pspoId}/breaches`);
    if (recorded.replayed) response.setHeader('Idempotent-Replayed', 'true');
    else audited.audit = { reference: pspoId, after: recorded.body };
    return recorded.body;
  }

  @Get(':pspoId/breaches')
  @AuditAction('pspo.breach.list')
  @ApiOperation({ summary: 'The breaches of a PSPO', description: 'Each breach with its fixed penalty, oldest first.' })
  @PspoPath()
  @ApiResponse({ status: 200, description: 'The breaches.', standardSchema: PspoBreachList, example: { breaches: [BREACH_EXAMPLE] } })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  async breaches(@Param('pspoId') pspoId: string, @Req() audited: AuditedRequest): Promise<z.output<typeof PspoBreachList>> {
    audited.audit = { reference: pspoId };
    return { breaches: await this.orders.breaches(pspoId) };
  }

  /** The order as changed, for the caller and the audit trail (a replay is not a second change). */
  private answer(change: PspoChange<PspoView>, audited: AuditedRequest, response: Response): PspoView {
    if (change.replayed) response.setHeader('Idempotent-Replayed', 'true');
    else audited.audit = { reference: change.body.id, ...(change.before ? { before: change.before } : {}), after: change.body };
    return change.body;
  }
}
