import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { COMMAND_ROUTES } from '../../apps/api/src/cases/commands/command-routes';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { eventually } from '../support/case-driver';
import { http } from '../support/http';
import { createTestDatabase } from '../support/runtime';
import { type RunningService, SOUTH_OFFICER, startService } from '../support/service';
import { startTimeSkippingTemporal } from '../support/temporal';
import { HARASSMENT_REFERRAL } from '../support/case-requests';


describe('operating the service: health, API description, dependencies down', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let databaseUrl: string;
  let smtpUrl: string;
  let healthy: RunningService;

  beforeAll(async () => {
    env = await startTimeSkippingTemporal();
    smtp = new CaptureSmtpServer();
    smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
    databaseUrl = await createTestDatabase();
    healthy = await startService({ temporalAddress: env.address, databaseUrl, smtpUrl, taskQueue: 'asb-cases-ops' });
  });

  afterAll(async () => {
    await healthy?.stop();
    await smtp?.close();
    await env?.teardown();
  });

  it('reports healthy when Temporal and PostgreSQL both answer', async () => {
    // A service just started on a busy machine may outlast the 1.5 s ping on its first probe, as a load
    // balancer's next probe would find: healthy means it answers 200 within a few probes.
    const { status, body } = await eventually(async () => {
      const answer = await http(healthy.baseUrl, 'GET', '/health');
      return answer.status === 200 ? answer : undefined;
    }, 10_000);
    expect(status).toBe(200);
    expect(body.details).toMatchObject({ postgresql: { status: 'up' }, temporal: { status: 'up' }, cases: { status: 'up', stuck: 0, withinDays: 7 } });
  });

  it('serves an OpenAPI 3.1 document describing every endpoint, and a docs page', async () => {
    const { status, body } = await http(healthy.baseUrl, 'GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const commandPaths = COMMAND_ROUTES.map((route) => `/cases/{reference}/${route.path.replace(/:(\w+)/g, '{$1}')}`);
    const queryPaths = ['/cases/{reference}/timeline', '/cases/{reference}/deadlines', '/cases/{reference}/next-steps'];
    const reportPaths = ['/teams/{team}/overview', '/legal/queue', '/statistics', '/agencies/{agency}/actions', '/forums/JAG/agenda', '/forums/{forum}/meetings', '/forums/{forum}/meetings/{meetingId}', '/forums/{forum}/meetings/{meetingId}/decisions'];
    const documentPaths = ['/cases/{reference}/documents', '/cases/{reference}/documents/{documentId}'];
    const evidencePaths = ['/cases/{reference}/evidence', '/cases/{reference}/evidence/{evidenceId}', '/cases/{reference}/evidence/{evidenceId}/withdrawal'];
    const pspoPaths = ['/pspos', '/pspos/statistics', '/pspos/{pspoId}', '/pspos/{pspoId}/consultations', '/pspos/{pspoId}/extensions', '/pspos/{pspoId}/variations', '/pspos/{pspoId}/discharge', '/pspos/{pspoId}/breaches'];
    const adminPaths = ['/audit', '/case-failures', '/notifications', '/notifications/{id}', '/notifications/{id}/resend', '/retention/due', '/subject-access'];
    expect(Object.keys(body.paths).sort()).toEqual([...adminPaths, '/policy-versions', '/policy-versions/{id}', '/policy-versions/{id}/approval', '/policy-versions/{id}/diff', '/policy-versions/{id}/fan-out', '/policy-versions/{id}/fan-out-plan', '/cases', '/cases/{reference}', '/health', '/health/live', '/metrics', ...reportPaths, ...queryPaths, ...documentPaths, ...evidencePaths, ...pspoPaths, ...commandPaths].sort());
    for (const path of commandPaths) {
      const command = body.paths[path].post;
      expect(Object.keys(command.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '422', '500', '503']);
      const schema = command.requestBody.content['application/json'].schema;
      const named = schema.$ref ? body.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
      expect({ path, type: named.type }).toEqual({ path, type: 'object' });
    }
    const open = body.paths['/cases'].post;
    expect(Object.keys(open.responses).sort()).toEqual(['201', '400', '401', '403', '409', '422', '500', '503']);
    expect(open.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/OpenCaseRequest' });
    expect(body.components.schemas.OpenCaseRequest.required).toEqual(
      expect.arrayContaining(['type', 'category', 'channel', 'summary', 'team']),
    );
    expect(body.components.schemas.Case.properties.nextReview).toBeDefined();

    expect(Object.keys(body.paths['/notifications/{id}/resend'].post.responses).sort()).toEqual(['202', '401', '403', '404', '409', '503']);

    const docs = await http(healthy.baseUrl, 'GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.body).toContain('ASB case service API');
  });

  describe('when Temporal is unreachable', () => {
    let degraded: RunningService;

    beforeAll(async () => {
      // Nothing listens on port 1: the API must still start, and say what is wrong.
      degraded = await startService(
        { temporalAddress: '127.0.0.1:1', databaseUrl, smtpUrl, taskQueue: 'asb-cases-ops' },
        { worker: false, commandTimeoutMs: 1000 },
      );
    });
    afterAll(() => degraded?.stop());

    it('reports 503 from /health naming Temporal, with Retry-After', async () => {
      const { status, headers, body } = await http(degraded.baseUrl, 'GET', '/health');
      expect(status).toBe(503);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(headers.get('retry-after')).toBe('5');
      expect(body.checks).toMatchObject({ postgresql: { status: 'up' }, temporal: { status: 'down' } });
    });

    it('answers a command with 503 and Retry-After instead of losing it silently', async () => {
      const api = await degraded.client(SOUTH_OFFICER);
      const { status, headers, body } = await api('POST', '/cases', { body: HARASSMENT_REFERRAL });
      expect(status).toBe(503);
      expect(headers.get('retry-after')).toBe('5');
      expect(body).toMatchObject({ type: 'https://asb-case-service.example/problems/temporal-unreachable', title: 'Temporal is not reachable', status: 503 });
      expect(body.detail).toContain('Retry with the same Idempotency-Key');
    });
  });

  describe('when PostgreSQL is unreachable', () => {
    let noDatabase: RunningService;

    beforeAll(async () => {
      // Nothing listens on port 1: reads and writes of the case file cannot happen.
      noDatabase = await startService(
        { temporalAddress: env.address, databaseUrl: 'postgres://asb:asb@127.0.0.1:1/asb', smtpUrl, taskQueue: 'asb-cases-ops-nodb' },
        { worker: false },
      );
    });
    afterAll(() => noDatabase?.stop());

    it('reports 503 from /health naming PostgreSQL', async () => {
      const { status, body } = await http(noDatabase.baseUrl, 'GET', '/health');
      expect(status).toBe(503);
      expect(body.checks).toMatchObject({ postgresql: { status: 'down' }, temporal: { status: 'up' } });
    });

    it('answers a read with 503 and Retry-After, never a bare 500', async () => {
      const api = await noDatabase.client(SOUTH_OFFICER);
      const { status, headers, body } = await api('GET', '/cases/ASB-2026-000001');
      expect(status).toBe(503);
      expect(headers.get('retry-after')).toBe('5');
      expect(body.detail).toContain('PostgreSQL is not reachable');
    });
  });
});
