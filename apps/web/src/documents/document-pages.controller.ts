import { Controller, Get, HttpException, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import { GenerateDocumentRequest } from '../../../api/src/documents/case-document.schemas';
import { CaseDocuments } from '../../../api/src/documents/case-documents';
import { documentDownload } from '../../../api/src/documents/document-download';
import { toProblem } from '../../../api/src/http/dependency-errors';
import { inCasesSection } from '../forms/case-section';
import { rememberDone } from '../forms/done-banner';
import { type FormErrors, NO_ERRORS } from '../forms/form-errors';
import { type FieldSpec, firstInputId } from '../forms/form-fields';
import { fieldView } from '../forms/form-view';
import { datesInWords } from '../rendering/dates';
import type { SessionRequest } from '../pages/signed-in';
import { noticeSteps } from './document-shelf';

type PageRequest = SessionRequest & AuditedRequest & { body?: Record<string, unknown> };

/**
 * Notices in the console: the form that generates a step's notice, and the download, each through the
 * API's own `CaseDocuments` (who may see and make them, the filling, the store, the hash check).
 */
@Controller('cases/:reference/documents')
export class DocumentPagesController {
  constructor(private readonly documents: CaseDocuments) {}

  @Get()
  async generateForm(@Param('reference') reference: string, @CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    const view = await this.documents.mustGenerate(reference, caller);
    inCasesSection(response);
    response.render('documents/generate', formPage(view, ''));
  }

  @Post()
  @AuditAction('case.document.generate')
  async generate(@Param('reference') reference: string, @CurrentCaller() caller: Caller, @Req() request: PageRequest, @Res() response: Response): Promise<void> {
    const view = await this.documents.mustGenerate(reference, caller);
    const stepId = typeof request.body?.stepId === 'string' ? request.body.stepId : '';
    const step = noticeSteps(view).find((candidate) => candidate.stepId === stepId);
    inCasesSection(response);
    const parsed = GenerateDocumentRequest.safeParse(step ? { kind: step.kind, stepId } : {});
    if (!step || !parsed.success) return response.status(400).render('documents/generate', formPage(view, stepId, errorsOn('Select the step whose notice to make')));
    try {
      const document = await this.documents.generate(view, parsed.data, caller.id);
      request.audit = { reference, after: document };
      await rememberDone(request, `${document.title} made: version ${document.version}`);
    } catch (error) {
      const problem = toProblem(error) ?? error;
      if (!(problem instanceof HttpException) || problem.getStatus() !== 409) throw problem;
      const { errors } = problem.getResponse() as { errors?: readonly { message: string }[] };
      const why = errors?.[0]?.message ?? 'the case file lacks something the law requires it to state';
      return response.status(409).render('documents/generate', formPage(view, stepId, errorsOn(`The notice cannot be made yet. ${datesInWords(why)}.`)));
    }
    response.redirect(303, `/cases/${reference}#documents`);
  }

  @Get(':documentId')
  @AuditAction('case.document.download')
  async download(
    @Param('reference') reference: string,
    @Param('documentId') documentId: string,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return documentDownload(this.documents, reference, documentId, caller, audited, response);
  }
}

function stepField(view: CaseView): FieldSpec {
  return {
    name: 'stepId',
    kind: 'radios',
    label: 'Which step is the notice for?',
    hint: 'Making it again keeps the notice made before, as an earlier version.',
    missing: 'Select the step whose notice to make',
    choices: noticeSteps(view).map((step) => ({ value: step.stepId, text: step.label })),
  };
}

function errorsOn(text: string): FormErrors {
  return { summary: [{ text, href: `#${firstInputId({ name: 'stepId', kind: 'radios', label: '' })}` }], byField: { stepId: text } };
}

function formPage(view: CaseView, stepId: string, errors: FormErrors = NO_ERRORS) {
  const field = stepField(view);
  return { reference: view.reference, hasSteps: (field.choices ?? []).length > 0, field: fieldView(field, { stepId }, errors.byField.stepId), errors };
}
