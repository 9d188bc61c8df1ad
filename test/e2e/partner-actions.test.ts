import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CaptureSmtpServer } from '../../libs/mailbox/src';
import { eventually } from '../support/case-driver';
import { type ApiClient, NORTH_OFFICER, type RunningService } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

const dateIn = async (env: TestWorkflowEnvironment, days: number) => new Date((await env.currentTimeMs()) + days * 86_400_000).toISOString().slice(0, 10);

describe('partner actions: assigned to an agency, seen and completed by it, overdue ones alerted and on the JAG agenda', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let service: RunningService;
  let world: E2eWorld;
  let officer: ApiClient;
  let police: ApiClient;
  let housing: ApiClient;
  let reference: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-actions');
    ({ env, smtp, service } = world);
    officer = await service.client(NORTH_OFFICER);
    police = await service.client({ sub: 'pc.lewis', roles: ['partner'], agency: 'police' });
    housing = await service.client({ sub: 'h.officer', roles: ['partner'], agency: 'housing' });
    const opened = await officer('POST', '/cases', {
      body: { type: 'ANTI_SOCIAL_BEHAVIOUR', category: 'TOWN_CENTRE_ISSUE', channel: 'PARTNER_REFERRAL', summary: 'Street drinking and fights outside the market place late at night.', riskLevel: 'MEDIUM', team: 'north', caseworker: 'amira.khan', location: { ward: 'Craven' } },
    });
    reference = opened.body.reference;
    expect((await officer('POST', `/cases/${reference}/forum-changes`, { body: { to: 'JAG', reason: 'Needs a joint police and licensing response.' } })).status).toBe(200);
  });

  afterAll(() => world?.stop());

  it('lets the agency see and complete its own action, and no other agency', async () => {
    const assigned = await officer('POST', `/cases/${reference}/partner-actions`, { body: { agency: 'POLICE', description: 'Extra patrols Friday and Saturday 22:00–02:00.', dueOn: await dateIn(env, 5), forum: 'JAG' } });
    expect(assigned.status).toBe(200);
    const mine = await police('GET', '/agencies/POLICE/actions');
    expect(mine.status).toBe(200);
    expect(mine.body.actions).toEqual([expect.objectContaining({ reference, actionId: 'action-1', description: 'Extra patrols Friday and Saturday 22:00–02:00.', overdue: false, completedAt: null })]);
    expect((await housing('GET', '/agencies/POLICE/actions')).status).toBe(403);
    expect((await housing('POST', `/cases/${reference}/partner-actions/action-1/completion`, { body: { outcome: 'Not ours.' } })).status).toBe(403);

    const done = await police('POST', `/cases/${reference}/partner-actions/action-1/completion`, { body: { outcome: 'Patrols done; two dispersal orders issued.' } });
    expect(done.status).toBe(200);
    expect(done.body.deadlines.find((deadline: { kind: string }) => deadline.kind === 'PARTNER_ACTION').status).toBe('MET');
    expect((await police('GET', '/agencies/POLICE/actions')).body.actions[0].completedAt).not.toBeNull();
  });

  it('alerts the agency when an action is missed, and puts it and the escalated case on the JAG agenda', async () => {
    await officer('POST', `/cases/${reference}/partner-actions`, { body: { agency: 'POLICE', description: 'Licensing visit to the late bar.', dueOn: await dateIn(env, 2) } });
    await env.sleep('4 days');
    const [alert] = await smtp.waitFor((mail) => mail.subject.includes(reference) && mail.subject.includes('Partner agency action'));
    expect(alert?.to).toEqual(['pc.lewis@police.example']);
    expect(alert?.text).toContain('JAG agenda');

    const chair = await service.client({ sub: 'helen.ward', roles: ['head_of_service'] });
    await eventually(async () => (await chair('GET', '/forums/JAG/agenda')).body.overduePartnerActions.length === 1);
    const agenda = await chair('GET', '/forums/JAG/agenda');
    expect(agenda.body.escalatedCases.map((item: { reference: string }) => item.reference)).toEqual([reference]);
    expect(agenda.body.overduePartnerActions).toEqual([expect.objectContaining({ reference, actionId: 'action-2', agency: 'POLICE', description: 'Licensing visit to the late bar.' })]);
    const caseworkerOnly = await service.client({ sub: 'amira.khan', roles: ['caseworker'], team: 'north' });
    expect((await caseworkerOnly('GET', '/forums/JAG/agenda')).status).toBe(403);
  });
});
