import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TokenClaims } from '../../libs/auth/src';
import { existsSync } from 'node:fs';
import { eventually } from '../support/case-driver';
import { uploadEvidence } from '../support/evidence-upload';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { type ApiClient, NORTH_OFFICER } from '../support/service';

const ADMIN: TokenClaims = { sub: 'admin', name: 'Service Admin', roles: ['admin'] };
const LEGAL: TokenClaims = { sub: 'legal.team', name: 'Council Legal Team', roles: ['legal'] };
const STATISTICS = '/statistics?from=2000-01-01&to=2100-01-01';
const DAY_MS = 86_400_000;

const REPORT = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'HARASSMENT',
  channel: 'ONLINE_REPORT',
  summary: 'Kim Rowe is shouted at by Dale Ford whenever she leaves 7 Linden Close.',
  riskLevel: 'MEDIUM',
  team: 'north',
  caseworker: 'amira.khan',
  location: { address: '7 Linden Close', ward: 'Egerton', priorityNeighbourhood: true },
  complainants: [{ id: 'c1', name: 'Kim Rowe', vulnerable: true }],
  subjects: [{ id: 's1', name: 'Dale Ford', dateOfBirth: '1985-04-12', tenure: 'MBC_TENANT' }],
};
const PERSONAL = ['Kim Rowe', 'Dale Ford', '7 Linden Close', '1985-04-12', 'shouted at'];

/** Retention and anonymisation, on the real 6-year period (the time-skipping server moves the clock). */
describe('retention: a closed case is anonymised after 6 years unless a legal hold keeps it', () => {
  let world: E2eWorld;
  let env: TestWorkflowEnvironment;
  let officer: ApiClient;
  let admin: ApiClient;
  let legal: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld('asb-retention');
    ({ env } = world);
    officer = await world.service.client(NORTH_OFFICER);
    admin = await world.service.client(ADMIN);
    legal = await world.service.client(LEGAL);
  });
  afterAll(() => world?.stop());

  const send = async (client: ApiClient, reference: string, path: string, body: unknown = {}) => {
    const response = await client('POST', `/cases/${reference}/${path}`, { body });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const openCase = async () => {
    const { status, body } = await officer('POST', '/cases', { body: REPORT });
    expect(status).toBe(201);
    const reference: string = body.reference;
    await send(officer, reference, 'initial-contact', { summary: 'Visited Kim Rowe at home.' });
    await send(officer, reference, 'incidents', { occurredAt: new Date((await env.currentTimeMs()) - 3_600_000).toISOString(), description: 'Dale Ford shouted abuse at Kim Rowe.', subjectIds: ['s1'] });
    return reference;
  };
  const close = async (reference: string) => {
    await send(officer, reference, 'closure-request', { reason: 'RESOLVED', explanationToComplainant: 'Kim Rowe agrees the abuse has stopped.' });
    await send(officer, reference, 'closure-decision', { approve: true, reason: 'Resolved.' });
    await send(officer, reference, 'satisfaction-follow-up', { summary: 'Kim Rowe is satisfied.' });
  };
  const everything = async (reference: string) =>
    JSON.stringify([(await officer('GET', `/cases/${reference}`)).body, (await officer('GET', `/cases/${reference}/timeline`)).body, (await officer('GET', `/cases/${reference}/deadlines`)).body]);
  const retentionEnd = async (reference: string) =>
    eventually(async () => ((await officer('GET', `/cases/${reference}/deadlines`)).body.deadlines as { kind: string; status: string; dueOn: string; dueAt: string }[]).find((d) => d.kind === 'RETENTION_END' && d.status === 'PENDING'));
  /** The case's generated documents and evidence, as their lists show them, with where the store keeps each. */
  const filesOf = async (reference: string) => {
    const documents = (await officer('GET', `/cases/${reference}/documents`)).body.documents as { id: string; sha256: string; download: string; removedAt?: string }[];
    const evidence = (await officer('GET', `/cases/${reference}/evidence`)).body.evidence as { id: string; sha256: string; download: string; removedAt?: string }[];
    return [
      ...documents.map((file) => ({ ...file, objectKey: `cases/${reference}/documents/${file.id}.pdf` })),
      ...evidence.map((file) => ({ ...file, objectKey: `cases/${reference}/evidence/${file.id}` })),
    ];
  };
  const sleepUntil = async (instantMs: number) => {
    const now = await env.currentTimeMs();
    if (instantMs > now) await env.sleep(instantMs - now);
  };

  it('anonymises a closed case 6 years after closure, keeping its statistics and losing its personal data', async () => {
    const reference = await openCase();
    // A warning served on Dale, its notice generated, and a diary sheet kept as evidence: files that name people.
    const warned = await send(officer, reference, 'enforcement-steps', {
      kind: 'COMMUNITY_PROTECTION_WARNING',
      subjectId: 's1',
      conductConfirmed: true,
      skipReason: 'Daily abuse of a vulnerable neighbour.',
      notes: 'Shouting abuse at Kim Rowe whenever she leaves her home.',
    });
    const cpw = (warned.enforcementSteps as { id: string; kind: string }[]).find((step) => step.kind === 'COMMUNITY_PROTECTION_WARNING')!;
    expect((await officer('POST', `/cases/${reference}/documents`, { body: { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: cpw.id } })).status).toBe(201);
    const diary = await uploadEvidence(world, reference, { description: 'Kim Rowe’s diary of the abuse', providedBy: 'Kim Rowe', fileName: 'diary.txt', contentType: 'text/plain', content: 'Dale Ford shouted at me again.' });
    expect(diary.status).toBe(201);
    const filesBefore = await filesOf(reference);
    expect(filesBefore.length).toBeGreaterThanOrEqual(2);
    for (const file of filesBefore) expect(existsSync(world.s3.objectPath(file.objectKey))).toBe(true);
    await close(reference);
    const retention = await retentionEnd(reference);
    const statisticsBefore = (await officer('GET', STATISTICS)).body;
    expect(await everything(reference)).toContain('Kim Rowe');

    // An admin sees it coming up for anonymisation, and why. (The test server's clock runs years ahead
    // of the real one the API's default window counts from, so the test names the date.)
    await sleepUntil(Date.parse(retention.dueAt) - 30 * DAY_MS);
    const due = (await admin('GET', `/retention/due?until=${retention.dueOn}`)).body;
    expect(due.cases).toContainEqual(expect.objectContaining({ reference, dueOn: retention.dueOn, postponed: false, reason: expect.stringContaining('6 years after closure') }));
    expect((await officer('GET', '/retention/due')).status).toBe(403);

    await sleepUntil(Date.parse(retention.dueAt) + DAY_MS);
    await eventually(async () => (await officer('GET', `/cases/${reference}`)).body.stage === 'ANONYMISED');
    const after = await everything(reference);
    for (const personal of PERSONAL) expect(after).not.toContain(personal);
    const view = (await officer('GET', `/cases/${reference}`)).body;
    expect(view).toMatchObject({ type: 'ANTI_SOCIAL_BEHAVIOUR', category: 'HARASSMENT', riskLevel: 'MEDIUM', location: { address: null, ward: 'Egerton', priorityNeighbourhood: true }, closure: { reason: 'RESOLVED' } });
    expect((await officer('GET', STATISTICS)).body).toEqual(statisticsBefore);
    const timeline = (await officer('GET', `/cases/${reference}/timeline`)).body.entries as { kind: string }[];
    expect(timeline.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['CASE_OPENED', 'INCIDENT_RECORDED', 'CASE_CLOSED', 'CASE_ANONYMISED']));

    // Its notices and evidence are gone from the store; each row stays as the record that the file existed,
    // without the words that named people, and a download says the file was removed.
    const filesAfter = await eventually(async () => {
      const files = await filesOf(reference);
      return files.every((file) => file.removedAt) ? files : undefined;
    });
    expect(filesAfter.map((file) => [file.id, file.sha256])).toEqual(filesBefore.map((file) => [file.id, file.sha256]));
    for (const file of filesAfter) {
      expect(existsSync(world.s3.objectPath(file.objectKey))).toBe(false);
      const download = await officer('GET', file.download);
      expect(download.status).toBe(410);
    }
    expect(JSON.stringify((await officer('GET', `/cases/${reference}/evidence`)).body)).not.toMatch(/Kim Rowe|diary/);
    // Nor does it take new ones, which would name people again with nothing left to delete them.
    const again = await officer('POST', `/cases/${reference}/documents`, { body: { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: cpw.id } });
    expect(again.body).toMatchObject({ status: 409, condition: 'CASE_ANONYMISED' });
    const later = await uploadEvidence(world, reference, { description: 'Another diary', providedBy: 'A neighbour', fileName: 'later.txt', contentType: 'text/plain', content: 'More.', incidentId: 'incident-1' });
    expect(later.body).toMatchObject({ status: 409, condition: 'CASE_ANONYMISED' });
    await env.client.workflow.getHandle(reference).result();
  });

  it('postpones anonymisation while an order is in force, records why, and anonymises once it ends', async () => {
    const reference = await openCase();
    await send(officer, reference, 'enforcement-steps', { kind: 'CIVIL_INJUNCTION', subjectId: 's1', skipReason: 'Sustained abuse of a vulnerable neighbour.' });
    await send(legal, reference, 'legal-referrals/legal-1/decision', { proceed: true, reason: 'Strong evidence.' });
    const hearingAt = new Date((await env.currentTimeMs()) + 3 * DAY_MS).toISOString();
    await send(legal, reference, 'legal-referrals/legal-1/hearing', { hearingAt, court: 'COUNTY_COURT' });
    await sleepUntil(Date.parse(hearingAt) + 3_600_000);
    const expiresOn = new Date((await env.currentTimeMs()) + 7 * 365 * DAY_MS).toISOString().slice(0, 10);
    await send(legal, reference, 'legal-referrals/legal-1/hearing-outcome', { outcome: 'ORDER_MADE', terms: 'Not to contact Kim Rowe.', expiresOn });
    // The order does not keep the case open; it keeps its records.
    await close(reference);
    const retention = await retentionEnd(reference);
    expect(retention.dueOn < expiresOn).toBe(true);

    await sleepUntil(Date.parse(retention.dueAt) + DAY_MS);
    const postponed = await eventually(async () =>
      ((await officer('GET', `/cases/${reference}/timeline`)).body.entries as { kind: string; summary: string }[]).find((entry) => entry.kind === 'RETENTION_POSTPONED'),
    );
    expect(postponed.summary).toContain(`an order (legal-1) is in force until ${expiresOn}`);
    expect((await officer('GET', `/cases/${reference}`)).body.stage).toBe('CLOSED');
    expect(await everything(reference)).toContain('Kim Rowe');
    const dueList = (await admin('GET', '/retention/due?until=2100-01-01')).body;
    const held = dueList.cases.find((entry: { reference: string }) => entry.reference === reference);
    expect(held).toMatchObject({ postponed: true, reason: expect.stringContaining('legal hold') });

    const next = await retentionEnd(reference);
    await sleepUntil(Date.parse(next.dueAt) + DAY_MS);
    await eventually(async () => (await officer('GET', `/cases/${reference}`)).body.stage === 'ANONYMISED');
    for (const personal of PERSONAL) expect(await everything(reference)).not.toContain(personal);
  });
});
