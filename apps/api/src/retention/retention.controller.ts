import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { addDays, type LocalDate, londonDateOf } from '../../../../libs/domain/src';
import { retentionDue } from '../../../../libs/persistence/src';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { problems } from '../http/problem';
import { queryInteger, ValidQuery } from '../http/query';

const RetentionQuery = z
  .strictObject({
    withinDays: queryInteger({ min: 0, max: 3660, default: 90 }).describe('Due for anonymisation within this many days from today.'),
    until: z.iso.date().optional().describe('Due on or before this date instead (YYYY-MM-DD).'),
  })
  .meta({ id: 'RetentionQuery' });

const RetentionDueView = z
  .strictObject({
    until: z.iso.date(),
    cases: z.array(
      z.strictObject({
        reference: z.string(),
        team: z.string(),
        closedAt: z.iso.datetime().optional(),
        dueOn: z.iso.date().describe('The day its personal data is anonymised, at the end of the day.'),
        reason: z.string().describe('The retention period, or the legal hold (an order in force, an open ASB Case Review) that postponed it.'),
        postponed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'RetentionDue' });

const EXAMPLE: z.output<typeof RetentionDueView> = {
  until: '2027-02-24',
  cases: [
    { reference: 'ASB-2020-000412', team: 'north', closedAt: '2020-12-03T15:20:00.000Z', dueOn: '2026-12-03', reason: 'personal data is kept 6 years after closure (2020-12-03), then anonymised', postponed: false },
    { reference: 'ASB-2019-000077', team: 'south', closedAt: '2019-06-11T10:02:00.000Z', dueOn: '2027-01-15', reason: 'anonymisation postponed by a legal hold: an order (legal-1) is in force until 2027-01-14', postponed: true },
  ],
};

/** What an admin answers for under retention policy: which cases are anonymised soon, and what holds them. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('retention')
export class RetentionController {
  constructor(private readonly em: EntityManager) {}

  @Get('due')
  @AuditAction('retention.read')
  @ApiOperation({ summary: 'Cases due for anonymisation (admins)', description: 'Closed cases whose retention period ends within the window, with the legal hold that postponed any of them. Each is anonymised by its workflow’s timer.' })
  @ApiResponse({ status: 200, description: 'The cases, soonest first.', standardSchema: RetentionDueView, example: EXAMPLE })
  @ApiResponse({ status: 400, description: 'An invalid window.', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
  @ApiResponse({ status: 403, description: 'Only admins manage retention.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 503, description: 'PostgreSQL is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
  async due(@ValidQuery(RetentionQuery) query: z.output<typeof RetentionQuery>, @CurrentCaller() caller: Caller): Promise<z.output<typeof RetentionDueView>> {
    if (!caller.roles.includes('admin')) throw problems.forbidden('only admins manage retention');
    const until = (query.until as LocalDate | undefined) ?? addDays(londonDateOf(new Date()), query.withinDays);
    return { until, cases: await retentionDue(this.em.fork(), until) };
  }
}
