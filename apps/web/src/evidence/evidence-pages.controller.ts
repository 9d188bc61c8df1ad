import { randomUUID } from 'node:crypto';
import { Controller, Get, HttpCode, HttpException, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { WithdrawEvidenceRequest } from '../../../api/src/evidence/case-evidence.schemas';
import { EvidenceLocker } from '../../../api/src/evidence/evidence-locker';
import { toProblem } from '../../../api/src/http/dependency-errors';
import { inCasesSection } from '../forms/case-section';
import { rememberDone } from '../forms/done-banner';
import { errorsOfIssues, errorsOfProblem } from '../forms/form-errors';
import type { Answers, FieldSpec } from '../forms/form-fields';
import { fieldView } from '../forms/form-view';
import type { SessionRequest } from '../pages/signed-in';
import { evidenceFields, evidenceFieldsOf, FILE_FIELD, uploadPage } from './evidence-form';
import { evidenceDownload } from '../../../api/src/evidence/evidence-download';

type PageRequest = SessionRequest & AuditedRequest & { query: Record<string, unknown>; body?: Record<string, unknown> };

/** What the upload form shows beside its fields rather than as an error page. */
const SHOWN_ON_FORM = new Set([400, 413, 415, 422]);
const REASON: FieldSpec = { name: 'reason', kind: 'textarea', label: 'Why is it withdrawn?', hint: 'It stays on the case, marked as withdrawn, with this reason.', missing: 'Enter why it is withdrawn' };

/**
 * Evidence in the console: the upload form (GOV.UK file upload, no JavaScript needed), the download and
 * the withdrawal, each through the API's own `EvidenceLocker`, so its checks are the API's.
 */
@Controller('cases/:reference/evidence')
export class EvidencePagesController {
  constructor(private readonly locker: EvidenceLocker) {}

  @Get()
  async uploadForm(@Param('reference') reference: string, @CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    const view = await this.locker.mustKeepEvidence(reference, caller);
    inCasesSection(response);
    response.render('evidence/upload', uploadPage(view, response.locals.csrfToken as string, randomUUID()));
  }

  @Post()
  @AuditAction('case.evidence.upload')
  async upload(@Param('reference') reference: string, @CurrentCaller() caller: Caller, @Req() request: PageRequest, @Res() response: Response): Promise<void> {
    const key = typeof request.query.idempotencyKey === 'string' ? request.query.idempotencyKey : undefined;
    let answers: Answers = {};
    try {
      const { evidence } = await this.locker.upload(reference, caller, request, {
        idempotencyKey: key,
        fieldsOf: (raw) => {
          answers = raw;
          return evidenceFieldsOf(raw);
        },
      });
      request.audit = { reference, after: evidence };
    } catch (error) {
      const problem = toProblem(error) ?? error;
      if (!(problem instanceof HttpException) || !SHOWN_ON_FORM.has(problem.getStatus())) throw problem;
      const view = await this.locker.mustKeepEvidence(reference, caller);
      const errors = errorsOfProblem([...evidenceFields(view), FILE_FIELD], problem.getResponse() as object);
      inCasesSection(response);
      return response.status(problem.getStatus()).render('evidence/upload', uploadPage(view, response.locals.csrfToken as string, randomUUID(), answers, errors));
    }
    await rememberDone(request, 'Evidence added to the case');
    response.redirect(303, `/cases/${reference}`);
  }

  @Get(':evidenceId')
  @AuditAction('case.evidence.download')
  async download(
    @Param('reference') reference: string,
    @Param('evidenceId') evidenceId: string,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return evidenceDownload(this.locker, reference, evidenceId, caller, audited, response);
  }

  @Get(':evidenceId/withdrawal')
  async withdrawalForm(@Param('reference') reference: string, @Param('evidenceId') evidenceId: string, @CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    await this.locker.mustKeepEvidence(reference, caller);
    inCasesSection(response);
    response.render('evidence/withdraw', { reference, evidenceId, field: fieldView(REASON, {}, undefined), errors: { summary: [] } });
  }

  @Post(':evidenceId/withdrawal')
  @HttpCode(200)
  @AuditAction('case.evidence.withdraw')
  async withdraw(
    @Param('reference') reference: string,
    @Param('evidenceId') evidenceId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: PageRequest,
    @Res() response: Response,
  ): Promise<void> {
    const answers = { reason: typeof request.body?.reason === 'string' ? request.body.reason : '' };
    const parsed = WithdrawEvidenceRequest.safeParse(answers);
    inCasesSection(response);
    try {
      if (!parsed.success) {
        await this.locker.mustKeepEvidence(reference, caller);
        const errors = errorsOfIssues([REASON], [], parsed.error.issues);
        return response.status(400).render('evidence/withdraw', { reference, evidenceId, field: fieldView(REASON, answers, errors.byField.reason), errors });
      }
      const { before, after } = await this.locker.withdraw(reference, evidenceId, caller, parsed.data);
      request.audit = { reference, before, after };
    } catch (error) {
      const problem = toProblem(error) ?? error;
      if (!(problem instanceof HttpException) || problem.getStatus() !== 409) throw problem;
      const errors = errorsOfProblem([REASON], problem.getResponse() as object);
      return response.status(409).render('evidence/withdraw', { reference, evidenceId, field: fieldView(REASON, answers, undefined), errors });
    }
    await rememberDone(request, 'Evidence withdrawn: it stays on the case, marked');
    response.redirect(303, `/cases/${reference}`);
  }
}
