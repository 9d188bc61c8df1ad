import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { listCaseSaveFailures } from '../../../../libs/persistence/src';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample, CaseReferenceParam } from '../cases/case.schemas';
import { problems } from '../http/problem';
import { queryInteger, ValidQuery } from '../http/query';

const CaseFailureQuery = z
  .strictObject({
    reference: CaseReferenceParam.optional().describe('Only this case’s failures.'),
    limit: queryInteger({ min: 1, max: 500, default: 100 }),
  })
  .meta({ id: 'CaseFailureQuery' });

const CaseFailureView = z
  .strictObject({
    id: z.string(),
    reference: z.string(),
    operation: z.string().describe('What was being done: the command’s name (openCase, allocate…) or the workflow’s own step.'),
    sqlState: z.string().describe('PostgreSQL’s SQLSTATE: class 22 (data exception), 23 (integrity constraint), or 08P01 (a statement PostgreSQL could not read, such as one holding a NUL).'),
    condition: z.string(),
    message: z.string().describe('PostgreSQL’s message, without any value it quoted.'),
    at: z.iso.datetime(),
  })
  .meta({ id: 'CaseFailure' });

const CaseFailurePage = z.strictObject({ failures: z.array(CaseFailureView) }).meta({ id: 'CaseFailurePage' });

const EXAMPLE: z.output<typeof CaseFailureView> = {
  id: '0b6a3c52-8e0f-4d8a-a7d5-2f4a7e1c9b10-1',
  reference: 'ASB-2026-000123',
  operation: 'allocate',
  sqlState: '08P01',
  condition: 'protocol violation',
  message: 'invalid message format',
  at: '2026-12-01T10:42:05.120Z',
};

/**
 * Changes PostgreSQL refused for good, for the admins who are emailed about each: what was being done,
 * and why it was refused. The data refused is not kept.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('case-failures')
export class CaseFailuresController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @AuditAction('case-failure.list')
  @ApiOperation({
    summary: 'Changes of cases that could not be saved (admins)',
    description: 'Newest first. Each answered its command with 500 `case-not-saved` and was emailed to the admins; the case stayed as last saved. /health counts the stuck cases.',
  })
  @ApiResponse({ status: 200, description: 'The failures that match.', standardSchema: CaseFailurePage, example: { failures: [EXAMPLE] } })
  @ApiResponse({ status: 400, description: 'An invalid filter.', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
  @ApiResponse({ status: 403, description: 'Only admins see them.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 503, description: 'PostgreSQL is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
  async list(@ValidQuery(CaseFailureQuery) query: z.output<typeof CaseFailureQuery>, @CurrentCaller() caller: Caller): Promise<z.output<typeof CaseFailurePage>> {
    if (!caller.roles.includes('admin')) throw problems.forbidden('only admins see the changes that could not be saved');
    return { failures: await listCaseSaveFailures(this.em.fork(), { limit: query.limit, ...(query.reference ? { reference: query.reference } : {}) }) };
  }
}
