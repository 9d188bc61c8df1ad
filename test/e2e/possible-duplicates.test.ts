import { type ApiClient, NORTH_OFFICER, type RunningService, SOUTH_OFFICER } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

const report = (overrides: Record<string, unknown> = {}) => ({
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Dogs barking through the night in the back garden next door.',
  riskLevel: 'STANDARD',
  team: 'north',
  location: { address: '12 Sandy Lane, Melton Mowbray LE13 0AH', ward: 'Sysonby' },
  complainants: [{ id: 'c1', name: 'Morgan Ellis', vulnerable: false }],
  ...overrides,
});

interface Entry {
  kind: string;
  summary: string;
  data: Record<string, unknown> | null;
}

describe('a report that may repeat an open case: shown the matches, the caseworker opens anyway, links, or adds an incident', () => {
  let service: RunningService;
  let world: E2eWorld;
  let north: ApiClient;
  let south: ApiClient;
  let existing: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-duplicates');
    ({ service } = world);
    north = await service.client(NORTH_OFFICER);
    south = await service.client(SOUTH_OFFICER);
    const opened = await north('POST', '/cases', { body: report({ subjects: [{ id: 's1', name: 'Rory Baines', dateOfBirth: '1988-02-03', tenure: 'PRIVATE_RENTED' }] }) });
    if (opened.status !== 201) throw new Error(`setup expected 201, got ${opened.status}: ${JSON.stringify(opened.body)}`);
    existing = opened.body.reference;
  });

  afterAll(() => world?.stop());

  it('answers a second report at the same address with the open case it may repeat, and opens nothing', async () => {
    const second = report({ complainants: [{ id: 'c1', name: 'Sam Okafor', vulnerable: false }], location: { address: '12 Sandy Lane, Melton Mowbray', ward: 'Sysonby' } });
    const answer = await north('POST', '/cases', { body: second });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ condition: 'POSSIBLE_DUPLICATE', matches: [{ reference: existing, team: 'north', matchedOn: ['ADDRESS'] }] });
    expect(answer.body.detail).toContain(existing);
    expect((await north('GET', '/cases')).body.items.map((item: { reference: string }) => item.reference)).toEqual([existing]);
  });

  it('matches the same subject written another way, but not a namesake with another date of birth', async () => {
    const elsewhere = { address: '3 Wyndham Avenue, Melton Mowbray LE13 1BX', ward: 'Egerton' };
    const sameSubject = await north('POST', '/cases', {
      body: report({ location: elsewhere, complainants: [], subjects: [{ id: 's1', name: 'BAINES, Rory', dateOfBirth: '1988-02-03', tenure: 'UNKNOWN' }] }),
    });
    expect(sameSubject.status).toBe(409);
    expect(sameSubject.body.matches).toEqual([expect.objectContaining({ reference: existing, matchedOn: ['SUBJECT'] })]);

    const namesake = await north('POST', '/cases', {
      body: report({ location: elsewhere, complainants: [], subjects: [{ id: 's1', name: 'Rory Baines', dateOfBirth: '2001-09-30', tenure: 'UNKNOWN' }] }),
    });
    expect(namesake.status).toBe(201);
    expect(namesake.body.stage).toBe('TRIAGED');
  });

  it('opens anyway when told to, and records that decision with its reason in the timeline', async () => {
    const again = report({ complainants: [{ id: 'c1', name: 'Sam Okafor', vulnerable: false }] });
    const decided = await north('POST', '/cases', {
      body: { ...again, possibleDuplicates: { decision: 'OPEN_ANYWAY', references: [existing], reason: 'A different neighbour, about the dog at number 14.' } },
    });
    expect(decided.status).toBe(201);
    const timeline = await north('GET', `/cases/${decided.body.reference}/timeline`);
    const opening = timeline.body.entries.find((entry: Entry) => entry.kind === 'CASE_OPENED');
    expect(opening.summary).toContain(`it may repeat ${existing}, opened anyway: A different neighbour`);
    expect(opening.data.possibleDuplicates).toEqual({ decision: 'OPEN_ANYWAY', references: [existing], reason: 'A different neighbour, about the dog at number 14.' });
  });

  it('asks again when the decision does not cover every match, such as a case opened meanwhile', async () => {
    const third = report({ complainants: [{ id: 'c1', name: 'Lee Hart', vulnerable: false }] });
    const answer = await north('POST', '/cases', { body: { ...third, possibleDuplicates: { decision: 'OPEN_ANYWAY', references: [existing], reason: 'Separate.' } } });
    expect(answer.status).toBe(409);
    expect(answer.body.matches.map((match: { reference: string }) => match.reference)).not.toContain(existing);
    expect(answer.body.matches).toHaveLength(1);
  });

  it('opens linked to the case it may repeat, the link seen from both cases', async () => {
    const neighbour = report({ summary: 'Barking and howling from the garden at number 12 all weekend.', complainants: [{ id: 'c1', name: 'Jess Turner', vulnerable: true }], location: { address: '12 Sandy Lane', ward: 'Sysonby' } });
    const asked = await north('POST', '/cases', { body: neighbour });
    expect(asked.status).toBe(409);
    const references = asked.body.matches.map((match: { reference: string }) => match.reference);
    expect(references).toContain(existing);
    const linked = await north('POST', '/cases', { body: { ...neighbour, possibleDuplicates: { decision: 'OPEN_AND_LINK', references, reason: 'Same dog, a complainant of her own.' } } });
    expect(linked.status).toBe(201);
    const newCase = linked.body.reference;
    expect(linked.body.linkedCases).toEqual(
      expect.arrayContaining([expect.objectContaining({ reference: existing, direction: 'TO', reason: 'POSSIBLE_DUPLICATE', note: 'Same dog, a complainant of her own.' })]),
    );
    const other = await north('GET', `/cases/${existing}`);
    expect(other.body.linkedCases).toEqual([expect.objectContaining({ reference: newCase, direction: 'FROM', reason: 'POSSIBLE_DUPLICATE' })]);
  });

  it('adds the report to the existing case as an incident instead, which changes that case and opens nothing', async () => {
    const before = (await north('GET', '/cases')).body.items.length;
    const incident = await north('POST', `/cases/${existing}/incidents`, {
      body: { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Reported by a second neighbour: barking from 1am to 4am.', subjectIds: ['s1'] },
    });
    expect(incident.status).toBe(200);
    expect(incident.body.incidents.map((entry: { description: string }) => entry.description)).toContain('Reported by a second neighbour: barking from 1am to 4am.');
    expect((await north('GET', '/cases')).body.items).toHaveLength(before);
  });

  it('looks only among the cases the caller may see: the south team opens its own case at the same address', async () => {
    const inSouth = await south('POST', '/cases', { body: report({ team: 'south' }) });
    expect(inSouth.status).toBe(201);
  });

  it('refuses a malformed decision, naming the field, and opens nothing', async () => {
    const bad = await north('POST', '/cases', { body: { ...report(), possibleDuplicates: { decision: 'MERGE', references: ['ASB-1'], reason: '' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['possibleDuplicates.decision', 'possibleDuplicates.reason', 'possibleDuplicates.references.0']);
  });
});
