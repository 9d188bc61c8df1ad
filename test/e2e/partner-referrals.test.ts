import { type ApiClient, NORTH_OFFICER, type RunningService } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

/** What a neighbourhood police officer sends the council: no triage, no caseworker. */
const POLICE_REFERRAL = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'COMMUNITY_DISRUPTION',
  channel: 'POLICE_REFERRAL',
  summary: 'Groups gathering at the bus shelter on Thorpe Road every evening, throwing bottles at passing cars.',
  team: 'north',
  location: { address: 'Bus shelter, Thorpe Road, Melton Mowbray LE13 1SH', ward: 'Craven' },
  subjects: [{ id: 's1', name: 'Kai Doherty', dateOfBirth: '2007-05-19', tenure: 'UNKNOWN' }],
};

describe('partners who refer: the police open a case for the council, a partner with a full share records an incident', () => {
  let service: RunningService;
  let world: E2eWorld;
  let officer: ApiClient;
  let admin: ApiClient;
  let police: ApiClient;
  let housing: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-referrals');
    ({ service } = world);
    officer = await service.client(NORTH_OFFICER);
    admin = await service.client({ sub: 'asb-admin', roles: ['admin'] });
    police = await service.client({ sub: 'pc.lewis', roles: ['partner'], agency: 'police' });
    housing = await service.client({ sub: 'h.okoro', roles: ['partner'], agency: 'housing' });
  });

  afterAll(() => world?.stop());

  it('opens a police referral REPORTED and unallocated on the chosen team, which the police follow as a summary', async () => {
    const referred = await police('POST', '/cases', { body: POLICE_REFERRAL });
    expect(referred.status).toBe(201);
    const reference = referred.body.reference;
    expect(referred.body).toMatchObject({ stage: 'REPORTED', team: 'north', caseworker: null, riskLevel: null, channel: 'POLICE_REFERRAL', openedBy: 'pc.lewis' });
    // The referrer follows the case's stage, not the team's work on it.
    expect(JSON.stringify(referred.body)).not.toContain('Kai Doherty');

    const teamView = await officer('GET', `/cases/${reference}`);
    expect(teamView.body.sharedWith).toEqual([{ agency: 'POLICE', summaryOnly: true }]);
    expect(teamView.body.subjects).toEqual([expect.objectContaining({ name: 'Kai Doherty' })]);
    const opening = (await officer('GET', `/cases/${reference}/timeline`)).body.entries[0];
    expect(opening).toMatchObject({ kind: 'CASE_OPENED', actor: 'pc.lewis', data: expect.objectContaining({ referredBy: 'POLICE', stage: 'REPORTED' }) });
    expect(opening.summary).toContain('referred by Police');

    const audit = await admin('GET', `/audit?reference=${reference}`);
    expect(audit.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'case.open', actor: 'pc.lewis', status: 201 })]));

    const triaged = await officer('POST', `/cases/${reference}/risk-assessments`, {
      body: { assessment: { disability: false, mentalHealth: false, isolation: false, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true } },
    });
    expect(triaged.status).toBe(200);
    expect((await police('GET', `/cases/${reference}`)).body.stage).toBe('TRIAGED');
  });

  it('refuses a referral that triages or allocates the case, naming each field, and opens nothing', async () => {
    const before = (await officer('GET', '/cases')).body.items.length;
    const presumptuous = await police('POST', '/cases', {
      body: { ...POLICE_REFERRAL, summary: 'A second group at the skate park.', location: { address: 'Skate park, Wilton Road' }, riskLevel: 'HIGH', caseworker: 'amira.khan', channel: 'ONLINE_REPORT' },
    });
    expect(presumptuous.status).toBe(403);
    expect(presumptuous.body.detail).toMatch(/^riskLevel: .*; caseworker: .*; channel: a case referred by Police comes by POLICE_REFERRAL$/);
    expect((await officer('GET', '/cases')).body.items).toHaveLength(before);
  });

  it('lets a partner with a full share record an incident as themselves, and not on a summary-only share', async () => {
    const opened = await officer('POST', '/cases', {
      body: {
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'DRUGS',
        channel: 'CUSTOMER_SERVICES_CALL',
        summary: 'Callers at all hours to the ground-floor flat; needles found in the stairwell.',
        riskLevel: 'MEDIUM',
        team: 'north',
        location: { address: 'Flat 1, 22 Granby Street, Melton Mowbray LE13 0QU' },
        subjects: [{ id: 's1', name: 'Dean Carver', tenure: 'MBC_TENANT' }],
      },
    });
    const reference = opened.body.reference;
    const incident = { occurredAt: new Date(Date.now() - 2 * 3_600_000).toISOString(), description: 'Housing officer found the stairwell door forced again.', subjectIds: ['s1'] };

    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'HOUSING', summaryOnly: true, reason: 'Tenancy enforcement may follow.' } });
    expect((await housing('POST', `/cases/${reference}/incidents`, { body: incident })).status).toBe(403);
    expect((await police('POST', `/cases/${reference}/incidents`, { body: incident })).status).toBe(403);

    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'HOUSING', summaryOnly: false, reason: 'Housing lead on the tenancy.' } });
    const recorded = await housing('POST', `/cases/${reference}/incidents`, { body: incident });
    expect(recorded.status).toBe(200);
    expect(recorded.body.incidents).toEqual([expect.objectContaining({ description: 'Housing officer found the stairwell door forced again.', reportedBy: 'h.okoro' })]);
    const entry = (await officer('GET', `/cases/${reference}/timeline`)).body.entries.at(-1);
    expect(entry).toMatchObject({ kind: 'INCIDENT_RECORDED', actor: 'h.okoro' });
    const audit = await admin('GET', `/audit?reference=${reference}&actor=h.okoro`);
    expect(audit.body.entries.map((row: { action: string; status: number }) => `${row.action} ${row.status}`)).toEqual(
      expect.arrayContaining(['case.command.recordIncident 403', 'case.command.recordIncident 200']),
    );
  });
});
