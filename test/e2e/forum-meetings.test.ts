import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TokenClaims } from '../../libs/auth/src';
import type { CaptureSmtpServer } from '../../libs/mailbox/src';
import { FORUM_MEETING_WORKFLOW_TYPE } from '../../workflows/forum-meeting.workflow';
import { eventually } from '../support/case-driver';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { type ApiClient, NORTH_OFFICER } from '../support/service';

const TASK_QUEUE = 'asb-forums';
const HEAD_OF_SERVICE: TokenClaims = { sub: 'helen.ward', name: 'Helen Ward', roles: ['head_of_service'] };
const POLICE: TokenClaims = { sub: 'pc.lewis', name: 'PC Lewis', roles: ['partner'], agency: 'police' };
const DAY_MS = 86_400_000;

/** A JAG cycle as its schedule runs it, on the time-skipping server, then the meeting's decisions through the API. */
describe('MAG and JAG meetings', () => {
  let world: E2eWorld;
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let officer: ApiClient;
  let chair: ApiClient;
  let police: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld(TASK_QUEUE);
    ({ env, smtp } = world);
    officer = await world.service.client(NORTH_OFFICER);
    chair = await world.service.client(HEAD_OF_SERVICE);
    police = await world.service.client(POLICE);
  });
  afterAll(() => world?.stop());

  const send = async (client: ApiClient, reference: string, path: string, body: unknown) => {
    const response = await client('POST', `/cases/${reference}/${path}`, { body });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const open = async (summary: string) => {
    const { status, body } = await officer('POST', '/cases', {
      body: { type: 'ANTI_SOCIAL_BEHAVIOUR', category: 'COMMUNITY_DISRUPTION', channel: 'PARTNER_REFERRAL', summary, riskLevel: 'HIGH', team: 'north', caseworker: 'amira.khan', location: { ward: 'Egerton', priorityNeighbourhood: true } },
    });
    expect(status).toBe(201);
    return body.reference as string;
  };
  const escalate = async (reference: string, to: 'MAG' | 'JAG') => send(officer, reference, 'forum-changes', { to, reason: `Escalated to ${to}.` });
  const dateIn = async (days: number) => new Date((await env.currentTimeMs()) + days * DAY_MS).toISOString().slice(0, 10);
  // A plain client, as the schedule starts it: the test environment's own would skip time while it waits.
  const runCycle = (forum: 'MAG' | 'JAG') =>
    new Client({ connection: env.connection }).workflow.execute(FORUM_MEETING_WORKFLOW_TYPE, { taskQueue: TASK_QUEUE, workflowId: `${forum}-cycle-${randomUUID()}`, args: [{ forum }] });

  it('compiles exactly the escalated cases and the overdue actions, records the meeting, and sends each agency its part', async () => {
    const sharedJag = await open('Gang gathering at the precinct, intimidating shoppers nightly.');
    await escalate(sharedJag, 'MAG');
    await escalate(sharedJag, 'JAG');
    await send(officer, sharedJag, 'shares', { agency: 'POLICE', summaryOnly: false, reason: 'Joint police operation.' });
    const unsharedJag = await open('Fly-tipping and fires behind the garages off Nottingham Road.');
    await escalate(unsharedJag, 'MAG');
    await escalate(unsharedJag, 'JAG');
    const magOnly = await open('Noise and drinking in the park pavilion at weekends.');
    await escalate(magOnly, 'MAG');
    const overdue = await open('Repeated criminal damage to bus shelters on Scalford Road.');
    await send(officer, overdue, 'partner-actions', { agency: 'POLICE', description: 'Check CCTV for the shelter damage.', dueOn: await dateIn(2) });
    const done = await open('Dog fouling on the school route.');
    await send(officer, done, 'partner-actions', { agency: 'POLICE', description: 'Leaflet drop on the school route.', dueOn: await dateIn(2) });
    await send(police, done, 'partner-actions/action-1/completion', { outcome: 'Leaflets delivered.' });
    await env.sleep('4 days');
    await eventually(async () => ((await officer('GET', `/cases/${overdue}/deadlines`)).body.deadlines as { kind: string; status: string }[]).some((d) => d.kind === 'PARTNER_ACTION' && d.status === 'MISSED'));

    const result = await runCycle('JAG');
    expect(result).toMatchObject({ cases: 2, overdueActions: 1 });
    const { body: meeting } = await chair('GET', `/forums/JAG/meetings/${result.meetingId}`);
    expect(meeting.agenda.cases.map((c: { reference: string }) => c.reference).sort()).toEqual([sharedJag, unsharedJag].sort());
    expect(meeting.agenda.overdueActions).toEqual([expect.objectContaining({ reference: overdue, actionId: 'action-1', agency: 'POLICE' })]);

    // The police's agenda: the JAG case shared with them and their overdue action; nothing else.
    const [agenda] = await smtp.waitFor((mail) => mail.subject.startsWith('JAG agenda for') && mail.to.includes('pc.lewis@police.example'));
    expect(agenda!.text).toContain(sharedJag);
    expect(agenda!.text).toContain(`${overdue}, POLICE: Check CCTV for the shelter damage.`);
    for (const absent of [unsharedJag, magOnly, done]) expect(agenda!.text).not.toContain(absent);
    const { body: policeView } = await police('GET', `/forums/JAG/meetings/${result.meetingId}`);
    expect(policeView.agenda.cases.map((c: { reference: string }) => c.reference)).toEqual([sharedJag]);

    // The schedule catching up the same day: the same meeting, and no second agenda.
    expect((await runCycle('JAG')).meetingId).toBe(result.meetingId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.filter((mail) => mail.subject.startsWith('JAG agenda for') && mail.to.includes('pc.lewis@police.example'))).toHaveLength(1);

    // The MAG has its own agenda.
    const mag = await runCycle('MAG');
    const { body: magMeeting } = await chair('GET', `/forums/MAG/meetings/${mag.meetingId}`);
    expect(magMeeting.agenda.cases.map((c: { reference: string }) => c.reference)).toEqual([magOnly]);
  });

  it('records the meeting’s decisions per case and carries each out on the case, once', async () => {
    const reference = await open('Cuckooing suspected at a vulnerable tenant’s flat on Wilton Road.');
    await escalate(reference, 'MAG');
    await escalate(reference, 'JAG');
    const other = await open('Car meets in the retail park car park.');
    // A new month's meeting (the first test's was on an earlier day).
    await env.sleep('30 days');
    const { meetingId } = await runCycle('JAG');
    const decide = (client: ApiClient, body: unknown) => client('POST', `/forums/JAG/meetings/${meetingId}/decisions`, { body });

    const dueOn = await dateIn(14);
    const action = { reference, decision: 'ACTION_ASSIGNED', reason: 'Police to visit with housing.', action: { agency: 'POLICE', description: 'Welfare visit to the tenant with housing.', dueOn } };
    const first = await decide(chair, action);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ reference, decision: 'ACTION_ASSIGNED', decidedBy: 'helen.ward' });
    const again = await decide(chair, action);
    expect(again.status).toBe(200);

    expect((await decide(chair, { reference, decision: 'DE_ESCALATED', reason: 'Handled at MAG from now.' })).status).toBe(201);
    expect((await decide(chair, { reference, decision: 'REFERRED_TO_ADULTS_AT_RISK', reason: 'The tenant is being exploited.' })).status).toBe(201);
    const refused = await decide(chair, { reference: other, decision: 'NOTED', reason: 'Not on the agenda.' });
    expect(refused.status).toBe(409);
    expect(refused.body.condition).toBe('NOT_ON_AGENDA');
    const caseworkerOnly = await world.service.client({ sub: 'amira.khan', name: 'Amira Khan', roles: ['caseworker'], team: 'north' });
    expect((await decide(caseworkerOnly, { reference, decision: 'NOTED', reason: 'x' })).status).toBe(403);
    const invalid = await decide(chair, { reference, decision: 'ACTION_ASSIGNED', reason: 'No details.' });
    expect(invalid.status).toBe(400);

    const view = (await officer('GET', `/cases/${reference}`)).body;
    expect(view.forum).toBe('MAG');
    const timeline = (await officer('GET', `/cases/${reference}/timeline`)).body.entries as { kind: string; actor: string; data: Record<string, unknown> | null }[];
    expect(timeline.filter((entry) => entry.kind === 'PARTNER_ACTION_ASSIGNED')).toHaveLength(1);
    expect(timeline.filter((entry) => entry.kind === 'PARTNER_ACTION_ASSIGNED' || entry.kind === 'FORUM_DEESCALATED' || entry.kind === 'ADULTS_AT_RISK_REFERRAL').every((entry) => entry.actor === 'helen.ward')).toBe(true);
    const { body: meeting } = await chair('GET', `/forums/JAG/meetings/${meetingId}`);
    expect(meeting.decisions.map((d: { decision: string }) => d.decision)).toEqual(['ACTION_ASSIGNED', 'DE_ESCALATED', 'REFERRED_TO_ADULTS_AT_RISK']);
    await smtp.waitFor((mail) => mail.subject.startsWith('Action for POLICE') && mail.subject.includes(reference));
  });

  it('answers a repeated escalation with its first record, though the case has since moved up', async () => {
    const reference = await open('Youths climbing onto the leisure centre roof most evenings.');
    await escalate(reference, 'MAG');
    await env.sleep('30 days');
    const { meetingId } = await runCycle('MAG');
    const escalation = { reference, decision: 'ESCALATED', reason: 'Needs the police tasking at the JAG.' };
    const decide = () => chair('POST', `/forums/MAG/meetings/${meetingId}/decisions`, { body: escalation });
    expect((await decide()).status).toBe(201);
    const again = await decide();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reference, decision: 'ESCALATED', decidedBy: 'helen.ward' });
    expect((await officer('GET', `/cases/${reference}`)).body.forum).toBe('JAG');
  });
});
