import { eventually } from '../support/case-driver';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { type ApiClient, NORTH_OFFICER } from '../support/service';
import { aboutOtherPeople } from '../support/distinct-reports';

const report = (riskLevel: string) =>
  aboutOtherPeople({
    type: 'ANTI_SOCIAL_BEHAVIOUR',
    category: 'NOISE_DISPUTE',
    channel: 'ONLINE_REPORT',
    summary: 'Loud parties at weekends in the flat next door, into the early morning.',
    riskLevel,
    team: 'north',
    caseworker: 'amira.khan',
    location: { ward: 'Egerton', priorityNeighbourhood: false },
    subjects: [{ id: 's1', name: 'Sam Wood', dateOfBirth: '1985-06-01', tenure: 'PRIVATE_RENTED' }],
  });

const references = (page: { items: { reference: string }[] }) => page.items.map((item) => item.reference).sort();

describe('the overdue list and the manager’s overview follow a missed review, and a review recorded late', () => {
  let world: E2eWorld;
  let north: ApiClient;
  const high: string[] = [];
  let standard: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-overdue-list');
    north = await world.service.client(NORTH_OFFICER);
    for (const risk of ['HIGH', 'HIGH', 'STANDARD']) {
      const opened = await north('POST', '/cases', { body: report(risk) });
      if (opened.status !== 201) throw new Error(`setup: ${opened.status} ${JSON.stringify(opened.body)}`);
      if (risk === 'HIGH') high.push(opened.body.reference);
      else standard = opened.body.reference;
    }
  });

  afterAll(() => world?.stop());

  it('lists a case as overdue once its review is missed, and no longer once the review is recorded', async () => {
    expect((await north('GET', '/cases?overdue=true')).body.items).toEqual([]);

    // HIGH risk: reviewed every 7 days, due by the end of the seventh day; STANDARD: 28 days.
    await world.env.sleep('8 days');
    await eventually(async () => references((await north('GET', '/cases?overdue=true')).body).length === 2);
    const overdue = await north('GET', '/cases?overdue=true');
    expect(references(overdue.body)).toEqual([...high].sort());
    expect(overdue.body.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
    const onTime = await north('GET', '/cases?overdue=false');
    expect(references(onTime.body)).toEqual([standard]);
    expect(onTime.body.items[0].overdue).toBe(false);
    const overview = await north('GET', '/teams/north/overview');
    expect(overview.body.overdueReviews.map((item: { reference: string }) => item.reference).sort()).toEqual([...high].sort());

    const reviewed = await north('POST', `/cases/${high[0]}/reviews`, { body: { summary: 'Visited; the parties have stopped since the warning.' } });
    expect(reviewed.status).toBe(200);
    expect(references((await north('GET', '/cases?overdue=true')).body)).toEqual([high[1]]);
    expect((await north('GET', '/teams/north/overview')).body.overdueReviews.map((item: { reference: string }) => item.reference)).toEqual([high[1]]);
    const all = await north('GET', '/cases');
    expect(all.body.items.find((item: { reference: string }) => item.reference === high[0]).overdue).toBe(false);
  });
});
