import { type ApiClient, NORTH_OFFICER, type RunningService, SOUTH_OFFICER } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

const report = (overrides: Record<string, unknown>) => ({
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Loud parties at weekends in the flat next door, into the early morning.',
  riskLevel: 'STANDARD',
  team: 'north',
  ...overrides,
});

const references = (response: { body: { items: { reference: string }[] } }) => response.body.items.map((item) => item.reference);

describe('searching cases by person, address or postcode, and summary, within the caller’s scope', () => {
  let service: RunningService;
  let world: E2eWorld;
  let north: ApiClient;
  let whitfield: string;
  let skateboards: string;
  let shared: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-search');
    ({ service } = world);
    north = await service.client(NORTH_OFFICER);
    const open = async (client: ApiClient, body: Record<string, unknown>) => {
      const response = await client('POST', '/cases', { body });
      if (response.status !== 201) throw new Error(`setup expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body.reference as string;
    };
    whitfield = await open(
      north,
      report({
        location: { address: '7 Brook Lane, Melton Mowbray LE13 1AB', ward: 'Egerton' },
        subjects: [{ id: 's1', name: 'Jordan Whitfield', dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' }],
        complainants: [{ id: 'c1', name: 'Pat Lee', vulnerable: false }],
      }),
    );
    skateboards = await open(north, report({ category: 'COMMUNITY_DISRUPTION', summary: 'Skateboarders in the precinct after dark, damaging benches.', location: { address: '2 Market Place, Melton Mowbray LE13 9ZZ' } }));
    shared = await open(north, report({ location: { address: '40 Nottingham Road, Melton Mowbray LE13 0NP' }, subjects: [{ id: 's1', name: 'Casey Marlowe', tenure: 'OWNER_OCCUPIER' }] }));
    const witness = await north('POST', `/cases/${whitfield}/parties`, { body: { role: 'WITNESS', id: 'w1', name: 'Olu Brennan', contact: '07700 900456' } });
    if (witness.status !== 200) throw new Error(`setup: adding the witness answered ${witness.status}`);
    const share = await north('POST', `/cases/${shared}/shares`, { body: { agency: 'POLICE', summaryOnly: false, reason: 'Joint patrols.' } });
    if (share.status !== 200) throw new Error(`setup: share answered ${share.status}`);
  });

  afterAll(() => world?.stop());

  it('finds a case by a misspelt surname, by a date of birth, and by its postcode with or without the space', async () => {
    expect(references(await north('GET', '/cases?q=Whitfeld'))).toEqual([whitfield]);
    expect(references(await north('GET', `/cases?q=${encodeURIComponent('jordan whitfied')}`))).toEqual([whitfield]);
    expect(references(await north('GET', '/cases?q=14/07/1991'))).toEqual([whitfield]);
    expect(references(await north('GET', `/cases?q=${encodeURIComponent('Whitfield 1990-01-01')}`))).toEqual([]);
    expect(references(await north('GET', `/cases?q=${encodeURIComponent('LE13 1AB')}`))[0]).toBe(whitfield);
    expect(references(await north('GET', '/cases?q=le131ab'))[0]).toBe(whitfield);
  });

  it('finds a case by its witness’s name, misspelt too, and by words of its address', async () => {
    expect(references(await north('GET', `/cases?q=${encodeURIComponent('Olu Brennan')}`))).toEqual([whitfield]);
    expect(references(await north('GET', '/cases?q=Brenan'))).toEqual([whitfield]);
    expect(references(await north('GET', `/cases?q=${encodeURIComponent('7 Brook Lane')}`))).toEqual([whitfield]);
    expect(references(await north('GET', `/cases?q=${encodeURIComponent('Nottingam Road')}`))).toEqual([shared]);
    const south = await service.client(SOUTH_OFFICER);
    expect(references(await south('GET', '/cases?q=Brennan'))).toEqual([]);
  });

  it('finds a case by words of its summary, and combines the search with the list’s filters', async () => {
    expect(references(await north('GET', '/cases?q=skateboarder'))).toEqual([skateboards]);
    expect(references(await north('GET', '/cases?q=skateboarder&category=NOISE_DISPUTE'))).toEqual([]);
  });

  it('finds nothing for another team, and nothing for a partner that is not shared with it in full, not even by exact name', async () => {
    const south = await service.client(SOUTH_OFFICER);
    expect(references(await south('GET', `/cases?q=${encodeURIComponent('Jordan Whitfield')}`))).toEqual([]);
    const police = await service.client({ sub: 'pc.lewis', roles: ['partner'], agency: 'police' });
    expect(references(await police('GET', `/cases?q=${encodeURIComponent('Jordan Whitfield')}`))).toEqual([]);
    expect(references(await police('GET', `/cases?q=${encodeURIComponent('Casey Marlowe')}`))).toEqual([shared]);
    const housing = await service.client({ sub: 'hs.jones', roles: ['partner'], agency: 'housing' });
    await north('POST', `/cases/${whitfield}/shares`, { body: { agency: 'HOUSING', summaryOnly: true, reason: 'Tenancy officer to attend the joint visit.' } });
    expect(references(await housing('GET', '/cases'))).toEqual([whitfield]);
    expect(references(await housing('GET', `/cases?q=${encodeURIComponent('Jordan Whitfield')}`))).toEqual([]);
  });

  it('refuses a search that is not plain text', async () => {
    const response = await north('GET', `/cases?q=${encodeURIComponent('a\u0000b')}`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('q');
  });
});
