import { join } from 'node:path';
import { DriverException } from '@mikro-orm/core';
import { Client } from 'pg';
import { toProblem } from '../../apps/api/src/http/dependency-errors';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startLocalPostgres, type LocalPostgres } from '../../deploy/local/postgres';
import { migrate } from '../../libs/persistence/src';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { HARASSMENT_REFERRAL } from '../support/case-requests';
import { freePort } from '../support/free-port';
import { http } from '../support/http';
import { testRuntime } from '../support/runtime';
import { type ApiClient, type RunningService, SOUTH_OFFICER, startService } from '../support/service';
import { TcpProxy } from '../support/tcp-proxy';
import { startTimeSkippingTemporal } from '../support/temporal';

/**
 * A dependency that goes away while the API runs, and comes back: the API answers 503 with Retry-After
 * and a problem, /health goes unhealthy (so the load balancer takes the instance out), and the same
 * request under the same Idempotency-Key succeeds once it is back, acting once.
 */
describe('a dependency down while the API runs, then back', () => {
  let env: TestWorkflowEnvironment;
  let temporal: TcpProxy;
  let database: TcpProxy;
  let smtp: CaptureSmtpServer;
  let postgres: LocalPostgres;
  let postgresOptions: Parameters<typeof startLocalPostgres>[0];
  let service: RunningService;
  let api: ApiClient;

  beforeAll(async () => {
    env = await startTimeSkippingTemporal();
    temporal = await TcpProxy.to(env.address);
    smtp = new CaptureSmtpServer();
    const smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
    // A PostgreSQL of its own, kept on disk: it is stopped and started again under the API.
    postgresOptions = { dataDir: join(testRuntime().runDir, `outage-postgres-${Date.now()}`), port: await freePort(), database: 'asb_outage', persistent: true };
    postgres = await startLocalPostgres(postgresOptions);
    await migrate(postgres.url);
    database = await TcpProxy.to(`127.0.0.1:${postgresOptions.port}`);
    const databaseUrl = postgres.url.replace(`:${postgresOptions.port}/`, `:${database.port}/`);
    service = await startService({ temporalAddress: temporal.address, databaseUrl, smtpUrl, taskQueue: 'asb-cases-outage' }, { commandTimeoutMs: 5000 });
    api = await service.client(SOUTH_OFFICER);
  });

  afterAll(async () => {
    await service?.stop();
    await postgres?.stop();
    await database?.cut();
    await temporal?.cut();
    await smtp?.close();
    await env?.teardown();
  });

  it('answers 503 with Retry-After while PostgreSQL is stopped, and opens the case once when it is back', async () => {
    await postgres.stop();
    const key = { 'idempotency-key': 'outage-open-1' };
    const refused = await api('POST', '/cases', { body: HARASSMENT_REFERRAL, headers: key });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body).toMatchObject({ type: 'https://asb-case-service.example/problems/unavailable', status: 503 });
    const health = await http(service.baseUrl, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(health.body.checks).toMatchObject({ postgresql: { status: 'down' } });
    // Liveness checks no dependency: an outage takes the instance out of rotation, it does not restart it.
    expect(await http(service.baseUrl, 'GET', '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });

    postgres = await startLocalPostgres(postgresOptions);
    const opened = await api('POST', '/cases', { body: HARASSMENT_REFERRAL, headers: key });
    expect(opened.status).toBe(201);
    const again = await api('POST', '/cases', { body: HARASSMENT_REFERRAL, headers: key });
    expect(again).toMatchObject({ status: 201, body: { reference: opened.body.reference } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await http(service.baseUrl, 'GET', '/health')).status).toBe(200);
  });

  it('answers a command 503 with Retry-After while Temporal is unreachable, and records it once when it is back', async () => {
    const { body: opened } = await api('POST', '/cases', { body: { ...HARASSMENT_REFERRAL, summary: 'Abuse shouted at a neighbour from a passing car.' }, headers: { 'idempotency-key': 'outage-open-2' } });
    await temporal.cut();
    const incident = { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Shouted abuse from the car park.' };
    const key = { 'idempotency-key': 'outage-incident-1' };
    const refused = await api('POST', `/cases/${opened.reference}/incidents`, { body: incident, headers: key });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body).toMatchObject({ type: 'https://asb-case-service.example/problems/temporal-unreachable', status: 503 });
    expect((await http(service.baseUrl, 'GET', '/health')).body.checks).toMatchObject({ temporal: { status: 'down' } });
    expect(await http(service.baseUrl, 'GET', '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });

    await temporal.restore();
    // As a client does: a 503 says when to come back, and the worker's own connection may still be
    // backing off for a few seconds after Temporal is reachable again.
    const recorded = await retriedWhileUnavailable(() => api('POST', `/cases/${opened.reference}/incidents`, { body: incident, headers: key }));
    expect({ status: recorded.status, body: recorded.body }).toMatchObject({ status: 200 });
    expect((await api('POST', `/cases/${opened.reference}/incidents`, { body: incident, headers: key })).status).toBe(200);
    const file = await api('GET', `/cases/${opened.reference}`);
    expect(file.body.incidents.map((recordedIncident: { description: string }) => recordedIncident.description)).toEqual(['Shouted abuse from the car park.']);
  });

  it('answers 503, not 500, when PostgreSQL vanishes in the middle of a request (killed with SIGKILL), and serves it again once back', async () => {
    const { body: opened } = await api('POST', '/cases', { body: { ...HARASSMENT_REFERRAL, summary: 'Graffiti sprayed on a family door, twice this week.' }, headers: { 'idempotency-key': 'outage-open-3' } });
    database.freeze();
    const reading = api('GET', `/cases/${opened.reference}`);
    // Long enough for the read to be waiting on PostgreSQL, which answers nothing, before every connection drops.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await database.cut();
    const refused = await reading;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body).toMatchObject({ type: 'https://asb-case-service.example/problems/unavailable', status: 503 });

    await database.restore();
    expect((await api('GET', `/cases/${opened.reference}`)).status).toBe(200);
  });

  it('takes what pg throws, with no SQLSTATE, for a server gone in the middle of a statement as PostgreSQL unavailable (seen as a 500 under kill -9)', async () => {
    const client = new Client({ connectionString: postgres.url.replace(`:${postgresOptions.port}/`, `:${database.port}/`) });
    await client.connect();
    client.on('error', () => undefined);
    database.freeze();
    const statement = client.query('select 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await database.cut();
    const error = await statement;
    await database.restore();
    expect(error).toMatchObject({ message: 'Connection terminated unexpectedly' });
    expect(toProblem(error)?.problem).toMatchObject({ type: 'https://asb-case-service.example/problems/unavailable', status: 503 });
    expect(toProblem(new DriverException(error as Error))?.problem).toMatchObject({ status: 503 });
  });
});

/** Sends again, after the Retry-After the API gave, while it answers 503; for a minute at most. */
async function retriedWhileUnavailable<T extends { status: number; headers: Headers }>(send: () => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    const answer = await send();
    if (answer.status !== 503 || Date.now() > giveUpAt) return answer;
    expect(answer.headers.get('retry-after')).toBe('5');
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}
