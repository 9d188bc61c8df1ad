import { z } from 'zod';
import { plainText } from '../http/request-fields';
import { FORUM_DECISIONS, MEETING_FORUMS } from '../../../../libs/domain/src';
import { assignAction } from '../cases/commands/command.schemas';
import { CaseReferenceParam } from '../cases/case.schemas';

export const ForumParam = z.enum(MEETING_FORUMS);

const AgendaView = z.strictObject({
  cases: z.array(z.strictObject({ reference: z.string(), team: z.string(), category: z.string(), riskLevel: z.string().optional(), ward: z.string().optional(), sharedWith: z.array(z.string()) })),
  overdueActions: z.array(z.strictObject({ reference: z.string(), actionId: z.string(), agency: z.string(), description: z.string(), dueOn: z.iso.date() })),
});

const DecisionView = z.strictObject({
  reference: z.string(),
  decision: z.enum(FORUM_DECISIONS),
  reason: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
  decidedBy: z.string(),
  decidedAt: z.iso.datetime(),
});
export type DecisionView = z.output<typeof DecisionView>;

export const ForumMeetingView = z
  .strictObject({ meetingId: z.string(), forum: ForumParam, heldOn: z.iso.date(), agenda: AgendaView, decisions: z.array(DecisionView) })
  .meta({ id: 'ForumMeeting', description: 'A MAG or JAG meeting: the agenda it was sent and the decisions it made per case.' });
export type ForumMeetingView = z.output<typeof ForumMeetingView>;

export const ForumMeetingList = z
  .strictObject({ meetings: z.array(ForumMeetingView.omit({ decisions: true })) })
  .meta({ id: 'ForumMeetingList' });

export const ForumDecisionRequest = z
  .strictObject({
    reference: CaseReferenceParam,
    decision: z.enum(FORUM_DECISIONS).describe('Carried out on the case: an action assigned, the forum changed up or down, a referral to the adults-at-risk forum; NOTED only records it.'),
    reason: plainText(4000),
    action: assignAction
      .omit({ forum: true })
      .optional()
      .describe('For ACTION_ASSIGNED.'),
  })
  .meta({ id: 'ForumDecisionRequest', examples: [{ reference: 'ASB-2026-000123', decision: 'ACTION_ASSIGNED', reason: 'Patrols agreed by the police.', action: { agency: 'POLICE', description: 'Patrol Wyndham Avenue Friday and Saturday nights.', dueOn: '2026-12-18' } }] });

export const ForumDecisionView = DecisionView.meta({ id: 'ForumDecision' });

export const MEETING_EXAMPLE: ForumMeetingView = {
  meetingId: 'JAG-2026-12-01',
  forum: 'JAG',
  heldOn: '2026-12-01',
  agenda: {
    cases: [{ reference: 'ASB-2026-000123', team: 'north', category: 'HARASSMENT', riskLevel: 'HIGH', ward: 'Egerton', sharedWith: ['POLICE'] }],
    overdueActions: [{ reference: 'ASB-2026-000098', actionId: 'action-1', agency: 'HOUSING', description: 'Tenancy visit to flat 4.', dueOn: '2026-11-20' }],
  },
  decisions: [{ reference: 'ASB-2026-000123', decision: 'ACTION_ASSIGNED', reason: 'Patrols agreed by the police.', detail: { agency: 'POLICE', description: 'Patrol Wyndham Avenue Friday and Saturday nights.', dueOn: '2026-12-18' }, decidedBy: 'helen.ward', decidedAt: '2026-12-01T10:42:00.000Z' }],
};
