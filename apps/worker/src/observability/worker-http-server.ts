import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { PROMETHEUS_CONTENT_TYPE, prometheusText } from '../../../../libs/observability/src';

export interface WorkerProbe {
  /** True while the worker polls its task queue: false before it starts, while it drains, once it failed. */
  isPolling(): boolean;
  /** Its state as the SDK names it, for the person reading the answer. */
  state(): string;
}

/**
 * The worker's own small HTTP server: `/health` (200 while polling, 503 otherwise: readiness),
 * `/health/live` (200 while the process answers: liveness, which a Temporal outage must not fail, as a
 * restart would not help) and `/metrics` (Node's and the worker's, then the Temporal SDK's from `sdkMetricsUrl`).
 */
export async function startWorkerHttpServer(port: number, probe: WorkerProbe, registry: Registry, sdkMetricsUrl?: string): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
    } else if (path === '/health') {
      const polling = probe.isPolling();
      response.writeHead(polling ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: polling ? 'ok' : 'unavailable', worker: probe.state() }));
    } else if (path === '/health/live') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', worker: probe.state() }));
    } else if (path === '/metrics') {
      prometheusText(registry, sdkMetricsUrl).then(
        (text) => response.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE }).end(text),
        (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
      );
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
