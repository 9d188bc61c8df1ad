import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { MEETING_FORUMS } from '../../../../libs/domain/src';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { queryInteger, ValidQuery } from '../http/query';
import { ForumDecisionRequest, ForumDecisionView, ForumMeetingList, ForumMeetingView, MEETING_EXAMPLE } from './forum-meeting.schemas';
import { ForumMeetings, forumOf } from './forum-meetings';
import { CaseNotSavedResponse, TemporalUnavailableResponse } from '../cases/command-failure-responses';
import { ForumMeetingPath } from '../http/path-params';

const ForumMeetingsQuery = z.strictObject({ limit: queryInteger({ min: 1, max: 100, default: 12 }).describe('How many meetings, latest first.') });

/** MAG and JAG meetings as records: each cycle's agenda, and the decisions the meeting made per case. */
@ApiTags('forums')
@ApiBearerAuth()
@ApiParam({ name: 'forum', enum: [...MEETING_FORUMS] })
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 403, description: 'For the forum’s members: managers, the head of service, the coordinator, admins and partner agencies.', standardSchema: Problem, example: problemExample(403) })
@ApiResponse({ status: 503, description: 'PostgreSQL or Temporal is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
@Controller('forums/:forum/meetings')
export class ForumsController {
  constructor(private readonly meetings: ForumMeetings) {}

  @Get()
  @AuditAction('forum.meetings')
  @ApiOperation({ summary: 'The forum’s meetings, latest first', description: 'Each cycle (started by the forum’s schedule) records its meeting with the agenda it sent. A partner sees its own agency’s part.' })
  @ApiResponse({ status: 200, description: 'The meetings.', standardSchema: ForumMeetingList, example: { meetings: [{ meetingId: MEETING_EXAMPLE.meetingId, forum: MEETING_EXAMPLE.forum, heldOn: MEETING_EXAMPLE.heldOn, agenda: MEETING_EXAMPLE.agenda }] } })
  @ApiResponse({ status: 400, description: 'An invalid `limit`.', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 404, description: 'No such forum.', standardSchema: Problem, example: problemExample(404) })
  async list(@Param('forum') forumParam: string, @CurrentCaller() caller: Caller, @ValidQuery(ForumMeetingsQuery) query: z.output<typeof ForumMeetingsQuery>): Promise<z.output<typeof ForumMeetingList>> {
    return { meetings: await this.meetings.list(caller, forumOf(forumParam), query.limit) };
  }

  @Get(':meetingId')
  @AuditAction('forum.meeting')
  @ApiOperation({ summary: 'One meeting: its agenda and its decisions' })
  @ForumMeetingPath()
  @ApiResponse({ status: 200, description: 'The meeting.', standardSchema: ForumMeetingView, example: MEETING_EXAMPLE })
  @ApiResponse({ status: 404, description: 'No such meeting.', standardSchema: Problem, example: problemExample(404) })
  async read(@Param('forum') forumParam: string, @Param('meetingId') meetingId: string, @CurrentCaller() caller: Caller): Promise<ForumMeetingView> {
    return this.meetings.read(caller, forumOf(forumParam), meetingId);
  }

  @Post(':meetingId/decisions')
  @HttpCode(201)
  @AuditAction('forum.decision')
  @ApiOperation({
    summary: 'Record a decision the meeting made on a case (chairs)',
    description:
      'Carried out on the case as its command: an action assigned to an agency (with the forum), the forum escalated or de-escalated one step, a referral to the adults-at-risk forum; NOTED records it only. The case must be on the meeting’s agenda. The same decision on the same case (for an action: to the same agency) is recorded, and carried out, once.',
  })
  @ForumMeetingPath()
  @ApiBody({ required: true, examples: { actionAssigned: { summary: 'Patrols agreed at the JAG', value: (ForumDecisionRequest.meta() as { examples: unknown[] }).examples[0] } } })
  @ApiResponse({ status: 201, description: 'Recorded and carried out (200 when it had been already).', standardSchema: ForumDecisionView, example: MEETING_EXAMPLE.decisions[0] })
  @ApiResponse({ status: 200, description: 'The same decision was recorded before: its first record.', standardSchema: ForumDecisionView, example: MEETING_EXAMPLE.decisions[0] })
  @ApiResponse({ status: 400, description: 'An invalid decision (which field, why).', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 422, description: 'The action’s due date cannot be true (before 1900); `errors` names the field.', standardSchema: Problem, example: problemExample(422) })
  @ApiResponse({ status: 404, description: 'No such meeting or case.', standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 409, description: 'The case is not on the agenda, or its state refuses the command (with its condition).', standardSchema: Problem, example: problemExample(409) })
  @TemporalUnavailableResponse('Retry the same decision: it is carried out once.')
  @CaseNotSavedResponse()
  async decide(
    @Param('forum') forumParam: string,
    @Param('meetingId') meetingId: string,
    @Body({ schema: ForumDecisionRequest }) body: z.output<typeof ForumDecisionRequest>,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<z.output<typeof ForumDecisionView>> {
    const { record, repeated } = await this.meetings.decide(caller, forumOf(forumParam), meetingId, body);
    if (repeated) response.status(200);
    return record;
  }
}
