import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The content type of Prometheus's text format, as prom-client writes it. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * One process's metrics: Node's own (CPU, memory, event loop lag, GC), under a registry of its own so
 * that the API and the worker can share a process (as the tests run them) without colliding.
 */
export function processRegistry(service: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The API's: each request's duration by method, route template (never the path: references would explode it) and status. */
export function httpRequestDuration(registry: Registry): Histogram<'method' | 'route' | 'status'> {
  return new Histogram({
    name: 'asb_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
}

/** Case commands by name and outcome: `done`, `replayed` (an Idempotency-Key's retry), or the refusal's status. */
export function caseCommandCounter(registry: Registry): Counter<'command' | 'outcome'> {
  return new Counter({ name: 'asb_case_commands_total', help: 'Case commands by name and outcome.', labelNames: ['command', 'outcome'], registers: [registry] });
}

/**
 * The registry's text, followed by what another exporter in the process serves (the Temporal runtime's
 * Prometheus endpoint): one scrape gets both. An exporter that does not answer is noted, not fatal.
 */
export async function prometheusText(registry: Registry, appendFrom?: string): Promise<string> {
  const own = await registry.metrics();
  if (!appendFrom) return own;
  try {
    const response = await fetch(appendFrom, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return `${own}\n${await response.text()}`;
  } catch (error) {
    return `${own}\n# the Temporal SDK's metrics at ${appendFrom} did not answer: ${String((error as Error).message ?? error).replace(/\n/g, ' ')}\n`;
  }
}
