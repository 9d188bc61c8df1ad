import { randomUUID } from 'node:crypto';
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
import { type DocumentChoice, documentChoices } from './document-choices';

type PageRequest = SessionRequest & AuditedRequest & { body?: Record<string, unknown> };

/**
 * Notices and letters in the console: the form that generates a step's notice or a letter, and the
 * download, each through the API's own `CaseDocuments` (who may see and make them, the filling, the
 * store, the hash check).
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
    const chosen = typeof request.body?.document === 'string' ? request.body.document : '';
    const choice = documentChoices(view).find((candidate) => candidate.value === chosen);
    inCasesSection(response);
    const parsed = GenerateDocumentRequest.safeParse(choice?.request ?? {});
    if (!choice || !parsed.success) return response.status(400).render('documents/generate', formPage(view, chosen, errorsOn(MISSING)));
    try {
      // The form's own key: a second press of the button, or a resent form, finds the document the first made.
      const idempotencyKey = typeof request.body?.idempotencyKey === 'string' ? request.body.idempotencyKey : undefined;
      const { document, replayed } = await this.documents.generate(view, parsed.data, caller.id, idempotencyKey);
      if (!replayed) request.audit = { reference, after: document };
      await rememberDone(request, `${madeName(choice, document.title)} made: version ${document.version}`);
    } catch (error) {
      const problem = toProblem(error) ?? error;
      if (!(problem instanceof HttpException) || problem.getStatus() !== 409) throw problem;
      const { errors } = problem.getResponse() as { errors?: readonly { message: string }[] };
      const why = errors?.[0]?.message ?? 'the case file lacks something the law requires it to state';
      return response.status(409).render('documents/generate', formPage(view, chosen, errorsOn(`The ${choice.noun} cannot be made yet. ${datesInWords(why)}.`)));
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

const MISSING = 'Select the notice or letter to make';

function documentField(view: CaseView): FieldSpec {
  return {
    name: 'document',
    kind: 'radios',
    label: 'Which notice or letter?',
    hint: 'Making it again keeps the one made before, as an earlier version.',
    missing: MISSING,
    choices: documentChoices(view).map((choice) => ({ value: choice.value, text: choice.label })),
  };
}

/** The banner's name for what was made: a notice by its title, a letter by whom it is to ("Letter to Pat Lee that the case is closed"). */
function madeName(choice: DocumentChoice, title: string): string {
  return choice.noun === 'letter' ? choice.label : title;
}

function errorsOn(text: string): FormErrors {
  return { summary: [{ text, href: `#${firstInputId({ name: 'document', kind: 'radios', label: '' })}` }], byField: { document: text } };
}

function formPage(view: CaseView, document: string, errors: FormErrors = NO_ERRORS) {
  const field = documentField(view);
  return { reference: view.reference, hasChoices: (field.choices ?? []).length > 0, field: fieldView(field, { document }, errors.byField.document), errors, idempotencyKey: randomUUID() };
}
