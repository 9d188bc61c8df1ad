import { type ApiClient, NORTH_OFFICER, type RunningService } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { aboutOtherPeople } from '../support/distinct-reports';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** A missing child's case through the API: its own commands, its own deadlines, and the MAG on the third episode. */
describe('a case type’s own commands through the API (missing child)', () => {
  let service: RunningService;
  let world: E2eWorld;
  let officer: ApiClient;
  let reference: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-types');
    ({ service } = world);
    officer = await service.client(NORTH_OFFICER);
    const opened = await officer('POST', '/cases', {
      body: aboutOtherPeople({ type: 'MISSING_PERSON', category: 'OTHER', channel: 'POLICE_REFERRAL', summary: 'Casey, 14, missing overnight from her foster placement again.', riskLevel: 'HIGH', team: 'north', caseworker: 'amira.khan', location: { ward: 'Egerton' } }),
    });
    expect(opened.status).toBe(201);
    reference = opened.body.reference;
  });

  afterAll(() => world?.stop());

  it('opens with no complainant duties', async () => {
    const ledger = await officer('GET', `/cases/${reference}/deadlines`);
    expect(ledger.status).toBe(200);
    expect(ledger.body.deadlines.map((deadline: { kind: string }) => deadline.kind)).toEqual(['CASE_REVIEW']);
  });

  it('names the field of a bad body (400), and refuses a return before the child went missing (409) with its sentence', async () => {
    const bad = await officer('POST', `/cases/${reference}/missing-episodes`, { body: { missingFrom: hoursAgo(5) } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['returnedAt']);
    const backwards = await officer('POST', `/cases/${reference}/missing-episodes`, { body: { missingFrom: hoursAgo(2), returnedAt: hoursAgo(5) } });
    expect(backwards.status).toBe(409);
    expect(backwards.body.condition).toBe('RETURN_BEFORE_MISSING');
    expect(backwards.body.detail).toMatch(/^returnedAt \S+ is before missingFrom \S+$/);
  });

  it('records an episode once for a repeated request, plans the interview 72 hours after the return, and the offer meets it', async () => {
    const body = { missingFrom: hoursAgo(20), returnedAt: hoursAgo(2) };
    const first = await officer('POST', `/cases/${reference}/missing-episodes`, { body, headers: { 'Idempotency-Key': 'episode-casey-1' } });
    const again = await officer('POST', `/cases/${reference}/missing-episodes`, { body, headers: { 'Idempotency-Key': 'episode-casey-1' } });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(first.body.version);
    const interview = first.body.deadlines.find((deadline: { kind: string }) => deadline.kind === 'RETURN_HOME_INTERVIEW');
    expect(Date.parse(interview.dueAt) - Date.parse(body.returnedAt)).toBe(72 * 3_600_000);

    const offered = await officer('POST', `/cases/${reference}/missing-episodes/episode-1/return-home-interview`, { body: { accepted: true, summary: 'Independent worker to see Casey after school.' } });
    expect(offered.status).toBe(200);
    expect(offered.body.deadlines.find((deadline: { kind: string }) => deadline.kind === 'RETURN_HOME_INTERVIEW').status).toBe('MET');
    const unknown = await officer('POST', `/cases/${reference}/missing-episodes/episode-9/return-home-interview`, { body: { accepted: true, summary: 'x' } });
    expect(unknown.status).toBe(409);
    expect(unknown.body.condition).toBe('UNKNOWN_EPISODE');
  });

  it('moves the case to the MAG on the third episode within 90 days', async () => {
    await officer('POST', `/cases/${reference}/missing-episodes`, { body: { missingFrom: hoursAgo(1.5), returnedAt: hoursAgo(1.2) } });
    const third = await officer('POST', `/cases/${reference}/missing-episodes`, { body: { missingFrom: hoursAgo(1), returnedAt: hoursAgo(0.5) } });
    expect(third.status).toBe(200);
    expect(third.body.forum).toBe('MAG');
  });

  it('refuses another type’s command with NOT_FOR_CASE_TYPE', async () => {
    const refused = await officer('POST', `/cases/${reference}/victim-contact`, { body: { summary: 'x', protectedCharacteristics: ['RACE'], victimSupport: 'DECLINED' } });
    expect(refused.status).toBe(409);
    expect(refused.body.condition).toBe('NOT_FOR_CASE_TYPE');
    expect(refused.body.detail).toBe(`contact with a hate crime victim is recorded on a hate crime case; ${reference} is missing person`);
  });
});
