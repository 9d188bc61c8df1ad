import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { agendaForAgency, commandForDecision, type ForumAgenda, MEETING_FORUMS, type MeetingForum } from '../../../../libs/domain/src';
import { findForumMeeting, listForumMeetings, recordForumDecision } from '../../../../libs/persistence/src';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { CaseCommands } from '../cases/case-commands';
import { CaseReadModel } from '../cases/case-read-model';
import { Problem, problemExample } from '../cases/case.schemas';
import { problems } from '../http/problem';
import { queryInteger, ValidQuery } from '../http/query';
import { ForumDecisionRequest, ForumDecisionView, ForumMeetingList, ForumMeetingView, ForumParam, MEETING_EXAMPLE } from './forum-meeting.schemas';
import { CaseNotSavedResponse, TemporalUnavailableResponse } from '../cases/command-failure-responses';
import { ForumMeetingPath } from '../http/path-params';

const MEMBERS = ['manager', 'head_of_service', 'case_review_coordinator', 'partner', 'admin'];
/** Who chairs and so records decisions. */
const CHAIRS = ['manager', 'head_of_service'];

const forumOf = (value: string): MeetingForum => {
  const parsed = ForumParam.safeParse(value);
  if (!parsed.success) throw problems.notFound(`forum ${value} (the forums that meet are MAG and JAG)`);
  return parsed.data;
};
const partnerOnly = (caller: Caller) => caller.roles.every((role) => role === 'partner');
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
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CaseCommands,
    private readonly cases: CaseReadModel,
  ) {}

  @Get()
  @AuditAction('forum.meetings')
  @ApiOperation({ summary: 'The forum’s meetings, latest first', description: 'Each cycle (started by the forum’s schedule) records its meeting with the agenda it sent. A partner sees its own agency’s part.' })
  @ApiResponse({ status: 200, description: 'The meetings.', standardSchema: ForumMeetingList, example: { meetings: [{ meetingId: MEETING_EXAMPLE.meetingId, forum: MEETING_EXAMPLE.forum, heldOn: MEETING_EXAMPLE.heldOn, agenda: MEETING_EXAMPLE.agenda }] } })
  @ApiResponse({ status: 400, description: 'An invalid `limit`.', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 404, description: 'No such forum.', standardSchema: Problem, example: problemExample(404) })
  async list(@Param('forum') forumParam: string, @CurrentCaller() caller: Caller, @ValidQuery(ForumMeetingsQuery) query: z.output<typeof ForumMeetingsQuery>): Promise<z.output<typeof ForumMeetingList>> {
    const forum = forumOf(forumParam);
    this.mustBeMember(caller);
    const meetings = await listForumMeetings(this.em.fork(), forum, query.limit);
    return { meetings: meetings.map((meeting) => ({ ...meeting, agenda: this.agendaFor(caller, meeting.agenda) })) };
  }

  @Get(':meetingId')
  @AuditAction('forum.meeting')
  @ApiOperation({ summary: 'One meeting: its agenda and its decisions' })
  @ForumMeetingPath()
  @ApiResponse({ status: 200, description: 'The meeting.', standardSchema: ForumMeetingView, example: MEETING_EXAMPLE })
  @ApiResponse({ status: 404, description: 'No such meeting.', standardSchema: Problem, example: problemExample(404) })
  async read(@Param('forum') forumParam: string, @Param('meetingId') meetingId: string, @CurrentCaller() caller: Caller): Promise<ForumMeetingView> {
    const forum = forumOf(forumParam);
    this.mustBeMember(caller);
    const meeting = await findForumMeeting(this.em.fork(), forum, meetingId);
    if (!meeting) throw problems.notFound(`meeting ${meetingId} of the ${forum}`);
    const agenda = this.agendaFor(caller, meeting.agenda);
    const visible = new Set([...agenda.cases.map((c) => c.reference), ...agenda.overdueActions.map((a) => a.reference)]);
    return { ...meeting, agenda, decisions: meeting.decisions.filter((decision) => !partnerOnly(caller) || visible.has(decision.reference)) };
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
    const forum = forumOf(forumParam);
    if (!caller.roles.some((role) => CHAIRS.includes(role))) throw problems.forbidden('decisions are recorded by the meeting’s chair: a manager or the head of service');
    const em = this.em.fork();
    const meeting = await findForumMeeting(em, forum, meetingId);
    if (!meeting) throw problems.notFound(`meeting ${meetingId} of the ${forum}`);
    const onAgenda = meeting.agenda.cases.some((c) => c.reference === body.reference) || meeting.agenda.overdueActions.some((a) => a.reference === body.reference);
    if (!onAgenda) throw problems.refused(`case ${body.reference} is not on the agenda of ${meetingId}`, 'NOT_ON_AGENDA');
    // A repeat answers with the first record before the case is consulted: an escalation already carried
    // out has moved the case, and judged again it would be refused.
    const subject = body.action?.agency ?? '';
    const already = meeting.decisions.find((d) => d.reference === body.reference && d.decision === body.decision && (d.detail?.agency ?? '') === subject);
    if (already) {
      response.status(200);
      return already;
    }
    const current = await this.cases.mustFind(body.reference);
    const command = commandForDecision(forum, body, current.forum);
    if (command && 'error' in command) throw problems.validation([{ field: body.decision === 'ACTION_ASSIGNED' ? 'action' : 'decision', message: command.error }]);
    // Keyed by meeting, case and decision: a retry after a lost answer reaches the same update, which acts once.
    if (command) await this.commands.run(body.reference, command.name, command.body, { actor: caller.id, idempotencyKey: `forum:${meetingId}:${body.reference}:${body.decision}:${subject}` });
    const { record, repeated } = await recordForumDecision(em, {
      meetingId,
      reference: body.reference,
      decision: body.decision,
      subject,
      reason: body.reason,
      ...(body.action ? { detail: { ...body.action } } : {}),
      decidedBy: caller.id,
    });
    if (repeated) response.status(200);
    return record;
  }

  private mustBeMember(caller: Caller): void {
    if (!caller.roles.some((role) => MEMBERS.includes(role))) throw problems.forbidden('meetings are for the forum’s members: managers, the head of service, the coordinator, admins and partner agencies');
  }

  /** The whole agenda for the partnership's staff; a partner's agency's part for a partner (s.115). */
  private agendaFor(caller: Caller, agenda: ForumAgenda): ForumMeetingView['agenda'] {
    const seen = partnerOnly(caller) ? agendaForAgency(agenda, caller.agency ?? '-') : agenda;
    return { cases: seen.cases.map((c) => ({ ...c, sharedWith: [...c.sharedWith] })), overdueActions: seen.overdueActions.map((a) => ({ ...a })) };
  }
}
