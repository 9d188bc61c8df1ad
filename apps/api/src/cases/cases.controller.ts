import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { AuditAction, type AuditedRequest } from '../audit/audit-action.decorator';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../../libs/auth/src';
import { mayReadCase, seesSummaryOnly } from '../auth/access-policy';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { problems } from '../http/problem';
import type { Response } from 'express';
import { etagOf, IdempotencyKeyHeader, parseIdempotencyKey } from './http-headers';
import { CaseCommands } from './case-commands';
import { CaseOpening } from './case-opening';
import { CaseReadModel } from './case-read-model';
import { CaseNotSavedResponse, TemporalUnavailableResponse } from './command-failure-responses';
import { CASE_EXAMPLE, IMPLAUSIBLE_OR_KEY_REUSED, POSSIBLE_DUPLICATE_EXAMPLE, CaseView, LEDGER_EXAMPLE, NEXT_STEPS_EXAMPLE, TIMELINE_EXAMPLE, LedgerView, NextStepsView, OpenCaseRequest, Problem, problemExample, TimelineView } from './case.schemas';
import { CaseReferencePath } from '../http/path-params';

const InvalidRequestResponse = () =>
  ApiResponse({ status: 400, description: 'A field is invalid; one entry per field.', standardSchema: Problem, example: problemExample(400) });
const UnavailableResponse = () =>
  ApiResponse({ status: 503, description: 'PostgreSQL is unreachable (type `unavailable`). See Retry-After.', standardSchema: Problem, example: problemExample(503) });
const CommandResponses = () =>
  applyDecorators(
    IdempotencyKeyHeader('Any unique string (a UUID, say). A retry with the same key returns the first result and acts once, across API restarts.'),
    InvalidRequestResponse(),
    TemporalUnavailableResponse('Retry with the same Idempotency-Key: it acts at most once.'),
    CaseNotSavedResponse(),
  );

@ApiTags('cases')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 403, description: 'Your role, team or agency does not allow this.', standardSchema: Problem, example: problemExample(403) })
@ApiResponse({ status: 503, description: 'PostgreSQL (or, for next steps, Temporal) is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly readModel: CaseReadModel,
    private readonly opening: CaseOpening,
  ) {}

  @Post()
  @HttpCode(201)
  @AuditAction('case.open')
  @ApiOperation({
    summary: 'Open a case',
    description:
      'Allocates a reference (ASB-YYYY-NNNNNN), starts the case workflow and plans the first review from the risk level.\n\n' +
      'A report whose complainant, subject or address matches an open case you may see is answered 409 POSSIBLE_DUPLICATE with the matches; send it again with ' +
      '`possibleDuplicates` to open it anyway or linked to them (recorded in the timeline), or record it as an incident on that case instead.\n\n' +
      'A partner agency’s user (the police, a housing provider) refers a case to any team: it opens REPORTED and unallocated, by POLICE_REFERRAL for the police and ' +
      'PARTNER_REFERRAL for any other agency, with no risk level, risk assessment or caseworker (403 names the field), and is shared with the agency as a summary so that it can follow it.',
  })
  @CommandResponses()
  @ApiBody({ required: true, examples: { noiseDispute: { summary: 'A noise dispute triaged at intake', value: (OpenCaseRequest.meta() as { examples: unknown[] }).examples[0] } } })
  @ApiResponse({ status: 201, description: 'The opened case (or, for a retried Idempotency-Key, the case it opened).', standardSchema: CaseView, example: CASE_EXAMPLE })
  @ApiResponse({ status: 422, description: IMPLAUSIBLE_OR_KEY_REUSED, standardSchema: Problem, example: problemExample(422) })
  @ApiResponse({
    status: 409,
    description:
      'POSSIBLE_DUPLICATE: the complainant, a subject or the address matches an open case you may see (`matches`). Send the request again with `possibleDuplicates` ' +
      '(OPEN_ANYWAY or OPEN_AND_LINK, the references and why), or record the report as an incident on that case instead.',
    standardSchema: Problem,
    example: POSSIBLE_DUPLICATE_EXAMPLE,
  })
  async open(
    @Body({ schema: OpenCaseRequest }) request: OpenCaseRequest,
    @Headers('idempotency-key') rawKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
  ): Promise<CaseView> {
    const { reference, view, replayed } = await this.opening.open(caller, request, parseIdempotencyKey(rawKey));
    audited.audit = { reference, after: view };
    response.setHeader('Location', `/cases/${reference}`).setHeader('ETag', etagOf(view));
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get(':reference')
  @AuditAction('case.view')
  @ApiOperation({
    summary: 'Read the whole case file',
    description:
      'One read of the whole file: stage, risk, caseworker, the next review and the deadline ledger, and every part with its id and state: complainants, subjects, witnesses, ' +
      'incidents, enforcement steps (with their requirements, compliance and appeal windows, breaches and payments; `enforcementSteps[].id` is the stepId a compliance check names), ' +
      'legal referrals (hearings, orders and their breaches), partner actions, forum history, the adults-at-risk referral and ASB Case Reviews. `links` leads to the timeline, the ledger ' +
      'with titles and the next steps.\n\nA partner whose agency has a summary-only share sees ids, kinds, states and dates, and no name, date of birth, contact, address or account ' +
      '(each withheld, or null); a full share sees the whole file.',
  })
  @CaseReferencePath()
  @ApiResponse({ status: 200, description: 'The case.', standardSchema: CaseView, example: CASE_EXAMPLE })
  @ApiResponse({ status: 404, description: 'No case has this reference, or it is a restricted case (CSE, Prevent) you are not named for: answered as if there were none.', standardSchema: Problem, example: problemExample(404) })
  @UnavailableResponse()
  async read(@Param('reference') reference: string, @Res({ passthrough: true }) response: Response, @CurrentCaller() caller: Caller): Promise<CaseView> {
    const shown = await this.shownTo(caller, await this.mustRead(reference, caller));
    response.setHeader('ETag', etagOf(shown));
    return shown;
  }


  @Get(':reference/timeline')
  @AuditAction('case.view.timeline')
  @ApiOperation({ summary: 'The case history', description: 'Every command and timer outcome, oldest first, as recorded in PostgreSQL.' })
  @CaseReferencePath()
  @ApiResponse({ status: 200, description: 'The timeline.', standardSchema: TimelineView, example: TIMELINE_EXAMPLE })
  @ApiResponse({ status: 404, description: 'No case has this reference, or it is a restricted case (CSE, Prevent) you are not named for: answered as if there were none.', standardSchema: Problem, example: problemExample(404) })
  async timeline(@Param('reference') reference: string, @CurrentCaller() caller: Caller): Promise<TimelineView> {
    await this.mustReadInFull(reference, caller);
    return this.readModel.timelineFor(caller, reference);
  }

  @Get(':reference/deadlines')
  @AuditAction('case.view.deadlines')
  @ApiOperation({ summary: 'The deadline ledger', description: 'Every deadline the case has had: what, due when, pending/met/missed/cancelled, and why it exists.' })
  @CaseReferencePath()
  @ApiResponse({ status: 200, description: 'The ledger, earliest due first.', standardSchema: LedgerView, example: LEDGER_EXAMPLE })
  @ApiResponse({ status: 404, description: 'No case has this reference, or it is a restricted case (CSE, Prevent) you are not named for: answered as if there were none.', standardSchema: Problem, example: problemExample(404) })
  async deadlines(@Param('reference') reference: string, @CurrentCaller() caller: Caller): Promise<LedgerView> {
    await this.mustReadInFull(reference, caller);
    return this.readModel.ledger(reference);
  }

  @Get(':reference/next-steps')
  @AuditAction('case.view.next-steps')
  @ApiOperation({
    summary: 'What can be done next',
    description: 'Every command and enforcement step, each available or with the refusal that says which condition fails and, where time will cure it, from when it will hold.',
  })
  @CaseReferencePath()
  @ApiResponse({ status: 200, description: 'The steps, as of now.', standardSchema: NextStepsView, example: NEXT_STEPS_EXAMPLE })
  @ApiResponse({ status: 404, description: 'No case has this reference, or it is a restricted case (CSE, Prevent) you are not named for: answered as if there were none.', standardSchema: Problem, example: problemExample(404) })
  @TemporalUnavailableResponse('Retry shortly.')
  async nextSteps(@Param('reference') reference: string, @CurrentCaller() caller: Caller) {
    await this.mustReadInFull(reference, caller);
    return this.commands.nextSteps(reference, new Date());
  }

  private shownTo(caller: Caller, view: CaseView): Promise<CaseView> {
    return this.opening.shownTo(caller, view);
  }

  /** The timeline and ledger carry the account of the case: not for a summary-only share. */
  private async mustReadInFull(reference: string, caller: Caller): Promise<CaseView> {
    const view = await this.mustRead(reference, caller);
    if (seesSummaryOnly(caller, view)) throw problems.forbidden(`case ${reference} is shared with your agency as a summary only`);
    return view;
  }

  private async mustRead(reference: string, caller: Caller): Promise<CaseView> {
    const view = await this.readModel.mustFindFor(caller, reference);
    if (!mayReadCase(caller, view)) throw problems.forbidden(`case ${reference} is not one your role, team or agency may see`);
    return view;
  }
}
