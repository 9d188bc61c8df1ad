import { type ApiClient, NORTH_OFFICER, type RunningService } from '../support/service';
import { aboutOtherPeople } from '../support/distinct-reports';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

const HARASSMENT = {
  type: 'HATE_CRIME',
  category: 'HARASSMENT',
  channel: 'POLICE_REFERRAL',
  summary: 'Racist abuse shouted at a family from the flat opposite, most evenings.',
  team: 'north',
  caseworker: 'amira.khan',
  riskAssessment: { disability: false, mentalHealth: false, isolation: true, repeatVictimisation: true, hateMotive: true, impactOnDailyLife: true },
  complainants: [{ id: 'c1', name: 'Nadia Shah', vulnerable: true }],
  subjects: [{ id: 's1', name: 'Lee Carter', dateOfBirth: '1988-02-11', tenure: 'MBC_TENANT' }],
};

describe('case commands over HTTP: the ladder, refusals that explain themselves, and concurrent changes', () => {
  let service: RunningService;
  let world: E2eWorld;
  let api: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-commands');
    ({ service } = world);
    api = await service.client(NORTH_OFFICER);
  });

  afterAll(() => world?.stop());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => api('POST', path, { body, headers });

  it('takes a CPW, refuses the CPN while its compliance period runs (saying until when), and records each step', async () => {
    const opened = await post('/cases', aboutOtherPeople(HARASSMENT));
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ stage: 'ALLOCATED', riskLevel: 'HIGH' });
    const reference: string = opened.body.reference;

    const cpw = await post(`/cases/${reference}/enforcement-steps`, { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: 'Hate-motivated abuse: straight to a CPW.' });
    expect(cpw.status).toBe(200);
    const compliance = cpw.body.deadlines.find((deadline: { kind: string }) => deadline.kind === 'CPW_COMPLIANCE');
    expect(compliance.status).toBe('PENDING');

    const cpn = await post(`/cases/${reference}/enforcement-steps`, { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements: [{ text: 'Stop shouting at the occupants of no. 12.', dueOn: compliance.dueOn }] });
    expect(cpn.status).toBe(409);
    expect(cpn.headers.get('content-type')).toContain('application/problem+json');
    expect(cpn.body.condition).toBe('CPW_COMPLIANCE_PERIOD_RUNNING');
    expect(cpn.body.detail).toMatch(/^CPN not available until \d{4}-\d{2}-\d{2}: the CPW compliance period runs until \d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(cpn.body.holdsFrom) - Date.parse(compliance.dueOn)).toBe(86_400_000);

    const unknownStep = await post(`/cases/${reference}/enforcement-steps/step-9/breaches`, { description: 'x', occurredAt: new Date().toISOString() });
    expect(unknownStep.status).toBe(409);
    expect(unknownStep.body.condition).toBe('NOT_BREACHABLE');
  });

  it('refuses a command made on a stale version with 409, and of two people acting at once exactly one wins', async () => {
    const opened = await post('/cases', aboutOtherPeople(HARASSMENT));
    const reference: string = opened.body.reference;
    const etag = opened.headers.get('etag')!;

    const [first, second] = await Promise.all([
      post(`/cases/${reference}/forum-changes`, { to: 'MAG', reason: 'Council tenant; hate motive.' }, { 'If-Match': etag }),
      post(`/cases/${reference}/incidents`, { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Abuse through the letterbox.', subjectIds: ['s1'] }, { 'If-Match': etag }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.condition).toBe('CONCURRENT_CHANGE');

    const now = await api('GET', `/cases/${reference}`);
    expect(now.body.version).toBe(opened.body.version + 1);
    const retried = await post(
      loser === first ? `/cases/${reference}/forum-changes` : `/cases/${reference}/incidents`,
      loser === first ? { to: 'MAG', reason: 'Council tenant; hate motive.' } : { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Abuse through the letterbox.', subjectIds: ['s1'] },
      { 'If-Match': now.headers.get('etag')! },
    );
    expect(retried.status).toBe(200);
  });

  it('acts once for a command retried with the same Idempotency-Key', async () => {
    const opened = await post('/cases', aboutOtherPeople(HARASSMENT));
    const reference: string = opened.body.reference;
    const body = { occurredAt: new Date(Date.now() - 7_200_000).toISOString(), description: 'Eggs thrown at the window.', subjectIds: ['s1'] };
    const first = await post(`/cases/${reference}/incidents`, body, { 'Idempotency-Key': 'incident-eggs-1' });
    const again = await post(`/cases/${reference}/incidents`, body, { 'Idempotency-Key': 'incident-eggs-1' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(first.body.version);
  });

  it('rejects an invalid command body with one entry per field', async () => {
    const opened = await post('/cases', aboutOtherPeople(HARASSMENT));
    const response = await post(`/cases/${opened.body.reference}/enforcement-steps`, { kind: 'STERN_LOOK', amountPounds: -5 });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['amountPounds', 'kind']);
  });
});
