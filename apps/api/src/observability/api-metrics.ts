import type { Counter, Histogram, Registry } from 'prom-client';
import { caseCommandCounter, httpRequestDuration, processRegistry } from '../../../../libs/observability/src';

/** The API's metrics: one registry per application, so that two in one process (the tests) do not collide. */
export class ApiMetrics {
  readonly registry: Registry = processRegistry('api');
  readonly httpRequests: Histogram<'method' | 'route' | 'status'> = httpRequestDuration(this.registry);
  readonly commands: Counter<'command' | 'outcome'> = caseCommandCounter(this.registry);
}
