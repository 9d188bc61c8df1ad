import { addDays, localDate, londonDateOf } from '../../libs/domain/src';
import { eventually } from '../support/case-driver';
import { NOISE_DISPUTE } from '../support/case-requests';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { type ApiClient, NORTH_OFFICER } from '../support/service';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** A high-risk case (reviewed every 7 days) with two adult subjects, whose trouble began 10 days before it was opened. */
const report = {
  ...NOISE_DISPUTE,
  riskLevel: 'HIGH',
  subjects: [
    { id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14', tenure: 'PRIVATE_RENTED' },
    { id: 's2', name: 'Kim Reed', dateOfBirth: '1990-02-03', tenure: 'PRIVATE_RENTED' },
  ],
};
const cpw = (subjectId: string) => ({ kind: 'COMMUNITY_PROTECTION_WARNING', subjectId, conductConfirmed: true, skipReason: 'Music every night for a month; earlier steps would not be proportionate to the harm.' });

interface LedgerEntry { id: string; kind: string; dueOn: string; status: string; late: boolean; stepId?: string }

describe('late entry: statutory clocks run from when it really happened', () => {
  let world: E2eWorld;
  let api: ApiClient;
  let reference: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-late-entry');
    api = await world.service.client(NORTH_OFFICER);
    const opened = await api('POST', '/cases', { body: report });
    if (opened.status !== 201) throw new Error(`setup: ${opened.status} ${JSON.stringify(opened.body)}`);
    reference = opened.body.reference;
    const contact = await api('POST', `/cases/${reference}/initial-contact`, { body: { summary: 'Phoned Pat.' } });
    const incident = await api('POST', `/cases/${reference}/incidents`, { body: { occurredAt: daysAgo(10), description: 'The first night of music until 3am.', subjectIds: ['s1', 's2'] } });
    if (contact.status !== 200 || incident.status !== 200) throw new Error(`setup: ${contact.status} ${incident.status}`);
  });

  afterAll(() => world?.stop());

  it('ends the compliance period of a CPW served 3 days ago 3 days earlier than one entered now, and flags it late', async () => {
    const served = daysAgo(3);
    const late = await api('POST', `/cases/${reference}/enforcement-steps`, { body: { ...cpw('s1'), occurredAt: served } });
    expect(late.status).toBe(200);
    const now = await api('POST', `/cases/${reference}/enforcement-steps`, { body: cpw('s2') });
    expect(now.status).toBe(200);

    const ledger: LedgerEntry[] = (await api('GET', `/cases/${reference}/deadlines`)).body.deadlines;
    const compliance = ledger.filter((deadline) => deadline.kind === 'CPW_COMPLIANCE');
    const today = londonDateOf(new Date());
    expect(compliance.map(({ dueOn, late: flagged }) => ({ dueOn, late: flagged }))).toEqual([
      { dueOn: addDays(londonDateOf(new Date(served)), 14), late: true },
      { dueOn: addDays(today, 14), late: false },
    ]);
    expect(compliance[0]!.dueOn).toBe(addDays(localDate(compliance[1]!.dueOn), -3));
    const onTheCase = (await api('GET', `/cases/${reference}`)).body.deadlines as LedgerEntry[];
    expect(onTheCase.filter((deadline) => deadline.kind === 'CPW_COMPLIANCE').map((deadline) => deadline.late)).toEqual([true, false]);

    const timeline = (await api('GET', `/cases/${reference}/timeline`)).body.entries as { kind: string; data: Record<string, unknown> | null }[];
    const steps = timeline.filter((entry) => entry.kind === 'ENFORCEMENT_STEP_RECORDED');
    expect(steps.map((entry) => [entry.data?.['occurredAt'] ?? null, entry.data?.['late'] ?? false])).toEqual([
      [served, true],
      [null, false],
    ]);
  });

  it('records a review due before it was entered as missed at once, and tells the manager in exactly one email', async () => {
    // A review held 8 days ago plans the next one 7 days after it: already past when entered.
    const reviewed = await api('POST', `/cases/${reference}/reviews`, { body: { summary: 'Reviewed with the police on the day of the first report.', occurredAt: daysAgo(8) } });
    expect(reviewed.status).toBe(200);

    const [alert] = await world.smtp.waitFor((mail) => mail.subject.startsWith(`Overdue review: ${reference}`));
    expect(alert?.to).toEqual(['jo.bennett@melton.example']);
    let missed: LedgerEntry | undefined;
    await eventually(async () => {
      const ledger: LedgerEntry[] = (await api('GET', `/cases/${reference}/deadlines`)).body.deadlines;
      missed = ledger.find((deadline) => deadline.kind === 'CASE_REVIEW' && deadline.late);
      return missed?.status === 'MISSED';
    });
    expect(missed).toMatchObject({ id: 'case-review-2', status: 'MISSED', late: true, dueOn: addDays(londonDateOf(new Date(Date.now() - 8 * DAY_MS)), 7) });
    // Give a second alert every chance to arrive before counting.
    await world.env.sleep('1 minute');
    expect(world.smtp.received.filter((mail) => mail.subject.startsWith(`Overdue review: ${reference}`))).toHaveLength(1);
  });

  it('keeps when a visit really happened beside when it was logged, flagged late in the file and the timeline', async () => {
    const visited = daysAgo(2);
    const logged = await api('POST', `/cases/${reference}/contact-log`, {
      body: { method: 'VISIT', withName: 'Mr Patel, the landlord', text: 'Agreed a letter to both tenants about the music.', occurredAt: visited },
    });
    expect(logged.status).toBe(200);
    const visit = (logged.body.notes as { text: string; occurredAt: string; recordedAt: string; late: boolean }[]).find((note) => note.text.startsWith('Agreed a letter'));
    expect(visit).toMatchObject({ occurredAt: visited, late: true });
    expect(Date.parse(visit!.recordedAt) - Date.parse(visited)).toBeGreaterThan(DAY_MS);
    const entry = ((await api('GET', `/cases/${reference}/timeline`)).body.entries as { kind: string; data: Record<string, unknown> | null }[]).find((item) => item.kind === 'CONTACT_LOGGED');
    expect(entry?.data).toMatchObject({ occurredAt: visited, late: true, method: 'VISIT' });

    const tomorrow = await api('POST', `/cases/${reference}/contact-log`, { body: { method: 'PHONE', withName: 'Mr Patel', text: 'Will call back.', occurredAt: new Date(Date.now() + DAY_MS).toISOString() } });
    expect(tomorrow.status).toBe(422);
  });

  it('refuses a moment still to come (422) and one before the case’s first report (409)', async () => {
    const future = await api('POST', `/cases/${reference}/complainant-updates`, { body: { summary: 'Told Pat about the warning.', occurredAt: new Date(Date.now() + DAY_MS).toISOString() } });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ field: 'occurredAt', message: 'is in the future: record it once it has happened' }]);

    const before = await api('POST', `/cases/${reference}/complainant-updates`, { body: { summary: 'Told Pat about the warning.', occurredAt: daysAgo(11) } });
    expect(before.status).toBe(409);
    expect(before.body.condition).toBe('OCCURRED_BEFORE_CASE');
  });
});
