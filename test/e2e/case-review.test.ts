import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TokenClaims } from '../../libs/auth/src';
import type { CaptureSmtpServer } from '../../libs/mailbox/src';
import { eventually } from '../support/case-driver';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { type ApiClient, NORTH_OFFICER } from '../support/service';

const COORDINATOR: TokenClaims = { sub: 'dee.patel', name: 'Dee Patel', roles: ['case_review_coordinator'] };
const COORDINATOR_EMAIL = 'case-review@melton.example';

interface LedgerEntry {
  id: string;
  kind: string;
  dueAt: string;
  status: string;
}

/** The ASB Case Review ("Community Trigger") through the API, on real policy numbers and the time-skipping server. */
describe('ASB Case Review (Community Trigger)', () => {
  let world: E2eWorld;
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let caseworker: ApiClient;
  let coordinator: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld('asb-case-review');
    ({ env, smtp } = world);
    caseworker = await world.service.client(NORTH_OFFICER);
    coordinator = await world.service.client(COORDINATOR);
  });
  afterAll(() => world?.stop());

  /** `decided`: what the caseworker answers when told the report may repeat an open case (409 POSSIBLE_DUPLICATE). */
  const open = async (complainant: string, address: string, decided?: { decision: 'OPEN_ANYWAY'; references: string[]; reason: string }): Promise<string> => {
    const { status, body } = await caseworker('POST', '/cases', {
      body: {
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'HARASSMENT',
        channel: 'ONLINE_REPORT',
        summary: 'Abuse shouted at the family whenever they go out.',
        riskLevel: 'STANDARD',
        team: 'north',
        caseworker: 'amira.khan',
        location: { address, ward: 'Egerton', priorityNeighbourhood: false },
        complainants: [{ id: 'c1', name: complainant, vulnerable: true }],
        ...(decided ? { possibleDuplicates: decided } : {}),
      },
    });
    expect(status).toBe(201);
    return body.reference;
  };
  const incident = async (reference: string) => {
    const occurredAt = new Date((await env.currentTimeMs()) - 3_600_000).toISOString();
    const { status } = await caseworker('POST', `/cases/${reference}/incidents`, { body: { occurredAt, description: 'Abuse shouted in the street.', subjectIds: [] } });
    expect(status).toBe(200);
  };
  const apply = async (reference: string) => {
    const { status, body } = await caseworker('POST', `/cases/${reference}/case-reviews`, { body: { applicant: 'VICTIM', applicantName: 'the victim' } });
    expect(status).toBe(200);
    return body;
  };
  const coordinatorDoes = async (reference: string, path: string, body: unknown = {}) => {
    const response = await coordinator('POST', `/cases/${reference}/case-reviews/current/${path}`, { body });
    expect(`${response.status} ${JSON.stringify(response.body).slice(0, 200)}`).toMatch(/^200 /);
  };
  const ledger = async (reference: string): Promise<LedgerEntry[]> => (await caseworker('GET', `/cases/${reference}/deadlines`)).body.deadlines;
  const deadline = async (reference: string, kind: string) => (await ledger(reference)).filter((entry) => entry.kind === kind).at(-1)!;
  const statusOf = async (reference: string, kind: string) => (await deadline(reference, kind)).status;
  const sleepPast = async (entry: LedgerEntry) => {
    const until = Date.parse(entry.dueAt) + 12 * 3_600_000 - (await env.currentTimeMs());
    if (until > 0) await env.sleep(until);
  };
  const coordinatorMail = (reference: string, subjectStart: string) =>
    smtp.waitFor((mail) => mail.subject.startsWith(subjectStart) && mail.subject.includes(reference) && mail.to.includes(COORDINATOR_EMAIL));

  it('is met by three complaints across two cases about the same victim, and the coordinator is told', async () => {
    const first = await open('Jo Marsh', '4 Mill Lane');
    await incident(first);
    await env.sleep('10 days');
    await incident(first);
    await env.sleep('10 days');
    // The same victim is a possible duplicate of the first case: the caseworker opens this one anyway.
    const second = await open('  jo   MARSH ', '9 Church Street', { decision: 'OPEN_ANYWAY', references: [first], reason: 'The same family, abused on another street: a case of its own.' });
    await incident(second);

    await apply(second);
    const [told] = await coordinatorMail(second, `ASB Case Review application on ${second}: threshold met on the record`);
    expect(told!.text).toMatch(/Complaints: 3 qualifying complaints in the 6 months to \d{4}-\d{2}-\d{2}, the latest on/);
    expect(told!.text).not.toContain('Jo Marsh');
    const refused = await coordinator('POST', `/cases/${second}/case-reviews/current/threshold-decision`, { body: { met: false, reason: 'Not persuaded.' } });
    expect(refused.status).toBe(409);
    expect(refused.body.condition).toBe('THRESHOLD_MET_ON_RECORD');
    // The first case's own two incidents did not meet it; nobody was told about that case.
    expect(smtp.received.filter((mail) => mail.subject.includes('ASB Case Review') && mail.subject.includes(first))).toEqual([]);
  });

  it('is not met when the latest complaint is more than a month old, though three were made in six months', async () => {
    const reference = await open('Chris Dunn', '22 Station Road');
    for (let n = 0; n < 3; n += 1) {
      await incident(reference);
      await env.sleep('1 day');
    }
    // The third incident met the threshold on the case itself: the coordinator heard then.
    await coordinatorMail(reference, `ASB Case Review threshold met on ${reference}`);
    await env.sleep('35 days');

    await apply(reference);
    const [told] = await coordinatorMail(reference, `ASB Case Review application on ${reference}: threshold not met on the record`);
    expect(told!.text).toMatch(/but the latest was made on \d{4}-\d{2}-\d{2}, more than 1 month ago/);
    const timeline = (await caseworker('GET', `/cases/${reference}/timeline`)).body.entries as { kind: string; summary: string }[];
    expect(timeline.find((entry) => entry.kind === 'CASE_REVIEW_APPLIED')?.summary).toContain('threshold not met on the record');
  });

  it('runs each response deadline: acknowledgement met, threshold decision missed, meeting met, outcome letter missed', async () => {
    const reference = await open('Sam Ives', '1 Oak Road');
    await apply(reference);
    await env.sleep('1 day');
    await coordinatorDoes(reference, 'acknowledgement');
    expect(await statusOf(reference, 'COMMUNITY_TRIGGER_ACKNOWLEDGEMENT')).toBe('MET');

    await sleepPast(await deadline(reference, 'COMMUNITY_TRIGGER_THRESHOLD'));
    const [missed] = await coordinatorMail(reference, 'Missed deadline: ASB Case Review threshold decision');
    expect(missed!.to).toEqual([COORDINATOR_EMAIL]);
    await eventually(async () => (await statusOf(reference, 'COMMUNITY_TRIGGER_THRESHOLD')) === 'MISSED');

    await coordinatorDoes(reference, 'threshold-decision', { met: true, reason: 'Persistent abuse; the local panel accepts it.' });
    const meeting = await deadline(reference, 'COMMUNITY_TRIGGER_MEETING');
    await env.sleep('5 days');
    await coordinatorDoes(reference, 'meeting', { recommendations: 'Joint police and housing visit.' });
    expect(await statusOf(reference, 'COMMUNITY_TRIGGER_MEETING')).toBe('MET');
    expect(meeting.status).toBe('PENDING');

    await sleepPast(await deadline(reference, 'COMMUNITY_TRIGGER_OUTCOME'));
    await coordinatorMail(reference, 'Missed deadline: ASB Case Review outcome letter');
    await eventually(async () => (await statusOf(reference, 'COMMUNITY_TRIGGER_OUTCOME')) === 'MISSED');
  });

  it('runs each response deadline: acknowledgement missed, threshold decision met, meeting missed, outcome letter met, then an appeal', async () => {
    const reference = await open('Lee Chan', '3 Oak Road');
    await apply(reference);
    await sleepPast(await deadline(reference, 'COMMUNITY_TRIGGER_ACKNOWLEDGEMENT'));
    await coordinatorMail(reference, 'Missed deadline: ASB Case Review application acknowledged');

    await coordinatorDoes(reference, 'threshold-decision', { met: true, reason: 'Accepted.' });
    expect(await statusOf(reference, 'COMMUNITY_TRIGGER_THRESHOLD')).toBe('MET');

    await sleepPast(await deadline(reference, 'COMMUNITY_TRIGGER_MEETING'));
    await coordinatorMail(reference, 'Missed deadline: ASB Case Review meeting');
    await eventually(async () => (await statusOf(reference, 'COMMUNITY_TRIGGER_MEETING')) === 'MISSED');

    await coordinatorDoes(reference, 'meeting', { recommendations: 'Mediation offered.' });
    await coordinatorDoes(reference, 'outcome', { summary: 'Letter sent with the action plan.' });
    expect(await statusOf(reference, 'COMMUNITY_TRIGGER_OUTCOME')).toBe('MET');
    await coordinatorDoes(reference, 'appeal', { reason: 'The applicant wants a CPN.' });
    await coordinatorDoes(reference, 'appeal-decision', { upheld: false, reason: 'A CPW is the proportionate next step.' });
    const timeline = (await caseworker('GET', `/cases/${reference}/timeline`)).body.entries as { kind: string }[];
    expect(timeline.map((entry) => entry.kind).filter((kind) => kind.startsWith('CASE_REVIEW_'))).toEqual([
      'CASE_REVIEW_APPLIED',
      'CASE_REVIEW_THRESHOLD_DECIDED',
      'CASE_REVIEW_MEETING_HELD',
      'CASE_REVIEW_OUTCOME_SENT',
      'CASE_REVIEW_APPEALED',
      'CASE_REVIEW_APPEAL_DECIDED',
    ]);
  });
});
