import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction, type AuditedRequest } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { IdempotencyKeyHeader, parseIdempotencyKey } from '../cases/http-headers';
import { PolicyVersionPath } from '../http/path-params';
import { ValidQuery } from '../http/query';
import { PolicyAdministration } from './policy-administration';
import { DiffQuery, PolicyDraftReplacement, PolicyDraftRequest, PolicyVersionDiff, PolicyVersions, PolicyVersionView, SHIPPED_EXAMPLE } from './policy-version.schemas';

const { approvedBy: _release, ...SHIPPED_FIELDS } = SHIPPED_EXAMPLE;
const DRAFT_EXAMPLE: PolicyVersionView = { ...SHIPPED_FIELDS, id: '2027.1', effectiveFrom: '2027-04-01', status: 'DRAFT', basedOn: '2026.1', draftedBy: 'ada.admin', draftedAt: '2027-03-01T10:00:00.000Z' };
const PUBLISHED_EXAMPLE: PolicyVersionView = { ...DRAFT_EXAMPLE, status: 'PUBLISHED', approvedBy: 'ben.admin', approvedAt: '2027-03-02T09:00:00.000Z' };
const INVALID_DRAFT = {
  ...problemExample(422),
  errors: [
    { field: 'local.communityProtectionWarningComplianceDays', message: 'must be 1–365 days, not 400' },
    { field: 'local.retentionYears', message: 'missing' },
  ],
};
const IDEMPOTENCY = 'Any unique string (a UUID, say). A retry with the same key answers with the first answer and acts no more; the same key with a different body is refused (422).';
const NOT_FOUND = 'No such version, or a draft and you are not an admin.';

/**
 * Policy versions: those shipped with the service and those admins publish without a release (drafted
 * by one admin, approved by another). Staff read the published; admins the drafts too. A running case
 * moves to one only by its movePolicy command.
 */
@ApiTags('policy')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 503, description: 'PostgreSQL is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
@Controller('policy-versions')
export class PolicyVersionsController {
  constructor(private readonly administration: PolicyAdministration) {}

  @Get()
  @AuditAction('policy.read')
  @ApiOperation({ summary: 'The policy versions', description: 'Every published version with its local numbers and its statutory rules by date, oldest first; admins see drafts too. New cases take the latest in force; a running case moves only by its movePolicy command.' })
  @ApiResponse({ status: 200, description: 'The versions, by effective date.', standardSchema: PolicyVersions, example: { versions: [SHIPPED_EXAMPLE] } })
  @ApiResponse({ status: 403, description: 'Partner agencies do not see the partnership’s policy.', standardSchema: Problem, example: problemExample(403) })
  async list(@CurrentCaller() caller: Caller): Promise<z.output<typeof PolicyVersions>> {
    return { versions: await this.administration.list(caller) };
  }

  @Post()
  @HttpCode(201)
  @AuditAction('policy.draft')
  @ApiOperation({
    summary: 'Draft a policy version (admins)',
    description:
      'A whole version, or one `basedOn` a published version with only what changes, and `commence` to bring a provision of the Crime and Policing Act 2026 into force on a date. ' +
      'The draft is judged whole: every field present, every number a whole number within its range, statutory entries in date order with their sources. No case takes it until another admin approves it.',
  })
  @ApiBody({ required: true, examples: { commence: { summary: 'CPW compliance 21 days, and the £500 CPN fixed penalty from 1 June 2027', value: (PolicyDraftRequest.meta() as { examples: unknown[] }).examples[0] } } })
  @ApiResponse({ status: 201, description: 'The draft. `Location` is where to read it.', standardSchema: PolicyVersionView, example: DRAFT_EXAMPLE })
  @ApiResponse({ status: 400, description: 'A request of the wrong form (which field, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: 'Only admins draft policy versions.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({
    status: 422,
    description: 'The draft cannot be a version: `errors` names each field missing, of the wrong kind or out of its range and why; or the id is taken, the base is not published, a provision’s date is missing; or the Idempotency-Key was used with another body (type idempotency-key-reused).',
    standardSchema: Problem,
    example: INVALID_DRAFT,
  })
  @IdempotencyKeyHeader(IDEMPOTENCY)
  async draft(
    @Body({ schema: PolicyDraftRequest }) body: PolicyDraftRequest,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PolicyVersionView> {
    const { view, replayed } = await this.administration.draft(caller, body, parseIdempotencyKey(rawKey));
    response.setHeader('Location', `/policy-versions/${view.id}`);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    else audited.audit = { after: view };
    return view;
  }

  @Get(':id')
  @AuditAction('policy.read')
  @ApiOperation({ summary: 'One policy version', description: 'With who drafted and who approved it.' })
  @PolicyVersionPath()
  @ApiResponse({ status: 200, description: 'The version.', standardSchema: PolicyVersionView, example: PUBLISHED_EXAMPLE })
  @ApiResponse({ status: 403, description: 'Partner agencies do not see the partnership’s policy.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  read(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<PolicyVersionView> {
    return this.administration.read(caller, id);
  }

  @Put(':id')
  @AuditAction('policy.redraft')
  @ApiOperation({ summary: 'Replace a draft (its author)', description: 'The draft anew, judged whole as when drafted. A published version never changes: draft a new one based on it.' })
  @PolicyVersionPath()
  @ApiBody({ required: true, examples: { longer: { summary: 'CPW compliance 28 days instead', value: { effectiveFrom: '2027-04-01', basedOn: '2026.1', local: { communityProtectionWarningComplianceDays: 28 } } } } })
  @ApiResponse({ status: 200, description: 'The draft as replaced.', standardSchema: PolicyVersionView, example: DRAFT_EXAMPLE })
  @ApiResponse({ status: 400, description: 'A request of the wrong form (which field, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: 'Only the admin who drafted it replaces it.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 409, description: 'The version is published (condition POLICY_VERSION_PUBLISHED).', standardSchema: Problem, example: problemExample(409) })
  @ApiResponse({ status: 422, description: 'The draft cannot be a version: `errors` names each field and why.', standardSchema: Problem, example: INVALID_DRAFT })
  async replace(
    @Param('id') id: string,
    @Body({ schema: PolicyDraftReplacement }) body: PolicyDraftReplacement,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
  ): Promise<PolicyVersionView> {
    const view = await this.administration.replace(caller, id, body);
    audited.audit = { after: view };
    return view;
  }

  @Post(':id/approval')
  @HttpCode(201)
  @AuditAction('policy.approve')
  @ApiOperation({
    summary: 'Approve a draft, publishing it (another admin)',
    description: 'The four-eyes rule: an admin other than its author approves it, and it is published: new cases opened on or after its effective date take it, and movePolicy may move a case to it. Approving a version already published acts no more (200).',
  })
  @PolicyVersionPath()
  @ApiResponse({ status: 201, description: 'Approved and published.', standardSchema: PolicyVersionView, example: PUBLISHED_EXAMPLE })
  @ApiResponse({ status: 200, description: 'It was published already: the version as it was approved.', standardSchema: PolicyVersionView, example: PUBLISHED_EXAMPLE })
  @ApiResponse({ status: 400, description: 'An invalid Idempotency-Key (which header, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: 'Only admins approve; and never the version’s own author (condition FOUR_EYES_RULE).', standardSchema: Problem, example: { ...problemExample(403), condition: 'FOUR_EYES_RULE' } })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 409, description: 'A version shipped with the service (condition POLICY_VERSION_PUBLISHED): it was approved by the release.', standardSchema: Problem, example: problemExample(409) })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was already used with a different body (type idempotency-key-reused).', standardSchema: Problem, example: problemExample(422) })
  @IdempotencyKeyHeader(IDEMPOTENCY)
  async approve(
    @Param('id') id: string,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PolicyVersionView> {
    const { view, replayed, repeated } = await this.administration.approve(caller, id, parseIdempotencyKey(rawKey));
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    else if (repeated) response.status(200);
    else audited.audit = { after: view };
    return view;
  }

  @Get(':id/diff')
  @AuditAction('policy.diff')
  @ApiOperation({ summary: 'What a version changes', description: 'Each local number changed (before, after), and each statutory entry added, changed or taken out with its commencement date and source: against the version it is based on, or `against`.' })
  @PolicyVersionPath()
  @ApiResponse({
    status: 200,
    description: 'The changes.',
    standardSchema: PolicyVersionDiff,
    example: {
      from: '2026.1',
      to: '2027.1',
      changes: [
        { path: 'local.communityProtectionWarningComplianceDays', before: 14, after: 21 },
        { path: 'statutory.fixedPenaltyMaximumPounds', commencement: '2027-06-01', before: null, after: 500, source: 'Crime and Policing Act 2026, Part 1, amending Anti-social Behaviour, Crime and Policing Act 2014 s.52(6)' },
      ],
    },
  })
  @ApiResponse({ status: 400, description: 'An invalid `against`.', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 403, description: 'Partner agencies do not see the partnership’s policy.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 404, description: NOT_FOUND, standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 422, description: 'Nothing to compare with: the version is based on none and `against` is not given, or names no version you may see.', standardSchema: Problem, example: problemExample(422) })
  diff(@Param('id') id: string, @ValidQuery(DiffQuery) query: z.output<typeof DiffQuery>, @CurrentCaller() caller: Caller): Promise<PolicyVersionDiff> {
    return this.administration.diff(caller, id, query.against);
  }
}
