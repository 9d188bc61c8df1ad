import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { IdempotencyKeyHeader, parseIdempotencyKey } from '../cases/http-headers';
import { CaseReferencePath } from '../http/path-params';
import {
  CASE_EVIDENCE_EXAMPLE,
  CaseEvidenceList,
  CaseEvidenceView,
  EVIDENCE_ALTERED_EXAMPLE,
  EVIDENCE_TOO_LARGE_EXAMPLE,
  EVIDENCE_TYPE_REFUSED_EXAMPLE,
  EVIDENCE_UPLOAD_BODY,
  WithdrawEvidenceRequest,
} from './case-evidence.schemas';
import { EvidenceLocker } from './evidence-locker';
import { EVIDENCE_MEDIA_TYPES } from './evidence-types';
import { evidenceDownload } from './evidence-download';

const NOT_FOUND = 'No case has this reference, or you may not see its evidence: a partner sees it only under a full share.';
// OpenAPI 3.1 (JSON Schema 2020-12) states a binary body by its media type; `format: binary` is 3.0's way.
const BINARY = { type: 'string' as const, contentMediaType: 'application/octet-stream' };
const EvidencePath = () => ApiParam({ name: 'evidenceId', schema: { type: 'string', format: 'uuid' }, example: CASE_EVIDENCE_EXAMPLE.id });

/**
 * Evidence kept with a case: uploaded as multipart, streamed to the object store and never held whole,
 * allowed by its content, downloaded only while its bytes are those recorded, withdrawn but never deleted.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 503, description: 'PostgreSQL is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
@Controller('cases/:reference/evidence')
export class CaseEvidenceController {
  constructor(private readonly locker: EvidenceLocker) {}

  @Post()
  @HttpCode(201)
  @AuditAction('case.evidence.upload')
  @ApiOperation({
    summary: 'Keep a file as evidence on the case',
    description:
      'A `multipart/form-data` body: the fields, then one part named `file`, streamed to the object store as it arrives (key `cases/<reference>/evidence/<id>`), its SHA-256 and size counted on the way. ' +
      'Its type is judged by its content, not its name: PDF, images (JPEG, PNG, GIF, WebP, HEIC), audio (MP3, WAV, M4A/AAC, Ogg), plain UTF-8 text and office documents (DOCX, XLSX, PPTX, ODT, ODS, DOC, XLS). ' +
      'The case’s own team (caseworkers and managers) uploads.',
  })
  @CaseReferencePath()
  @ApiConsumes('multipart/form-data')
  @ApiBody(EVIDENCE_UPLOAD_BODY as never)
  @ApiResponse({ status: 201, description: 'The evidence, kept. `Location` is where to download it.', standardSchema: CaseEvidenceView, example: CASE_EVIDENCE_EXAMPLE })
  @ApiResponse({ status: 400, description: 'A field is missing or not valid, the form is not well-formed multipart, or it has no `file` part, or more than one (`errors` names each).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: 'Only the case’s team (caseworkers and managers) adds evidence.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 409, description: 'The case has been anonymised at the end of its retention period (`condition` CASE_ANONYMISED): it keeps no new files.', standardSchema: Problem, example: problemExample(409) })
  @ApiResponse({
    status: 413,
    description:
      'The file is larger than `EVIDENCE_MAX_BYTES` (50 MiB unless set; type `evidence-too-large`): refused from `Content-Length` before a byte is read when it says so, else the moment the stream passes the limit. Nothing is kept.',
    standardSchema: Problem,
    example: EVIDENCE_TOO_LARGE_EXAMPLE,
  })
  @ApiResponse({
    status: 415,
    description:
      'The body is not `multipart/form-data`, or the file’s content is not a type kept as evidence, or not the type its part declared (a `.pdf` that is an executable; type `evidence-type-refused`). Nothing is kept.',
    standardSchema: Problem,
    example: EVIDENCE_TYPE_REFUSED_EXAMPLE,
  })
  @IdempotencyKeyHeader('Any unique string (a UUID, say). A retry with the same key, fields and file answers with the evidence the first kept, and keeps no second; the same key with other fields or another file is refused (422).')
  @ApiResponse({
    status: 422,
    description: 'The incident named is not on this case (`errors[0].field` `incidentId`), `providedOn` is in the future, the file is empty (`file`), or the Idempotency-Key was already used with a different upload (type idempotency-key-reused).',
    standardSchema: Problem,
    example: problemExample(422),
  })
  async upload(
    @Param('reference') reference: string,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentCaller() caller: Caller,
    @Req() request: Request & AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseEvidenceView> {
    const { evidence, replayed } = await this.locker.upload(reference, caller, request, { idempotencyKey: parseIdempotencyKey(rawKey) });
    request.audit = { reference, after: evidence };
    response.setHeader('Location', evidence.download);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return evidence;
  }

  @Get()
  @AuditAction('case.evidence.list')
  @ApiOperation({ summary: 'The evidence of a case', description: 'Every item kept, oldest first, with its SHA-256; withdrawn items stay listed, with their `withdrawal`.' })
  @CaseReferencePath()
  @ApiResponse({ status: 200, description: 'The evidence.', standardSchema: CaseEvidenceList, example: { evidence: [CASE_EVIDENCE_EXAMPLE] } })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  async list(@Param('reference') reference: string, @CurrentCaller() caller: Caller): Promise<{ evidence: CaseEvidenceView[] }> {
    return { evidence: await this.locker.list(reference, caller) };
  }

  @Get(':evidenceId')
  @AuditAction('case.evidence.download')
  @ApiOperation({
    summary: 'Download evidence',
    description:
      'The file as it was uploaded, streamed, after its stored bytes were checked against the SHA-256 recorded at upload (`Repr-Digest` carries it, RFC 9530). Withdrawn evidence still downloads. Every download is written to the audit trail.',
  })
  @CaseReferencePath()
  @EvidencePath()
  @ApiResponse({
    status: 200,
    description: 'The file, as an attachment, of the type its content showed at upload.',
    headers: { 'Repr-Digest': { description: 'sha-256 of the bytes sent, as recorded at upload.', schema: { type: 'string' } } },
    content: Object.fromEntries(EVIDENCE_MEDIA_TYPES.map((type) => [type, { schema: BINARY }])),
  })
  @ApiResponse({ status: 404, description: `${NOT_FOUND} Or the case has no such evidence.`, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 410, description: 'Its bytes were deleted when the case was anonymised at the end of retention (type `file-removed`); the list still shows that it existed.', standardSchema: Problem, example: problemExample(410) })
  @ApiResponse({ status: 500, description: 'The stored bytes are missing or no longer have the recorded SHA-256 (type `evidence-altered`): nothing is sent.', standardSchema: Problem, example: EVIDENCE_ALTERED_EXAMPLE })
  async download(
    @Param('reference') reference: string,
    @Param('evidenceId') evidenceId: string,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return evidenceDownload(this.locker, reference, evidenceId, caller, audited, response);
  }

  @Post(':evidenceId/withdrawal')
  @HttpCode(200)
  @AuditAction('case.evidence.withdraw')
  @ApiOperation({ summary: 'Withdraw evidence', description: 'Records, once, that the evidence is withdrawn, when, by whom and why. It is kept and still listed, marked. The case’s own team withdraws.' })
  @CaseReferencePath()
  @EvidencePath()
  @ApiBody({ required: true, examples: { withdrawn: { summary: 'Set aside', value: (WithdrawEvidenceRequest.meta() as { examples: unknown[] }).examples[0] } } })
  @ApiResponse({ status: 200, description: 'The evidence, with its withdrawal.', standardSchema: CaseEvidenceView, example: { ...CASE_EVIDENCE_EXAMPLE, withdrawal: { at: '2026-12-02T09:00:00.000Z', by: 'amira.khan', reason: 'Set aside at the complainant’s request.' } } })
  @ApiResponse({ status: 400, description: 'An invalid request (which field, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: 'Only the case’s team (caseworkers and managers) withdraws evidence.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 404, description: `${NOT_FOUND} Or the case has no such evidence.`, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 409, description: 'It was already withdrawn (type `evidence-already-withdrawn`): the first withdrawal stands.', standardSchema: Problem, example: problemExample(409) })
  @IdempotencyKeyHeader('Accepted for a retry: withdrawal is recorded once whatever the key, and a retry after it answers 409.')
  async withdraw(
    @Param('reference') reference: string,
    @Param('evidenceId') evidenceId: string,
    @Body({ schema: WithdrawEvidenceRequest }) request: WithdrawEvidenceRequest,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
  ): Promise<CaseEvidenceView> {
    const { before, after } = await this.locker.withdraw(reference, evidenceId, caller, request);
    audited.audit = { reference, before, after };
    return after;
  }
}
