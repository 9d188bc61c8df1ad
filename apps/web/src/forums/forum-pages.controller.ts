import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { MEETING_FORUMS } from '../../../../libs/domain/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { ForumMeetings, forumOf, mayChairForum } from '../../../api/src/forums/forum-meetings';
import { toProblem } from '../../../api/src/http/dependency-errors';
import { type Answers, answersFrom } from '../forms/form-fields';
import { type FormErrors, NO_ERRORS } from '../forms/form-errors';
import { staffNameOf } from '../rendering/staff-names';
import { decisionFields, decisionOf, errorsOfRefusal } from './forum-decision-form';

/** The meetings a forum page lists: a year of monthly meetings. */
const MEETINGS_LISTED = 12;

/**
 * The MAG and JAG meetings with their agendas, scoped as the API's forum routes (members; a partner its
 * agency's part), and the chair's decisions recorded through the API's own forum decision logic.
 */
@Controller('forums')
export class ForumPagesController {
  constructor(
    private readonly meetings: ForumMeetings,
    private readonly directory: StaffDirectory,
  ) {}

  @Get()
  @Render('forums/forums')
  @AuditAction('forum.meetings')
  async forums(@CurrentCaller() caller: Caller) {
    const forums = [];
    for (const forum of MEETING_FORUMS) forums.push({ forum, meetings: await this.meetings.list(caller, forum, MEETINGS_LISTED) });
    return { pageTitle: 'Forums', activeNav: 'forums', forums };
  }

  @Get(':forum/meetings/:meetingId')
  @AuditAction('forum.meeting')
  async meeting(@Param('forum') forum: string, @Param('meetingId') meetingId: string, @Query('decided') decided: string | undefined, @CurrentCaller() caller: Caller, @Res() res: Response): Promise<void> {
    await this.render(res, 200, caller, forum, meetingId, { decided, answers: {}, errors: NO_ERRORS });
  }

  @Post(':forum/meetings/:meetingId/decisions')
  @AuditAction('forum.decision')
  async decide(
    @Param('forum') forumParam: string,
    @Param('meetingId') meetingId: string,
    @Body() posted: Record<string, unknown>,
    @CurrentCaller() caller: Caller,
    @Req() audited: AuditedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const forum = forumOf(forumParam);
    const meeting = await this.meetings.read(caller, forum, meetingId);
    const answers = answersFrom(posted);
    const fields = decisionFields(agendaReferences(meeting.agenda));
    const judged = decisionOf(fields, answers);
    if ('errors' in judged) return this.render(res, 400, caller, forum, meetingId, { answers, errors: judged.errors });
    try {
      // The API's decision logic: chairs only, the case on the agenda, carried out on the case once.
      const { record } = await this.meetings.decide(caller, forum, meetingId, judged.request);
      audited.audit = { reference: record.reference, after: record };
    } catch (error) {
      const errors = errorsOfRefusal(fields, error);
      if (!errors) throw toProblem(error) ?? error;
      return this.render(res, 409, caller, forum, meetingId, { answers, errors });
    }
    res.redirect(303, `/forums/${forum}/meetings/${encodeURIComponent(meetingId)}?decided=${encodeURIComponent(judged.request.reference)}`);
  }

  private async render(res: Response, status: number, caller: Caller, forumParam: string, meetingId: string, form: { decided?: string | undefined; answers: Answers; errors: FormErrors }): Promise<void> {
    const forum = forumOf(forumParam);
    const meeting = await this.meetings.read(caller, forum, meetingId);
    const references = agendaReferences(meeting.agenda);
    res.status(status).render('forums/forum-meeting', {
      pageTitle: `${forum} meeting`,
      pageError: form.errors.summary.length > 0,
      activeNav: 'forums',
      csrfToken: res.locals.csrfToken,
      meeting,
      decisions: meeting.decisions.map((decision) => ({ ...decision, decidedByName: staffNameOf(this.directory, decision.decidedBy) })),
      decided: form.decided && references.includes(form.decided) ? form.decided : undefined,
      chairs: mayChairForum(caller) && references.length > 0,
      fields: decisionFields(references),
      answers: form.answers,
      errors: form.errors,
    });
  }
}

/** The cases a meeting may decide about: those on its agenda, for an escalation or an overdue action. */
function agendaReferences(agenda: { cases: readonly { reference: string }[]; overdueActions: readonly { reference: string }[] }): string[] {
  return [...new Set([...agenda.cases.map((c) => c.reference), ...agenda.overdueActions.map((a) => a.reference)])];
}
