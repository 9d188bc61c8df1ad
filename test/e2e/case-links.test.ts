import { type ApiClient, NORTH_OFFICER, type RunningService, SOUTH_OFFICER } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { NOISE_DISPUTE } from '../support/case-requests';

const NOTE = 'Jordan Reed is the subject of both: the same flat, two complainants.';
const WITHHELD = '(withheld: shared as a summary only)';

/** Two cases about the same subject, linked on one and seen from both; and what may not be linked, and by whom. */
describe('linking cases: made on one, seen from both', () => {
  let service: RunningService;
  let world: E2eWorld;
  let north: ApiClient;
  let south: ApiClient;
  let police: ApiClient;
  /** Linked on `first`, to `second`; `southern` is another team's. */
  let first: string;
  let second: string;
  let southern: string;

  const linkedCasesOf = async (reference: string, client: ApiClient = north) => {
    const { status, body } = await client('GET', `/cases/${reference}`);
    expect(status).toBe(200);
    return body.linkedCases;
  };

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-links');
    ({ service } = world);
    north = await service.client(NORTH_OFFICER);
    south = await service.client(SOUTH_OFFICER);
    police = await service.client({ sub: 'pc.lewis', name: 'PC Lewis', roles: ['partner'], agency: 'police' });
    const open = async (client: ApiClient, body: unknown) => {
      const opened = await client('POST', '/cases', { body });
      expect(opened.status).toBe(201);
      return opened.body.reference as string;
    };
    first = await open(north, { ...NOISE_DISPUTE, location: { address: '14 Egerton View, Melton Mowbray' } });
    // Opened with no subject, so that opening finds no possible duplicate; the subject is known a day later.
    second = await open(north, { ...NOISE_DISPUTE, summary: 'Shouting and slammed doors from the flat above, late at night.', complainants: [{ id: 'c1', name: 'Ann Ellis' }], subjects: [] });
    expect((await north('POST', `/cases/${second}/parties`, { body: { role: 'SUBJECT', id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14' } })).status).toBe(200);
    southern = await open(south, { ...NOISE_DISPUTE, team: 'south', caseworker: 'tom.price', complainants: [{ id: 'c1', name: 'Lee Hart' }], subjects: [{ id: 's1', name: 'Casey Moor' }] });
  });

  afterAll(() => world?.stop());

  it('links the second case to the first for the same subject: the first shows it TO, the second FROM, with who, why and when', async () => {
    const linked = await north('POST', `/cases/${first}/links`, { body: { linkedReference: second, reason: 'SAME_SUBJECT', note: NOTE } });
    expect(linked.status).toBe(200);
    const link = { reason: 'SAME_SUBJECT', note: NOTE, linkedBy: 'amira.khan', linkedAt: expect.any(String) };
    expect(linked.body.linkedCases).toEqual([{ reference: second, direction: 'TO', ...link }]);
    expect(await linkedCasesOf(second)).toEqual([{ reference: first, direction: 'FROM', ...link, linkedAt: linked.body.linkedCases[0].linkedAt }]);

    const timeline = await north('GET', `/cases/${first}/timeline`);
    expect(timeline.body.entries.at(-1)).toMatchObject({ kind: 'CASE_LINKED', actor: 'amira.khan', data: { linkedReference: second, reason: 'SAME_SUBJECT', note: NOTE } });
    // One command on one case: the other case's own history is untouched.
    const other = await north('GET', `/cases/${second}/timeline`);
    expect(other.body.entries.map((entry: { kind: string }) => entry.kind)).not.toContain('CASE_LINKED');
  });

  it('refuses a link to the case itself, and a link either case already holds (naming the case that holds it)', async () => {
    const self = await north('POST', `/cases/${first}/links`, { body: { linkedReference: first, reason: 'OTHER' } });
    expect(self).toMatchObject({ status: 409, body: { condition: 'LINK_TO_SELF' } });
    const again = await north('POST', `/cases/${first}/links`, { body: { linkedReference: second, reason: 'SAME_LOCATION' } });
    expect(again).toMatchObject({ status: 409, body: { condition: 'ALREADY_LINKED' } });
    const back = await north('POST', `/cases/${second}/links`, { body: { linkedReference: first, reason: 'SAME_SUBJECT' } });
    expect(back).toMatchObject({ status: 409, body: { condition: 'ALREADY_LINKED', detail: `case ${first} already links to ${second} (same subject)` } });
    expect(await linkedCasesOf(second)).toHaveLength(1);
  });

  it('links only to a case that exists and that the caller may read', async () => {
    const unknown = await north('POST', `/cases/${first}/links`, { body: { linkedReference: 'ASB-2026-999999', reason: 'SAME_SUBJECT' } });
    expect(unknown).toMatchObject({ status: 404, body: { detail: 'case ASB-2026-999999 does not exist' } });
    const otherTeam = await north('POST', `/cases/${first}/links`, { body: { linkedReference: southern, reason: 'SAME_SUBJECT' } });
    expect(otherTeam.status).toBe(403);
    expect(JSON.stringify(otherTeam.body)).not.toContain('Casey Moor');
    expect(await linkedCasesOf(first)).toHaveLength(1);
  });

  it('answers 400 naming each field that is not of the documented form', async () => {
    const bad = await north('POST', `/cases/${first}/links`, { body: { linkedReference: 'case 98', reason: 'SAME_PERPETRATOR' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['linkedReference', 'reason']);
    const noReason = await north('POST', `/cases/${first}/links/${second}/removal`, { body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((error: { field: string }) => error.field)).toEqual(['reason']);
  });

  it('shows a partner with a summary-only share which case is linked and why, and withholds the note', async () => {
    expect((await north('POST', `/cases/${second}/shares`, { body: { agency: 'POLICE', summaryOnly: true, reason: 'Police to know the flat is under watch.' } })).status).toBe(200);
    expect(await linkedCasesOf(second, police)).toEqual([{ reference: first, direction: 'FROM', reason: 'SAME_SUBJECT', note: WITHHELD, linkedBy: 'amira.khan', linkedAt: expect.any(String) }]);
  });

  it('removes the link on the case it was made on, with the reason, and refuses to remove it from the other side', async () => {
    const fromOtherSide = await north('POST', `/cases/${second}/links/${first}/removal`, { body: { reason: 'Not the same subject.' } });
    expect(fromOtherSide).toMatchObject({ status: 409, body: { condition: 'LINK_HELD_BY_OTHER_CASE', detail: `the link between ${second} and ${first} was made on ${first}: remove it there` } });

    const removed = await north('POST', `/cases/${first}/links/${second}/removal`, { body: { reason: 'A different Jordan Reed: the dates of birth differ.' } });
    expect(removed.status).toBe(200);
    expect(removed.body.linkedCases).toEqual([]);
    expect(await linkedCasesOf(second)).toEqual([]);
    const timeline = await north('GET', `/cases/${first}/timeline`);
    expect(timeline.body.entries.at(-1)).toMatchObject({
      kind: 'CASE_UNLINKED',
      data: { linkedReference: second, reason: 'A different Jordan Reed: the dates of birth differ.', old: { reason: 'SAME_SUBJECT', note: NOTE, linkedBy: 'amira.khan' } },
    });

    const again = await north('POST', `/cases/${first}/links/${second}/removal`, { body: { reason: 'Twice.' } });
    expect(again).toMatchObject({ status: 409, body: { condition: 'NOT_LINKED' } });
    // Once removed, the pair can be linked again, from either side.
    expect((await north('POST', `/cases/${second}/links`, { body: { linkedReference: first, reason: 'SAME_LOCATION' } })).status).toBe(200);
    expect(await linkedCasesOf(first)).toEqual([{ reference: second, direction: 'FROM', reason: 'SAME_LOCATION', note: null, linkedBy: 'amira.khan', linkedAt: expect.any(String) }]);
  });
});
