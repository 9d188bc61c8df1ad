import { Controller, Get, NotFoundException, Query, Render, Req, Res } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { subjectAccessDocument } from '../../../api/src/subject-access/subject-access.document';
import { mustExportSubjectAccess, subjectAccessAudit, subjectAccessExport } from '../../../api/src/subject-access/subject-access-export';
import { SubjectAccessQuery } from '../../../api/src/subject-access/subject-access.schemas';
import { type Answers, answersFrom, bodyOf, type FieldSpec } from '../forms/form-fields';
import { errorsOfIssues, NO_ERRORS } from '../forms/form-errors';

const FIELDS: readonly FieldSpec[] = [
  { name: 'name', kind: 'text', label: 'Full name', missing: 'Enter the person’s full name' },
  { name: 'dateOfBirth', kind: 'date', label: 'Date of birth', hint: 'If you know it. For example, 14 7 1991' },
];

/** The person asked about, as the API's subject access query, or the form's errors. */
function personOf(answers: Answers) {
  const { body, unreadable } = bodyOf(FIELDS, answers);
  const parsed = SubjectAccessQuery.safeParse(body);
  if (!parsed.success || unreadable.length > 0) return { errors: errorsOfIssues(FIELDS, unreadable, parsed.success ? [] : parsed.error.issues) };
  return { person: parsed.data };
}

/**
 * Subject access for admins: everything held about one person, found as the API's `GET /subject-access`
 * finds it (the same export, the same admin-only rule, the same audit entry), listed on the page and
 * offered as the document the API gives with `format=html`.
 */
@Controller('admin/subject-access')
export class SubjectAccessPagesController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @Render('admin/subject-access')
  @AuditAction('subject-access.export')
  async page(@Query() query: Record<string, unknown>, @CurrentCaller() caller: Caller, @Req() audited: AuditedRequest) {
    const answers = answersFrom(query);
    const asked = Object.values(answers).some((value) => value !== '');
    const judged = asked ? personOf(answers) : undefined;
    const view = { pageTitle: 'Subject access', activeNav: 'admin', answers, errors: NO_ERRORS, exported: undefined as unknown, documentQuery: '' };
    if (!judged || 'errors' in judged) {
      // Refused to a non-admin before the form is even shown, as the API refuses the export.
      mustExportSubjectAccess(caller);
      return { ...view, pageError: Boolean(judged), errors: judged?.errors ?? NO_ERRORS };
    }
    const exported = await subjectAccessExport(this.em.fork(), caller, judged.person);
    audited.audit = subjectAccessAudit(exported, 'page');
    const documentQuery = new URLSearchParams({ name: judged.person.name, ...(judged.person.dateOfBirth ? { dateOfBirth: judged.person.dateOfBirth } : {}) }).toString();
    return { ...view, exported, documentQuery };
  }

  /** The export as the document to send to the person: the API's `format=html`, downloaded. */
  @Get('document')
  @AuditAction('subject-access.export')
  async document(@Query('name') name: string, @Query('dateOfBirth') dateOfBirth: string | undefined, @CurrentCaller() caller: Caller, @Req() audited: AuditedRequest, @Res() res: Response): Promise<void> {
    const parsed = SubjectAccessQuery.safeParse({ name, ...(dateOfBirth ? { dateOfBirth } : {}), format: 'html' });
    if (!parsed.success) throw new NotFoundException();
    const exported = await subjectAccessExport(this.em.fork(), caller, parsed.data);
    audited.audit = subjectAccessAudit(exported, 'html');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('Content-Disposition', 'attachment; filename="subject-access.html"');
    res.type('text/html; charset=utf-8').send(subjectAccessDocument(exported));
  }
}
