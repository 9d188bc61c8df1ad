import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { IdempotencyKeyHeader, parseIdempotencyKey } from '../cases/http-headers';
import { CaseReferencePath } from '../http/path-params';
import { CaseDocuments } from './case-documents';
import { documentDownload } from './document-download';
import {
  CASE_DOCUMENT_EXAMPLE,
  CaseDocumentList,
  CaseDocumentView,
  caseDocumentView,
  DOCUMENT_ALTERED_EXAMPLE,
  DOCUMENT_INCOMPLETE_EXAMPLE,
  GenerateDocumentRequest,
} from './case-document.schemas';

// OpenAPI 3.1 (JSON Schema 2020-12) states a binary body by its media type; `format: binary` is 3.0's way.
const PDF_BODY = { type: 'string' as const, contentMediaType: 'application/pdf' };

const REQUEST_EXAMPLES = {
  cpn: { summary: 'The CPN of step-2', value: { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' } },
  closure: { summary: 'The closure notice of step-4', value: { kind: 'CLOSURE_NOTICE', stepId: 'step-4' } },
  closed: { summary: 'The letter telling complainant c1 the case is closed', value: { kind: 'CASE_CLOSED_LETTER', complainantId: 'c1' } },
  review: { summary: 'The outcome letter of ASB Case Review case-review-1', value: { kind: 'CASE_REVIEW_OUTCOME_LETTER', caseReviewId: 'case-review-1' } },
};

const NOT_FOUND = 'No case has this reference, or you may not see its documents: a partner sees them only under a full share.';

/** The notices and letters of a case, through `CaseDocuments` (who may see and make them, and how). */
@ApiTags('documents')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 503, description: 'PostgreSQL is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
@Controller('cases/:reference/documents')
export class CaseDocumentsController {
  constructor(private readonly documents: CaseDocuments) {}

  @Post()
  @HttpCode(201)
  @AuditAction('case.document.generate')
  @ApiOperation({
    summary: 'Generate a notice from the case file',
    description:
      'Fills the wording in force on the day (of the step, the closure, or the Case Review outcome) from the case file, renders it as a tagged PDF (title and language set), ' +
      'stores it with its SHA-256 and lists it on the case. Each call makes a new document, the next `version` of its step (or letter’s complainant or Case Review) and kind, which becomes `current`; none is ever changed. ' +
      'A step’s notice is also made by the service when the step is recorded (`madeOnRecord`), unless the file lacks what the law needs: then it is made here once the file is complete. The case’s own team (caseworkers and managers) generates.',
  })
  @CaseReferencePath()
  @ApiBody({ required: true, examples: REQUEST_EXAMPLES })
  @ApiResponse({ status: 201, description: 'The document, stored. `Location` is where to download it.', standardSchema: CaseDocumentView, example: CASE_DOCUMENT_EXAMPLE })
  @ApiResponse({ status: 400, description: 'An invalid request (which field, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: 'Only the case’s team (caseworkers and managers) generates its notices.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({
    status: 409,
    description:
      'The case file lacks something the law requires the document to state (type `document-incomplete`; `errors[0].field` names it): a CPN with no requirement (`requirements`), ' +
      'a CPW, written warning or Acceptable Behaviour Contract whose conduct or terms are not recorded (`notes`), a fixed penalty notice with no breach recorded (`breaches`), ' +
      'a closure notice whose court hearing is not listed, or is listed later than 48 hours after service (`hearing`), a step naming no subject (`subjectId`), or no step of that kind with that id (`stepId`); ' +
      'a closed-case letter before the closure is approved (`closure`) or to no complainant of the case (`complainantId`); a Case Review outcome letter before its meeting (`recommendations`) or outcome (`outcome`) is recorded, or for no review of the case (`caseReviewId`). Or the case has been anonymised at the end of its retention period (type `refused`, `condition` CASE_ANONYMISED): it keeps no new documents.',
    standardSchema: Problem,
    example: DOCUMENT_INCOMPLETE_EXAMPLE,
  })
  @IdempotencyKeyHeader('Any unique string (a UUID, say). A retry with the same key answers with the document the first made, and makes no second; the same key with a different body is refused (422).')
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was already used with a different body (type idempotency-key-reused).', standardSchema: Problem, example: problemExample(422) })
  async generate(
    @Param('reference') reference: string,
    @Body({ schema: GenerateDocumentRequest }) request: GenerateDocumentRequest,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDocumentView> {
    const view = await this.documents.mustGenerate(reference, caller);
    const { document, replayed } = await this.documents.generate(view, request, caller.id, parseIdempotencyKey(rawKey));
    response.setHeader('Location', document.download);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    else audited.audit = { reference, after: document };
    return document;
  }

  @Get()
  @AuditAction('case.document.list')
  @ApiOperation({ summary: 'The documents of a case', description: 'Every document generated for the case, oldest first, with the template version that worded it and its SHA-256; each with its `version` among the documents of its step (or letter’s complainant or Case Review) and kind, whether it is `current` (the latest), and whether the service made it when its step was recorded (`madeOnRecord`).' })
  @CaseReferencePath()
  @ApiResponse({ status: 200, description: 'The documents.', standardSchema: CaseDocumentList, example: { documents: [CASE_DOCUMENT_EXAMPLE] } })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  async list(@Param('reference') reference: string, @CurrentCaller() caller: Caller): Promise<{ documents: CaseDocumentView[] }> {
    await this.documents.mustSeeDocuments(reference, caller);
    return { documents: (await this.documents.list(reference)).map(caseDocumentView) };
  }

  @Get(':documentId')
  @AuditAction('case.document.download')
  @ApiOperation({
    summary: 'Download a document',
    description:
      'The PDF as it was stored, checked against its recorded SHA-256 before a byte is sent (`Repr-Digest` carries it, RFC 9530). Every download is written to the audit trail.',
  })
  @CaseReferencePath()
  @ApiParam({ name: 'documentId', schema: { type: 'string', format: 'uuid' }, example: CASE_DOCUMENT_EXAMPLE.id })
  @ApiResponse({
    status: 200,
    description: 'The document.',
    headers: { 'Repr-Digest': { description: 'sha-256 of the bytes sent, as recorded when the document was made.', schema: { type: 'string' } } },
    content: { 'application/pdf': { schema: PDF_BODY } },
  })
  @ApiResponse({ status: 404, description: `${NOT_FOUND} Or the case has no such document.`, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 410, description: 'Its bytes were deleted when the case was anonymised at the end of retention (type `file-removed`); the list still shows that it existed.', standardSchema: Problem, example: problemExample(410) })
  @ApiResponse({
    status: 500,
    description: 'The stored bytes are missing or no longer have the recorded SHA-256 (type `document-altered`): nothing is sent.',
    standardSchema: Problem,
    example: DOCUMENT_ALTERED_EXAMPLE,
  })
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
