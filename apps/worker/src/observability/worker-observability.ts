import type { Registry } from 'prom-client';
import type { Tracing } from '../../../../libs/observability/src';

/** What the process set up before the worker: its metrics registry, its tracing (absent when off), and where the SDK's metrics are served. */
export interface WorkerObservability {
  readonly registry: Registry;
  readonly tracing?: Tracing;
  readonly sdkMetricsUrl?: string;
}

export const WORKER_OBSERVABILITY = Symbol('WorkerObservability');
