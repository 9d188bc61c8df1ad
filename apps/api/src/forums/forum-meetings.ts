import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { agendaForAgency, commandForDecision, type ForumAgenda, type MeetingForum } from '../../../../libs/domain/src';
import { findForumMeeting, listForumMeetings, recordForumDecision } from '../../../../libs/persistence/src';
import { CaseCommands } from '../cases/case-commands';
import { CaseReadModel } from '../cases/case-read-model';
import { problems } from '../http/problem';
import { type DecisionView, type ForumDecisionRequest, ForumParam, type ForumMeetingView } from './forum-meeting.schemas';

const MEMBERS = ['manager', 'head_of_service', 'case_review_coordinator', 'partner', 'admin'];
/** Who chairs and so records decisions. */
const CHAIRS = ['manager', 'head_of_service'];

const partnerOnly = (caller: Caller) => caller.roles.every((role) => role === 'partner');

export const isForumMember = (caller: Caller): boolean => caller.roles.some((role) => MEMBERS.includes(role));

export const mayChairForum = (caller: Caller): boolean => caller.roles.some((role) => CHAIRS.includes(role));

export function forumOf(value: string): MeetingForum {
  const parsed = ForumParam.safeParse(value);
  if (!parsed.success) throw problems.notFound(`forum ${value} (the forums that meet are MAG and JAG)`);
  return parsed.data;
}

/**
 * MAG and JAG meetings as their members may see them, and the chair's decisions carried out on the
 * case: the API's forum routes and the console's forum pages both go through here.
 */
@Injectable()
export class ForumMeetings {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CaseCommands,
    private readonly cases: CaseReadModel,
  ) {}

  async list(caller: Caller, forum: MeetingForum, limit: number): Promise<Omit<ForumMeetingView, 'decisions'>[]> {
    this.mustBeMember(caller);
    const meetings = await listForumMeetings(this.em.fork(), forum, limit);
    return meetings.map((meeting) => ({ ...meeting, agenda: this.agendaFor(caller, meeting.agenda) }));
  }

  async read(caller: Caller, forum: MeetingForum, meetingId: string): Promise<ForumMeetingView> {
    this.mustBeMember(caller);
    const meeting = await findForumMeeting(this.em.fork(), forum, meetingId);
    if (!meeting) throw problems.notFound(`meeting ${meetingId} of the ${forum}`);
    const agenda = this.agendaFor(caller, meeting.agenda);
    const visible = new Set([...agenda.cases.map((c) => c.reference), ...agenda.overdueActions.map((a) => a.reference)]);
    return { ...meeting, agenda, decisions: meeting.decisions.filter((decision) => !partnerOnly(caller) || visible.has(decision.reference)) };
  }

  /**
   * Records a decision the meeting made on a case on its agenda, and carries it out on the case. The
   * same decision on the same case (for an action: to the same agency) is recorded and carried out once:
   * `repeated` says the first record is returned.
   */
  async decide(caller: Caller, forum: MeetingForum, meetingId: string, body: z.output<typeof ForumDecisionRequest>): Promise<{ record: DecisionView; repeated: boolean }> {
    if (!mayChairForum(caller)) throw problems.forbidden('decisions are recorded by the meeting’s chair: a manager or the head of service');
    const em = this.em.fork();
    const meeting = await findForumMeeting(em, forum, meetingId);
    if (!meeting) throw problems.notFound(`meeting ${meetingId} of the ${forum}`);
    const onAgenda = meeting.agenda.cases.some((c) => c.reference === body.reference) || meeting.agenda.overdueActions.some((a) => a.reference === body.reference);
    if (!onAgenda) throw problems.refused(`case ${body.reference} is not on the agenda of ${meetingId}`, 'NOT_ON_AGENDA');
    // A repeat answers with the first record before the case is consulted: an escalation already carried
    // out has moved the case, and judged again it would be refused.
    const subject = body.action?.agency ?? '';
    const already = meeting.decisions.find((d) => d.reference === body.reference && d.decision === body.decision && (d.detail?.agency ?? '') === subject);
    if (already) return { record: already, repeated: true };
    const current = await this.cases.mustFindFor(caller, body.reference);
    const command = commandForDecision(forum, body, current.forum);
    if (command && 'error' in command) throw problems.validation([{ field: body.decision === 'ACTION_ASSIGNED' ? 'action' : 'decision', message: command.error }]);
    // Keyed by meeting, case and decision: a retry after a lost answer reaches the same update, which acts once.
    if (command) await this.commands.run(body.reference, command.name, command.body, { actor: caller.id, idempotencyKey: `forum:${meetingId}:${body.reference}:${body.decision}:${subject}` });
    return recordForumDecision(em, {
      meetingId,
      reference: body.reference,
      decision: body.decision,
      subject,
      reason: body.reason,
      ...(body.action ? { detail: { ...body.action } } : {}),
      decidedBy: caller.id,
    });
  }

  private mustBeMember(caller: Caller): void {
    if (!isForumMember(caller)) throw problems.forbidden('meetings are for the forum’s members: managers, the head of service, the coordinator, admins and partner agencies');
  }

  /** The whole agenda for the partnership's staff; a partner's agency's part for a partner (s.115). */
  private agendaFor(caller: Caller, agenda: ForumAgenda): ForumMeetingView['agenda'] {
    const seen = partnerOnly(caller) ? agendaForAgency(agenda, caller.agency ?? '-') : agenda;
    return { cases: seen.cases.map((c) => ({ ...c, sharedWith: [...c.sharedWith] })), overdueActions: seen.overdueActions.map((a) => ({ ...a })) };
  }
}
