import { type ApiClient, NORTH_OFFICER, type RunningService } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

const REPORT = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'DRUGS',
  channel: 'POLICE_REFERRAL',
  summary: 'Suspected cuckooing at 7 Hawthorn Drive: a vulnerable tenant’s flat used for dealing.',
  riskLevel: 'HIGH',
  team: 'north',
  caseworker: 'amira.khan',
  location: { address: '7 Hawthorn Drive, Melton Mowbray', ward: 'Warwick', priorityNeighbourhood: true },
  subjects: [{ id: 's1', name: 'Unknown visitors', tenure: 'UNKNOWN' }],
};

describe('sharing a case with a partner agency (Crime and Disorder Act s.115): only what is shared, only with whom', () => {
  let service: RunningService;
  let world: E2eWorld;
  let officer: ApiClient;
  let police: ApiClient;
  let housing: ApiClient;
  let reference: string;
  const thisYear = new Date().getUTCFullYear();
  const statistics = `/statistics?from=${thisYear - 1}-01-01&to=${thisYear + 1}-01-01`;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-sharing');
    ({ service } = world);
    officer = await service.client(NORTH_OFFICER);
    police = await service.client({ sub: 'pc.lewis', roles: ['partner'], agency: 'police' });
    housing = await service.client({ sub: 'h.officer', roles: ['partner'], agency: 'housing' });
    reference = (await officer('POST', '/cases', { body: REPORT })).body.reference;
  });

  afterAll(() => world?.stop());

  it('keeps an unshared case from partners everywhere: detail, lists and statistics', async () => {
    expect((await police('GET', `/cases/${reference}`)).status).toBe(403);
    expect((await police('GET', '/cases')).body.items).toEqual([]);
    expect((await police('GET', statistics)).body.byType).toEqual([]);
  });

  it('shows a summary-only share without the address or the account, and not the timeline', async () => {
    const shared = await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'POLICE', summaryOnly: true, reason: 'Joint visit planned with the neighbourhood team.' } });
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWith).toEqual([{ agency: 'POLICE', summaryOnly: true }]);

    const seen = await police('GET', `/cases/${reference}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ reference, category: 'DRUGS', riskLevel: 'HIGH', location: { address: null, ward: 'Warwick' } });
    expect(JSON.stringify(seen.body)).not.toContain('Hawthorn');
    expect(JSON.stringify(seen.body)).not.toContain('cuckooing');
    expect((await police('GET', `/cases/${reference}/timeline`)).status).toBe(403);
    expect((await police('GET', '/cases')).body.items.map((item: { reference: string }) => item.reference)).toEqual([reference]);
    expect((await police('GET', statistics)).body.byCategory).toEqual([{ key: 'DRUGS', count: 1 }]);

    expect((await housing('GET', `/cases/${reference}`)).status).toBe(403);
    expect((await housing('GET', '/cases')).body.items).toEqual([]);
  });

  it('shows a full share in full, and lets no partner change the case', async () => {
    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'POLICE', summaryOnly: false, reason: 'Police lead on the drugs warrant.' } });
    const seen = await police('GET', `/cases/${reference}`);
    expect(seen.body.summary).toContain('cuckooing');
    expect((await police('GET', `/cases/${reference}/timeline`)).status).toBe(200);
    expect((await police('POST', `/cases/${reference}/reviews`, { body: { summary: 'Police review.' } })).status).toBe(403);
  });

  it('withdraws the partner’s view when sharing stops, and records every share in the timeline', async () => {
    const stopped = await officer('POST', `/cases/${reference}/shares/stop`, { body: { agency: 'POLICE', reason: 'Warrant executed; police action complete.' } });
    expect(stopped.status).toBe(200);
    expect((await police('GET', `/cases/${reference}`)).status).toBe(403);
    expect((await police('GET', '/cases')).body.items).toEqual([]);
    const timeline = await officer('GET', `/cases/${reference}/timeline`);
    expect(timeline.body.entries.map((entry: { kind: string }) => entry.kind)).toEqual(['CASE_OPENED', 'SHARED_WITH_AGENCY', 'SHARED_WITH_AGENCY', 'SHARING_STOPPED']);
  });
});
