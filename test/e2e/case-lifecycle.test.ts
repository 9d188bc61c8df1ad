import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CaptureSmtpServer } from '../../libs/mailbox/src';
import { aboutOtherPeople } from '../support/distinct-reports';
import { http } from '../support/http';
import { type ApiClient, NORTH_OFFICER, type RunningService } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

const NOISE_REPORT = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Loud music from the flat above most nights after midnight since September.',
  riskLevel: 'HIGH',
  team: 'north',
  caseworker: 'amira.khan',
  location: { address: '14 Egerton View, Melton Mowbray', ward: 'Egerton', priorityNeighbourhood: true },
};

describe('a case through every layer: HTTP → API → Temporal → worker → PostgreSQL → SMTP', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let service: RunningService;
  let world: E2eWorld;
  let api: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-e2e');
    ({ env, smtp, service } = world);
    api = await service.client(NORTH_OFFICER);
  });

  afterAll(() => world?.stop());

  it('opens a case, shows it, and emails the manager once when its review is missed', async () => {
    const opened = await api('POST', '/cases', { body: aboutOtherPeople(NOISE_REPORT) });
    expect(opened.status).toBe(201);
    const reference: string = opened.body.reference;
    expect(reference).toMatch(/^ASB-\d{4}-\d{6}$/);
    expect(opened.headers.get('location')).toBe(`/cases/${reference}`);
    expect(opened.headers.get('etag')).toBe('"1"');
    expect(opened.body).toMatchObject({ stage: 'ALLOCATED', riskLevel: 'HIGH', caseworker: 'amira.khan', policyVersion: '2026.1' });
    expect(daysBetween(opened.body.openedAt.slice(0, 10), opened.body.nextReview.dueOn)).toBe(7);

    const read = await api('GET', `/cases/${reference}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(opened.body);

    await env.sleep('8 days');
    const [alert] = await smtp.waitFor((mail) => mail.subject.startsWith(`Overdue review: ${reference}`));
    expect(alert?.to).toEqual(['jo.bennett@melton.example']);
    expect(alert?.text).toContain(`/cases/${reference}`);
    // Data minimisation: the manager's alert carries the reference, not the victim's address.
    expect(alert?.text).not.toContain('Egerton View');

    const afterMiss = await waitForCase(api, reference, (view) => view.deadlines[0]?.status === 'MISSED');
    expect(afterMiss.nextReview).toBeNull();
    expect(smtp.received.filter((mail) => mail.subject.startsWith(`Overdue review: ${reference}`))).toHaveLength(1);
  });

  it('records a review, which moves the next review date', async () => {
    const opened = await api('POST', '/cases', { body: aboutOtherPeople({ ...NOISE_REPORT, riskLevel: 'MEDIUM' }) });
    const reference: string = opened.body.reference;
    expect(daysBetween(opened.body.openedAt.slice(0, 10), opened.body.nextReview.dueOn)).toBe(14);

    const reviewed = await api('POST', `/cases/${reference}/reviews`, {
      body: { summary: 'Both households visited; risk raised after threats.', riskLevel: 'HIGH' },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ riskLevel: 'HIGH', reviewCount: 1, version: 2 });
    expect(reviewed.headers.get('etag')).toBe('"2"');
    expect(daysBetween(reviewed.body.lastReviewedAt.slice(0, 10), reviewed.body.nextReview.dueOn)).toBe(7);
    expect(reviewed.body.deadlines.map((d: { id: string; status: string }) => `${d.id}:${d.status}`)).toEqual([
      'case-review-2:PENDING',
      'case-review-1:MET',
    ]);
  });

  it('answers a retried open with the same Idempotency-Key with the same case, and opens no second one', async () => {
    const key = 'c1b0e3a2-retry-test';
    const report = aboutOtherPeople(NOISE_REPORT);
    const first = await api('POST', '/cases', { body: report, headers: { 'Idempotency-Key': key } });
    const retry = await api('POST', '/cases', { body: report, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.reference).toBe(first.body.reference);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const runs = await env.client.workflow.getHandle(first.body.reference).describe();
    expect(runs.status.name).toBe('RUNNING');

    const reused = await api('POST', '/cases', {
      body: { ...report, summary: 'A different report entirely, sent with the same key.' },
      headers: { 'Idempotency-Key': key },
    });
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses an invalid case with one problem entry per bad field, and opens nothing', async () => {
    const { status, headers, body } = await api('POST', '/cases', {
      body: { ...NOISE_REPORT, riskLevel: 'SEVERE', summary: 'short', team: undefined, colour: 'red' },
    });
    expect(status).toBe(400);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['colour', 'riskLevel', 'summary', 'team']);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers 401 without a valid token, and 403 to another team or a role that may not act', async () => {
    const opened = await api('POST', '/cases', { body: aboutOtherPeople(NOISE_REPORT) });
    const reference: string = opened.body.reference;

    const anonymous = await http(service.baseUrl, 'GET', `/cases/${reference}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    const forged = await http(service.baseUrl, 'GET', `/cases/${reference}`, { headers: { authorization: 'Bearer not.a.token' } });
    expect(forged.status).toBe(401);

    const southOfficer = await service.client({ sub: 'tom.price', roles: ['caseworker'], team: 'south' });
    expect((await southOfficer('GET', `/cases/${reference}`)).status).toBe(403);
    expect((await southOfficer('POST', `/cases/${reference}/reviews`, { body: { summary: 'Not my case.' } })).status).toBe(403);
    expect((await southOfficer('POST', '/cases', { body: NOISE_REPORT })).status).toBe(403);

    const police = await service.client({ sub: 'pc.lewis', roles: ['partner'], agency: 'police' });
    expect((await police('GET', `/cases/${reference}`)).status).toBe(403);

    const northCaseworker = await service.client({ sub: 'amira.khan', roles: ['caseworker'], team: 'north' });
    const escalation = await northCaseworker('POST', `/cases/${reference}/forum-changes`, { body: { to: 'MAG', reason: 'Repeat incidents.' } });
    expect(escalation.status).toBe(403);
    expect(escalation.body.detail).toContain('manager');

    const reviewed = await northCaseworker('POST', `/cases/${reference}/reviews`, { body: { summary: 'Reviewed with the family.' } });
    expect(reviewed.status).toBe(200);
    const timelineActor = reviewed.body.lastReviewedAt && reviewed.body.reviewCount;
    expect(timelineActor).toBe(1);
  });

  it('answers problem+json for malformed JSON and for an unknown case', async () => {
    const malformed = await api('POST', '/cases', { body: '{"type": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');

    const unknown = await api('GET', '/cases/ASB-2026-999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('case ASB-2026-999999 does not exist');
    const review = await api('POST', '/cases/ASB-2026-999999/reviews', { body: { summary: 'x' } });
    expect(review.status).toBe(404);
  });
});

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

async function waitForCase(api: ApiClient, reference: string, ready: (view: any) => boolean): Promise<any> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { body } = await api('GET', `/cases/${reference}`);
    if (ready(body)) return body;
    if (Date.now() > deadline) throw new Error(`case ${reference} never reached the expected state: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
