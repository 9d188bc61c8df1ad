import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { TemporalUnavailableResponse } from '../cases/command-failure-responses';
import { PolicyVersionPath } from '../http/path-params';
import { FanOutPlanView, FanOutProgressView, FanOutRequest, PLAN_EXAMPLE, PROGRESS_EXAMPLE } from './policy-fan-out.schemas';
import { type FanOutPlan, type FanOutProgressView as FanOutProgress, PolicyFanOuts } from './policy-fan-outs';

/** A published policy version reaching the open cases it names, from its commencement: a dry run first, then the durable fan-out. */
@ApiTags('policy')
@ApiBearerAuth()
@PolicyVersionPath()
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 403, description: 'Only admins apply a policy version to open cases.', standardSchema: Problem, example: problemExample(403) })
@ApiResponse({ status: 404, description: 'No such published policy version (or, for its progress, no fan-out of it yet).', standardSchema: Problem, example: problemExample(404) })
@Controller('policy-versions/:id')
export class PolicyFanOutController {
  constructor(private readonly fanOuts: PolicyFanOuts) {}

  @Get('fan-out-plan')
  @AuditAction('policy.fan-out-plan')
  @ApiOperation({
    summary: 'Dry run: which deadlines of which open cases the version would move (admins)',
    description: 'Each open case under a version that took effect before this one, judged by the very rule its move applies, as of the commencement (or today once it has come): which pending deadlines move, start or end; or why the case would refuse. Nothing changes.',
  })
  @ApiResponse({ status: 200, description: 'The plan, case by case.', standardSchema: FanOutPlanView, example: PLAN_EXAMPLE })
  @ApiResponse({ status: 409, description: 'The version names no date from which it reaches open cases (`appliesToOpenCasesFrom`).', standardSchema: Problem, example: problemExample(409) })
  @ApiResponse({ status: 503, description: 'PostgreSQL is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
  async plan(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<FanOutPlan> {
    return this.fanOuts.dryRun(caller, id);
  }

  @Post('fan-out')
  @HttpCode(202)
  @AuditAction('policy.fan-out')
  @ApiOperation({
    summary: 'Move the open cases under earlier versions to it, from the date it names (admins)',
    description:
      'Starts a durable fan-out (a Temporal workflow): from the start of the version’s `appliesToOpenCasesFrom` in England, each open case under a version that took effect before it is sent its recorded movePolicy step, once, and re-plans its deadlines. A worker stopped halfway resumes where it was; asking again answers the fan-out already started.',
  })
  @ApiBody({ required: true, examples: { commencement: { summary: 'A change in the law reaching open cases', value: (FanOutRequest.meta() as { examples: unknown[] }).examples[0] } } })
  @ApiResponse({ status: 202, description: 'Started (or started before): its progress so far.', standardSchema: FanOutProgressView, example: PROGRESS_EXAMPLE })
  @ApiResponse({ status: 400, description: 'An invalid request (which field, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 409, description: 'The version names no date from which it reaches open cases (`appliesToOpenCasesFrom`).', standardSchema: Problem, example: problemExample(409) })
  @TemporalUnavailableResponse('Ask again: the fan-out is started once.')
  async start(@Param('id') id: string, @Body({ schema: FanOutRequest }) body: z.output<typeof FanOutRequest>, @CurrentCaller() caller: Caller): Promise<FanOutProgress> {
    return this.fanOuts.start(caller, id, body.reason);
  }

  @Get('fan-out')
  @AuditAction('policy.fan-out-progress')
  @ApiOperation({ summary: 'How far the fan-out of the version has come (admins)' })
  @ApiResponse({ status: 200, description: 'Its progress: waiting for commencement, moving, or done, with each case’s outcome.', standardSchema: FanOutProgressView, example: PROGRESS_EXAMPLE })
  @TemporalUnavailableResponse('Ask again.')
  async progress(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<FanOutProgress> {
    return this.fanOuts.progress(caller, id);
  }
}
