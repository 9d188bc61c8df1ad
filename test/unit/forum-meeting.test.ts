import { agendaForAgency, commandForDecision, type ForumAgenda, forumMeetingId, localDate } from '../../libs/domain/src';

const AGENDA: ForumAgenda = {
  cases: [
    { reference: 'ASB-2026-000001', team: 'north', category: 'HARASSMENT', sharedWith: ['POLICE', 'HOUSING'] },
    { reference: 'ASB-2026-000002', team: 'south', category: 'DRUGS', sharedWith: [] },
  ],
  overdueActions: [
    { reference: 'ASB-2026-000003', actionId: 'action-1', agency: 'POLICE', description: 'Patrol.', dueOn: localDate('2026-11-20') },
    { reference: 'ASB-2026-000004', actionId: 'action-2', agency: 'HOUSING', description: 'Visit.', dueOn: localDate('2026-11-21') },
  ],
};

describe('forum meetings', () => {
  it('are one per forum per day', () => {
    expect(forumMeetingId('JAG', localDate('2026-12-01'))).toBe('JAG-2026-12-01');
  });

  it('give each agency the cases shared with it and its own overdue actions (s.115)', () => {
    expect(agendaForAgency(AGENDA, 'police')).toEqual({ cases: [AGENDA.cases[0]], overdueActions: [AGENDA.overdueActions[0]] });
    expect(agendaForAgency(AGENDA, 'PROBATION')).toEqual({ cases: [], overdueActions: [] });
  });

  it('carry out each decision as the case command it means, one step up or down the ladder', () => {
    const reason = 'Agreed at the meeting.';
    expect(commandForDecision('JAG', { reference: 'r', decision: 'DE_ESCALATED', reason }, 'JAG')).toEqual({ name: 'changeForum', body: { to: 'MAG', reason: `JAG decision: ${reason}` } });
    expect(commandForDecision('MAG', { reference: 'r', decision: 'ESCALATED', reason }, 'MAG')).toEqual({ name: 'changeForum', body: { to: 'JAG', reason: `MAG decision: ${reason}` } });
    expect(commandForDecision('JAG', { reference: 'r', decision: 'ESCALATED', reason }, 'JAG')).toEqual({ error: 'the case is already at JAG, the top of the ladder' });
    expect(commandForDecision('MAG', { reference: 'r', decision: 'REFERRED_TO_ADULTS_AT_RISK', reason }, 'MAG')).toEqual({ name: 'referToAdultsAtRisk', body: { reason: `MAG decision: ${reason}` } });
    expect(commandForDecision('JAG', { reference: 'r', decision: 'NOTED', reason }, 'JAG')).toBeUndefined();
    const action = { agency: 'POLICE', description: 'Patrol.', dueOn: localDate('2026-12-18') };
    expect(commandForDecision('JAG', { reference: 'r', decision: 'ACTION_ASSIGNED', reason, action }, 'JAG')).toEqual({ name: 'assignPartnerAction', body: { ...action, forum: 'JAG' } });
    expect(commandForDecision('JAG', { reference: 'r', decision: 'ACTION_ASSIGNED', reason }, 'JAG')).toEqual({ error: 'an action assigned needs its agency, description and due date (action)' });
  });
});
