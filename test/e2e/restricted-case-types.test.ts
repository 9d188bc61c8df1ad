import type { TokenClaims } from '../../libs/auth/src';
import { eventually } from '../support/case-driver';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import type { ApiClient } from '../support/service';
import { aboutOtherPeople } from '../support/distinct-reports';

/**
 * Child sexual exploitation and Prevent cases (docs/restricted-case-types.md): anyone may open one (a
 * concern is never turned away at the door), and from then on it exists only for the people named for
 * it, the `safeguarding` role and a partner agency it is shared with. For everyone else it is a 404 by
 * URL, and absent from lists, search, the overdue list, duplicate matches and statistics; every view of
 * it is in the audit under its reference. Prevent under its minimum count (10) is suppressed in statistics.
 */
const PEOPLE = {
  caseworker: { sub: 'amira.khan', name: 'Amira Khan', roles: ['caseworker'], team: 'north' },
  manager: { sub: 'jo.bennett', name: 'Jo Bennett', roles: ['manager'], team: 'north' },
  safeguarding: { sub: 'priya.shah', name: 'Priya Shah', roles: ['caseworker', 'safeguarding'], team: 'north' },
  headOfService: { sub: 'helen.ward', name: 'Helen Ward', roles: ['head_of_service'] },
  admin: { sub: 'admin', name: 'Service Admin', roles: ['admin'] },
  police: { sub: 'pc.lewis', name: 'PC Lewis', roles: ['partner'], agency: 'police' },
} satisfies Record<string, TokenClaims>;
type Person = keyof typeof PEOPLE;
const NOT_NAMED: readonly Person[] = ['caseworker', 'manager', 'headOfService', 'admin', 'police'];

const SUBJECT = 'Dean Harcastle';
const POSTCODE = 'LE13 1QT';
const CSE_SUMMARY = 'A 14-year-old is collected from school by older men in different cars.';
const cseReport = {
  type: 'CHILD_SEXUAL_EXPLOITATION',
  category: 'OTHER',
  channel: 'CUSTOMER_SERVICES_CALL',
  summary: CSE_SUMMARY,
  riskLevel: 'HIGH',
  team: 'north',
  caseworker: 'priya.shah',
  location: { address: `7 Wyndham Avenue, Melton Mowbray ${POSTCODE}`, ward: 'Egerton' },
  complainants: [{ id: 'c1', name: 'Lorna Pickett', vulnerable: true }],
  subjects: [{ id: 's1', name: SUBJECT, dateOfBirth: '1979-02-11', tenure: 'PRIVATE_RENTED' }],
};
/** A report of something else at the same address about the same man: a possible duplicate of the CSE case, for those who may see it. */
const sameAddressReport = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'INCONSIDERATE_PARKING',
  channel: 'ONLINE_REPORT',
  summary: 'Cars parked across the drive at all hours.',
  riskLevel: 'STANDARD',
  team: 'north',
  location: { address: cseReport.location.address, ward: 'Egerton' },
  complainants: [{ id: 'c1', name: 'Mo Ferris' }],
  subjects: [{ id: 's1', name: SUBJECT }],
};
/** A north case about people no other case here names; `type` and the rest as given. */
const anotherCase = (overrides: Record<string, unknown>) =>
  aboutOtherPeople({
    category: 'OTHER',
    channel: 'CUSTOMER_SERVICES_CALL',
    riskLevel: 'MEDIUM',
    team: 'north',
    location: { ward: 'Egerton', priorityNeighbourhood: false },
    subjects: [{ id: 's1', name: 'Kit Aldous', dateOfBirth: '2007-05-03', tenure: 'OWNER_OCCUPIER' }],
    ...overrides,
  });
const preventReport = () =>
  anotherCase({ type: 'PREVENT', summary: 'A college tutor reports a student sharing extremist material.', caseworker: 'priya.shah', location: { ward: 'Sysonby', priorityNeighbourhood: false } });
const openReport = () => anotherCase({ type: 'ANTI_SOCIAL_BEHAVIOUR', category: 'NOISE_DISPUTE', summary: 'Loud music most nights.', caseworker: 'amira.khan' });

const STATISTICS = '/statistics?from=2000-01-01&to=2100-01-01';
type Counts = { key: string | null; count: number }[];
const total = (rows: Counts) => rows.reduce((sum, row) => sum + row.count, 0);
const countOf = (rows: Counts, key: string) => rows.find((row) => row.key === key)?.count;
const referencesIn = (body: { items: { reference: string }[] }) => body.items.map((item) => item.reference);

describe('restricted case types: only the named see a CSE or Prevent case, and every view is audited', () => {
  let world: E2eWorld;
  const as = {} as Record<Person, ApiClient>;
  let cse: string;
  let openCase: string;

  const opened = async (who: Person, body: unknown): Promise<string> => {
    const response = await as[who]('POST', '/cases', { body });
    if (response.status !== 201) throw new Error(`setup: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.reference;
  };

  beforeAll(async () => {
    world = await startE2eWorld('asb-restricted-types');
    for (const name of Object.keys(PEOPLE) as Person[]) as[name] = await world.service.client(PEOPLE[name]);
    openCase = await opened('caseworker', openReport());
  });

  afterAll(() => world?.stop());

  it('lets a caseworker without the role open a CSE case, which from then on is not there for them (404 on every route), and is for the safeguarding role', async () => {
    const response = await as.caseworker('POST', '/cases', { body: cseReport });
    expect(response.status).toBe(201);
    cse = response.body.reference;
    const routes: [string, string, unknown?][] = [
      ['GET', `/cases/${cse}`],
      ['GET', `/cases/${cse}/timeline`],
      ['GET', `/cases/${cse}/deadlines`],
      ['GET', `/cases/${cse}/next-steps`],
      ['GET', `/cases/${cse}/documents`],
      ['GET', `/cases/${cse}/evidence`],
      ['POST', `/cases/${cse}/notes`, { text: 'Trying to add to it.' }],
      ['POST', `/cases/${cse}/shares`, { agency: 'POLICE', summaryOnly: false, reason: 'Trying to share it.' }],
    ];
    for (const who of NOT_NAMED) {
      for (const [method, path, body] of routes) {
        const answer = await as[who](method, path, body === undefined ? {} : { body });
        expect({ who, method, path, status: answer.status }).toEqual({ who, method, path, status: 404 });
        expect(JSON.stringify(answer.body)).not.toContain(CSE_SUMMARY);
      }
    }
    // A link to it from a case of their own: the case linked to is not there either.
    for (const who of ['caseworker', 'manager'] as const) {
      expect((await as[who]('POST', `/cases/${openCase}/links`, { body: { linkedReference: cse, reason: 'SAME_SUBJECT' } })).status).toBe(404);
    }
    const read = await as.safeguarding('GET', `/cases/${cse}`);
    expect(`${read.status} ${read.body.summary} ${read.body.type}`).toBe(`200 ${CSE_SUMMARY} CHILD_SEXUAL_EXPLOITATION`);
    expect((await as.safeguarding('POST', `/cases/${cse}/notes`, { body: { text: 'Strategy discussion booked with children’s social care.' } })).status).toBe(200);
  });

  it('leaves the CSE case out of lists and search for everyone not named, and finds it for the safeguarding role', async () => {
    for (const who of NOT_NAMED) {
      for (const query of ['?limit=200', '?type=CHILD_SEXUAL_EXPLOITATION', `?q=${encodeURIComponent(SUBJECT)}`, `?q=${encodeURIComponent(POSTCODE)}`, '?q=collected%20from%20school']) {
        const list = await as[who]('GET', `/cases${query}`);
        expect({ who, query, status: list.status, found: referencesIn(list.body).includes(cse) }).toEqual({ who, query, status: 200, found: false });
      }
    }
    for (const query of ['?limit=200', '?type=CHILD_SEXUAL_EXPLOITATION', `?q=${encodeURIComponent(SUBJECT)}`, `?q=${encodeURIComponent(POSTCODE)}`]) {
      expect({ query, found: referencesIn((await as.safeguarding('GET', `/cases${query}`)).body).includes(cse) }).toEqual({ query, found: true });
    }
  });

  it('matches a report to the CSE case as a possible duplicate only for the safeguarding role: nobody else learns of it by a 409', async () => {
    const named = await as.safeguarding('POST', '/cases', { body: { ...sameAddressReport, caseworker: 'priya.shah' } });
    expect(named.status).toBe(409);
    expect(named.body.matches.map((match: { reference: string }) => match.reference)).toContain(cse);
    const unnamed = await as.caseworker('POST', '/cases', { body: { ...sameAddressReport, caseworker: 'amira.khan' } });
    expect(unnamed.status).toBe(201);
    expect(JSON.stringify(unnamed.body)).not.toContain(cse);
  });

  it('shows a partner the CSE case only once it is shared with their agency, and not after the share is stopped', async () => {
    expect((await as.police('GET', `/cases/${cse}`)).status).toBe(404);
    expect((await as.safeguarding('POST', `/cases/${cse}/shares`, { body: { agency: 'POLICE', summaryOnly: false, reason: 'Joint child protection enquiry (s.47).' } })).status).toBe(200);
    const shared = await as.police('GET', `/cases/${cse}`);
    expect(`${shared.status} ${shared.body.summary}`).toBe(`200 ${CSE_SUMMARY}`);
    expect(referencesIn((await as.police('GET', '/cases')).body)).toContain(cse);
    expect((await as.safeguarding('POST', `/cases/${cse}/shares/stop`, { body: { agency: 'POLICE', reason: 'Enquiry closed.' } })).status).toBe(200);
    expect((await as.police('GET', `/cases/${cse}`)).status).toBe(404);
    expect(referencesIn((await as.police('GET', '/cases')).body)).not.toContain(cse);
  });

  it('counts restricted cases only for the safeguarding role, and suppresses Prevent below 10 cases, then shows it at 10', async () => {
    await opened('safeguarding', preventReport());
    for (const who of ['caseworker', 'manager', 'headOfService', 'admin'] as const) {
      const stats = (await as[who]('GET', STATISTICS)).body;
      expect({ who, cse: countOf(stats.byType, 'CHILD_SEXUAL_EXPLOITATION'), prevent: countOf(stats.byType, 'PREVENT') }).toEqual({ who, cse: undefined, prevent: undefined });
      // Left out of every count, not only of the count by type.
      expect({ who, byWard: total(stats.byWard), byRisk: total(stats.byRisk) }).toEqual({ who, byWard: total(stats.byType), byRisk: total(stats.byType) });
    }
    const few = (await as.safeguarding('GET', STATISTICS)).body;
    expect(countOf(few.byType, 'CHILD_SEXUAL_EXPLOITATION')).toBe(1);
    expect(countOf(few.byType, 'PREVENT')).toBeUndefined();
    expect(few.suppressed).toEqual([{ type: 'PREVENT', fewerThan: 10 }]);
    expect(countOf(few.byWard, 'Sysonby')).toBeUndefined();
    expect(total(few.byWard)).toBe(total(few.byType));

    for (let more = 0; more < 9; more++) await opened('safeguarding', preventReport());
    const enough = (await as.safeguarding('GET', STATISTICS)).body;
    expect(countOf(enough.byType, 'PREVENT')).toBe(10);
    expect(enough.suppressed).toEqual([]);
    expect(countOf(enough.byWard, 'Sysonby')).toBe(10);
  });

  it('leaves an overdue CSE case out of the overdue list and the team overview for those not named', async () => {
    // HIGH risk: reviewed every 7 days (local policy), so missed by the eighth day.
    await world.env.sleep('8 days');
    await eventually(async () => referencesIn((await as.safeguarding('GET', '/cases?overdue=true&limit=200')).body).includes(cse));
    for (const who of ['caseworker', 'manager', 'headOfService'] as const) {
      expect({ who, found: referencesIn((await as[who]('GET', '/cases?overdue=true&limit=200')).body).includes(cse) }).toEqual({ who, found: false });
    }
    const overview = (who: 'manager' | 'headOfService') => as[who]('GET', '/teams/north/overview');
    for (const who of ['manager', 'headOfService'] as const) {
      const { body } = await overview(who);
      expect({ who, found: JSON.stringify(body).includes(cse) }).toEqual({ who, found: false });
    }
  });

  it('shows a link from an open case to the CSE case only to the safeguarding role: not in the open case’s linked cases or timeline for others', async () => {
    const note = 'Same man seen collecting the child from the address.';
    const linked = await as.safeguarding('POST', `/cases/${openCase}/links`, { body: { linkedReference: cse, reason: 'SAME_SUBJECT', note } });
    expect(linked.status).toBe(200);
    expect(linked.body.linkedCases.map((link: { reference: string }) => link.reference)).toEqual([cse]);
    const timelineOf = async (who: Person) => JSON.stringify((await as[who]('GET', `/cases/${openCase}/timeline`)).body.entries);
    expect(await timelineOf('safeguarding')).toContain(note);
    for (const who of ['caseworker', 'manager', 'headOfService'] as const) {
      const view = await as[who]('GET', `/cases/${openCase}`);
      expect({ who, status: view.status, linked: view.body.linkedCases }).toEqual({ who, status: 200, linked: [] });
      const timeline = await timelineOf(who);
      expect({ who, mentions: timeline.includes(cse) || timeline.includes(note) }).toEqual({ who, mentions: false });
    }
  });

  it('audits every view of the CSE case under its reference: reads, a list that showed it, and the refused attempts', async () => {
    const { body } = await as.admin('GET', `/audit?reference=${cse}&limit=500`);
    const seen = (body.entries as { actor: string; action: string; status: number }[]).map((entry) => `${entry.actor} ${entry.action} ${entry.status}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'priya.shah case.view 200',
        'priya.shah case.search.restricted-case-shown 200',
        'pc.lewis case.view 200',
        'pc.lewis case.search.restricted-case-shown 200',
        'amira.khan case.view 404',
        'jo.bennett case.view.timeline 404',
        'admin case.view 404',
        'pc.lewis case.view 404',
      ]),
    );
    // Nobody not named was ever shown it in a list.
    expect(seen.filter((entry) => entry.includes('restricted-case-shown') && !/^(priya\.shah|pc\.lewis) /.test(entry))).toEqual([]);
  });
});
