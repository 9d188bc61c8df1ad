import { createServer, type Server } from 'node:http';
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { startTracing, type Tracing } from '../../libs/observability/src';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { freePort } from '../support/free-port';
import { exitOf, spawnCompiled, waitForOutput } from '../support/processes';
import { type ApiClient, NORTH_OFFICER } from '../support/service';
import { aboutOtherPeople } from '../support/distinct-reports';
import { NOISE_DISPUTE } from '../support/case-requests';

const TASK_QUEUE = 'asb-observability';

interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string }

/** An OTLP/HTTP receiver speaking the JSON encoding: what a collector would be sent, decoded. */
async function startOtlpReceiver(): Promise<{ url: string; spans: OtlpSpan[]; close(): Promise<void> }> {
  const spans: OtlpSpan[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const decoded = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const resource of decoded.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('operations: JSON logs, Prometheus metrics and one trace from the request to the activity', () => {
  let world: E2eWorld;
  let api: ApiClient;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let tracing: Tracing | undefined;
  let worker: ReturnType<typeof spawnCompiled>;
  let workerHttp: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // The API runs in this process: its tracing is started as main.ts starts it, to the same receiver.
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
    tracing = startTracing('asb-case-api');
    const logs = new PassThrough();
    let pending = '';
    logs.on('data', (chunk: Buffer) => {
      const parts = (pending + chunk.toString()).split('\n');
      pending = parts.pop()!;
      logLines.push(...parts);
    });
    world = await startE2eWorld(TASK_QUEUE, { service: { worker: false, logLevel: 'info', logDestination: logs } });
    const [httpPort, sdkPort] = [await freePort(), await freePort()];
    workerHttp = `http://127.0.0.1:${httpPort}`;
    // The worker as production runs it, in its own process with its own Temporal runtime (whose metrics it serves).
    worker = spawnCompiled('apps/worker/src/main.js', {
      TEMPORAL_ADDRESS: world.env.address,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      DATABASE_URL: world.databaseUrl,
      SMTP_URL: world.smtpUrl,
      ...world.s3.env,
      LOG_LEVEL: 'info',
      WORKER_HTTP_PORT: String(httpPort),
      TEMPORAL_METRICS_BIND_ADDRESS: `127.0.0.1:${sdkPort}`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    await waitForOutput(worker, 'polling task queue');
    api = await world.service.client(NORTH_OFFICER);
  }, 180_000);

  afterAll(async () => {
    worker?.kill('SIGTERM');
    if (worker) await exitOf(worker);
    await world?.stop();
    await tracing?.shutdown();
    await receiver?.close();
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_PROTOCOL;
  });

  it('logs each request as one JSON object a line, with the request id given and the case reference', async () => {
    const opened = await api('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) });
    expect(opened.status).toBe(201);
    const reference: string = opened.body.reference;
    const incident = { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Music until 3am again.', subjectIds: ['s1'] };
    const sent = await api('POST', `/cases/${reference}/incidents`, { body: incident, headers: { 'x-request-id': 'ops-test-incident-1', 'Idempotency-Key': 'ops-incident-1' } });
    expect(sent.status).toBe(200);
    expect(sent.headers.get('x-request-id')).toBe('ops-test-incident-1');
    const generated = await api('GET', `/cases/${reference}`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await new Promise((resolve) => setTimeout(resolve, 200));
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const line = entries.find((entry) => entry.requestId === 'ops-test-incident-1');
    expect(line).toMatchObject({ level: 'info', caseReference: reference, req: { method: 'POST', url: `/cases/${reference}/incidents` }, res: { statusCode: 200 } });
    expect(entries.find((entry) => entry.requestId === generated.headers.get('x-request-id'))).toMatchObject({ caseReference: reference });
    // No bearer token in any line.
    expect(logLines.join('\n')).not.toMatch(/Bearer /);
  });

  it("answers /metrics on the API (commands by name and outcome) and on the worker (with the Temporal SDK's own)", async () => {
    const apiMetrics = await api('GET', '/metrics');
    expect(apiMetrics.status).toBe(200);
    expect(apiMetrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const apiText = String(apiMetrics.body);
    expect(sample(apiText, 'asb_case_commands_total', { command: 'openCase', outcome: 'done', service: 'api' })).toBe(1);
    expect(sample(apiText, 'asb_case_commands_total', { command: 'recordIncident', outcome: 'done', service: 'api' })).toBe(1);
    expect(sample(apiText, 'asb_http_request_duration_seconds_count', { method: 'POST', route: '/cases/:reference/incidents', status: '200', service: 'api' })).toBe(1);
    expect(sample(apiText, 'process_cpu_seconds_total', { service: 'api' })).toBeGreaterThan(0);

    const health = await fetch(`${workerHttp}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', worker: 'RUNNING' });
    const live = await fetch(`${workerHttp}/health/live`);
    expect({ status: live.status, body: await live.json() }).toEqual({ status: 200, body: { status: 'ok', worker: 'RUNNING' } });
    const workerMetrics = await fetch(`${workerHttp}/metrics`);
    expect(workerMetrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const workerText = await workerMetrics.text();
    expect(sample(workerText, 'nodejs_heap_size_used_bytes', { service: 'worker' })).toBeGreaterThan(0);
    // The SDK's own, from the worker's Temporal runtime: the case's workflow tasks and the saves run inside them.
    expect(sample(workerText, 'temporal_workflow_task_execution_latency_count', { task_queue: TASK_QUEUE, workflow_type: 'caseWorkflow' })).toBeGreaterThan(0);
    expect(sample(workerText, 'temporal_local_activity_execution_latency_count', { task_queue: TASK_QUEUE, activity_type: 'saveCaseFile' })).toBeGreaterThan(0);
  });

  it('makes one trace of a command: the HTTP request, the update sent and handled, and the local activity that saves it', async () => {
    const opened = await api('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) });
    const reference: string = opened.body.reference;
    const sent = await api('POST', `/cases/${reference}/incidents`, { body: { occurredAt: new Date(Date.now() - 7_200_000).toISOString(), description: 'Shouting on the stairs.', subjectIds: ['s1'] } });
    expect(sent.status).toBe(200);
    await tracing!.spanProcessor.forceFlush();

    const request = await eventually(() => receiver.spans.find((span) => span.name === 'POST /cases/:reference/incidents' && receiver.spans.some((other) => other.traceId === span.traceId && other.name === 'RunActivity:saveCaseFile')));
    const trace = receiver.spans.filter((span) => span.traceId === request.traceId);
    const names = trace.map((span) => span.name);
    expect(names).toEqual(expect.arrayContaining(['POST /cases/:reference/incidents', 'StartWorkflowUpdate:recordIncident', 'HandleUpdate:recordIncident', 'RunActivity:saveCaseFile']));
    const update = trace.find((span) => span.name === 'StartWorkflowUpdate:recordIncident')!;
    expect(update.parentSpanId).toBe(request.spanId);
  }, 60_000);
});

async function eventually<T>(find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('not exported within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The value of the first sample of `name` carrying every one of `labels` (in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const own = Object.fromEntries([...match[2]!.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1], label[2]]));
    if (Object.entries(labels).every(([key, value]) => own[key] === value)) return Number(match[3]);
  }
  return undefined;
}
