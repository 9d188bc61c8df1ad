import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { ValidQuery } from '../http/query';
import { subjectAccessDocument } from './subject-access.document';
import { subjectAccessAudit, subjectAccessExport } from './subject-access-export';
import { SUBJECT_ACCESS_EXAMPLE, type SubjectAccessExport, subjectAccessJsonSchema, SubjectAccessQuery } from './subject-access.schemas';

/**
 * Subject access (UK GDPR Art. 15): an admin exports everything the partnership holds about one
 * person across all cases, from PostgreSQL (a closed case's workflow history does not last). Each
 * export is audited with who asked, when, whom they searched for and which cases were disclosed.
 */
@ApiTags('subject access')
@ApiBearerAuth()
@Controller('subject-access')
export class SubjectAccessController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @AuditAction('subject-access.export')
  @ApiOperation({
    summary: 'Export everything held about one person (admins)',
    description:
      'Finds the person on every case by name (whatever its case and spacing), narrowed by date of birth when given, and gives what each case holds about them: ' +
      'their party record and, depending on whether they complained, were complained about or witnessed, the records that concern them. Other people on a case are left out, ' +
      'and their names are withheld from free text. `format=html` answers the same export as a readable document (text/html). ' +
      'The export is audited (action `subject-access.export`): who, when, the person searched for, and the cases disclosed.',
  })
  @ApiResponse({
    status: 200,
    description: 'The export: JSON by default, a readable HTML document with `format=html`. An empty `cases` means no case names the person.',
    content: {
      'application/json': { schema: subjectAccessJsonSchema(), example: SUBJECT_ACCESS_EXAMPLE },
      'text/html': { schema: { type: 'string' }, example: subjectAccessDocument(SUBJECT_ACCESS_EXAMPLE) },
    },
  })
  @ApiResponse({ status: 400, description: 'No name, or an invalid date of birth or format.', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
  @ApiResponse({ status: 403, description: 'Only admins export what is held about a person.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 503, description: 'PostgreSQL is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
  async export(
    @ValidQuery(SubjectAccessQuery) query: z.output<typeof SubjectAccessQuery>,
    @CurrentCaller() caller: Caller,
    @Req() request: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectAccessExport | string> {
    const exported = await subjectAccessExport(this.em.fork(), caller, query);
    request.audit = subjectAccessAudit(exported, query.format);
    response.setHeader('Cache-Control', 'no-store');
    if (query.format === 'html') {
      response.type('text/html; charset=utf-8');
      response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      response.setHeader('X-Content-Type-Options', 'nosniff');
      return subjectAccessDocument(exported);
    }
    return exported;
  }
}
