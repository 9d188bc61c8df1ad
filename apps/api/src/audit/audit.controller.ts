import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { plainText } from '../http/request-fields';
import type { Caller } from '../../../../libs/auth/src';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { queryInteger, ValidQuery } from '../http/query';
import { Problem, problemExample, CaseReferenceParam } from '../cases/case.schemas';
import { AuditAction } from './audit-action.decorator';
import { auditTrailFor } from './audit-trail-reader';

const AuditQueryParams = z
  .strictObject({
    reference: CaseReferenceParam.optional(),
    actor: plainText(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    before: z.string().regex(/^\d+$/).optional().describe('The `id` of the last entry you have: entries come newest first.'),
    limit: queryInteger({ min: 1, max: 500, default: 100 }),
  })
  .meta({ id: 'AuditQuery' });

const AuditPage = z
  .strictObject({
    entries: z.array(
      z.looseObject({ id: z.string(), at: z.iso.datetime(), actor: z.string(), roles: z.array(z.string()), action: z.string(), reference: z.string().optional(), method: z.string(), path: z.string(), status: z.int() }),
    ),
    next: z.string().nullable().describe('Pass as `before` for the next (older) page; null at the end.'),
  })
  .meta({ id: 'AuditPage' });

const AUDIT_PAGE_EXAMPLE: z.output<typeof AuditPage> = {
  entries: [
    {
      id: '4812',
      at: '2026-11-27T14:02:11.204Z',
      actor: 'amira.khan',
      roles: ['caseworker'],
      action: 'case.command.recordEnforcementStep',
      reference: 'ASB-2026-000123',
      method: 'POST',
      path: '/cases/ASB-2026-000123/enforcement-steps',
      status: 200,
      before: { version: 2, stage: 'ALLOCATED' },
      after: { version: 3, stage: 'ACTIVE' },
    },
  ],
  next: '4812',
};

@ApiTags('audit')
@ApiBearerAuth()
@ApiResponse({ status: 503, description: 'PostgreSQL (or, for next steps, Temporal) is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
@Controller('audit')
export class AuditController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @AuditAction('audit.read')
  @ApiOperation({ summary: 'Read the audit trail (admins)', description: 'Every view, search and change: who, when, what, before and after. Newest first, paged by `before`.' })
  @ApiResponse({ status: 200, description: 'A page of entries.', standardSchema: AuditPage, example: AUDIT_PAGE_EXAMPLE })
  @ApiResponse({ status: 400, description: 'An invalid filter.', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
  @ApiResponse({ status: 403, description: 'Only admins read the audit trail.', standardSchema: Problem, example: problemExample(403) })
  async read(@ValidQuery(AuditQueryParams) query: z.output<typeof AuditQueryParams>, @CurrentCaller() caller: Caller): Promise<z.output<typeof AuditPage>> {
    const entries = await auditTrailFor(this.em.fork(), caller, query);
    return { entries: entries.map((entry) => ({ ...entry, roles: [...entry.roles] })), next: entries.length === query.limit ? entries.at(-1)!.id : null };
  }
}
