import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApi } from '../../apps/api/src/create-api';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { aboutOtherPeople } from '../support/distinct-reports';
import { http, type HttpResult } from '../support/http';
import { createTestDatabase } from '../support/runtime';
import { type ApiClient, NORTH_OFFICER, type RunningService, type ServiceParts, startService } from '../support/service';
import { startTimeSkippingTemporal } from '../support/temporal';

/**
 * A retry with the same Idempotency-Key acts once and answers as the first request did, also when it
 * reaches an API instance that was not running when the first request was made: nothing about the key
 * may live only in the memory of the API process that first saw it.
 */

/** A new report each call, about other people, so that the cases these tests open are not each other's duplicates. */
const report = (ward: string) =>
  aboutOtherPeople({
    type: 'ANTI_SOCIAL_BEHAVIOUR',
    category: 'NOISE_DISPUTE',
    channel: 'ONLINE_REPORT',
    summary: 'Loud parties at weekends in the flat next door, into the early morning.',
    riskLevel: 'MEDIUM',
    team: 'north',
    caseworker: 'amira.khan',
    location: { ward, priorityNeighbourhood: false },
    complainants: [{ id: 'c1', name: 'Grace Hill', vulnerable: false }],
    subjects: [{ id: 's1', name: 'Sam Wood', dateOfBirth: '1985-06-01', tenure: 'MBC_TENANT' }],
  });
const incident = () => ({ occurredAt: new Date(Date.now() - 2 * 3_600_000).toISOString(), description: 'Music at full volume until 3am.', subjectIds: ['s1'] });

const kindsOf = (timeline: HttpResult) => (timeline.body.entries as { kind: string }[]).map((entry) => entry.kind);
const countOf = (kinds: string[], kind: string) => kinds.filter((each) => each === kind).length;

describe('a request retried with the same Idempotency-Key acts once, even after the API restarts', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let parts: ServiceParts;
  /** The full service (API and worker) started last; its worker runs while only the API restarts. */
  let service: RunningService;
  /** The API instance answering now: service.api, or a fresh one made by restartApi(). */
  let api: { app: INestApplication; baseUrl: string };

  beforeAll(async () => {
    env = await startTimeSkippingTemporal();
    smtp = new CaptureSmtpServer();
    const smtpPort = await smtp.listen(0);
    parts = { temporalAddress: env.address, databaseUrl: await createTestDatabase(), smtpUrl: `smtp://127.0.0.1:${smtpPort}`, taskQueue: 'asb-cases-idempotency' };
    service = await startService(parts);
    api = { app: service.api, baseUrl: service.baseUrl };
  });

  afterAll(async () => {
    await api?.app.close();
    await service?.worker?.close();
    await smtp?.close();
    await env?.teardown();
  });

  /** Stops the API and starts a new instance with the same configuration (database, Temporal, issuer); the worker keeps running. */
  async function restartApi(): Promise<void> {
    const before = api.baseUrl;
    await api.app.close();
    const app = await createApi(service.config, { logger: false });
    await app.listen(0, '127.0.0.1');
    api = { app, baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
    // The old instance no longer answers: the retry can only reach the new one.
    await expect(fetch(`${before}/health`)).rejects.toThrow();
  }

  /** Stops the API and the worker, then starts a whole new service on the same task queue, database and Temporal. */
  async function restartEverything(): Promise<void> {
    await api.app.close();
    await service.worker?.close();
    service = await startService(parts);
    api = { app: service.api, baseUrl: service.baseUrl };
  }

  /** The north officer, calling whichever API instance is answering now. */
  const officer: ApiClient = async (method, path, options = {}) => {
    const authorization = `Bearer ${await service.tokenFor(NORTH_OFFICER)}`;
    return http(api.baseUrl, method, path, { ...options, headers: { authorization, ...options.headers } });
  };

  it('acts once for a command sent twice with one key, and once more after the API restarts', async () => {
    const opened = await officer('POST', '/cases', { body: report('Egerton') });
    expect(opened.status).toBe(201);
    const reference: string = opened.body.reference;
    const path = `/cases/${reference}/incidents`;
    const body = incident();
    const key = { 'Idempotency-Key': `incident-${randomUUID()}` };

    const first = await officer('POST', path, { body, headers: key });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(opened.body.version + 1);
    const again = await officer('POST', path, { body, headers: key });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(first.body.version);

    await restartApi();
    const afterRestart = await officer('POST', path, { body, headers: key });
    expect(afterRestart.status).toBe(200);
    expect(afterRestart.body.version).toBe(first.body.version);
    expect(afterRestart.headers.get('etag')).toBe(first.headers.get('etag'));

    const now = await officer('GET', `/cases/${reference}`);
    expect(now.body.version).toBe(opened.body.version + 1);
    expect(countOf(kindsOf(await officer('GET', `/cases/${reference}/timeline`)), 'INCIDENT_RECORDED')).toBe(1);
  });

  it('opens one case for POST /cases sent twice with one key, and answers with the same case after the API restarts', async () => {
    const ward = `Idempotency ${randomUUID().slice(0, 8)}`;
    const body = report(ward);
    const key = { 'Idempotency-Key': `open-${randomUUID()}` };

    const first = await officer('POST', '/cases', { body, headers: key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const reference: string = first.body.reference;
    const again = await officer('POST', '/cases', { body, headers: key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.reference).toBe(reference);

    await restartApi();
    const afterRestart = await officer('POST', '/cases', { body, headers: key });
    expect(afterRestart.status).toBe(201);
    expect(afterRestart.headers.get('idempotent-replayed')).toBe('true');
    expect(afterRestart.body.reference).toBe(reference);
    expect(afterRestart.body.version).toBe(first.body.version);
    expect(afterRestart.headers.get('location')).toBe(`/cases/${reference}`);

    // The same key with a different report is not a retry: refused, and nothing more is opened.
    const reused = await officer('POST', '/cases', { body: { ...body, riskLevel: 'HIGH' }, headers: key });
    expect(reused.status).toBe(422);

    const listed = await officer('GET', `/cases?ward=${encodeURIComponent(ward)}`);
    expect(listed.body.items.map((item: { reference: string }) => item.reference)).toEqual([reference]);
    expect(countOf(kindsOf(await officer('GET', `/cases/${reference}/timeline`)), 'CASE_OPENED')).toBe(1);
    expect((await officer('GET', `/cases/${reference}`)).body.version).toBe(first.body.version);
  });

  it('still acts once for an opening and a command retried after the whole service, worker included, restarts', async () => {
    const ward = `Idempotency ${randomUUID().slice(0, 8)}`;
    const openKey = { 'Idempotency-Key': `open-${randomUUID()}` };
    const commandKey = { 'Idempotency-Key': `incident-${randomUUID()}` };
    const opening = report(ward);
    const opened = await officer('POST', '/cases', { body: opening, headers: openKey });
    expect(opened.status).toBe(201);
    const reference: string = opened.body.reference;
    const body = incident();
    const recorded = await officer('POST', `/cases/${reference}/incidents`, { body, headers: commandKey });
    expect(recorded.status).toBe(200);

    await restartEverything();
    const reopened = await officer('POST', '/cases', { body: opening, headers: openKey });
    expect(reopened.status).toBe(201);
    expect(reopened.headers.get('idempotent-replayed')).toBe('true');
    expect(reopened.body.reference).toBe(reference);
    const rerecorded = await officer('POST', `/cases/${reference}/incidents`, { body, headers: commandKey });
    expect(rerecorded.status).toBe(200);
    expect(rerecorded.body.version).toBe(recorded.body.version);

    const listed = await officer('GET', `/cases?ward=${encodeURIComponent(ward)}`);
    expect(listed.body.items.map((item: { reference: string }) => item.reference)).toEqual([reference]);
    const kinds = kindsOf(await officer('GET', `/cases/${reference}/timeline`));
    expect(countOf(kinds, 'CASE_OPENED')).toBe(1);
    expect(countOf(kinds, 'INCIDENT_RECORDED')).toBe(1);
  });
});
