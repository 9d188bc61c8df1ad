/**
 * Every port the cluster listens on, counted up from one base port, so a test can start a cluster
 * beside `npm run up:cluster` (or beside another test's) by choosing another base.
 */
export interface ClusterPorts {
  readonly temporalPostgres: number;
  readonly appPostgres: number;
  readonly temporalFrontend: number;
  readonly temporalFrontendHttp: number;
  readonly temporalHistory: number;
  readonly temporalMatching: number;
  readonly temporalWorker: number;
  /** Ringpop membership, one per Temporal service. */
  readonly membership: { readonly frontend: number; readonly history: number; readonly matching: number; readonly worker: number };
  readonly temporalUi: number;
  readonly smtp: number;
  readonly apis: readonly [number, number];
  readonly loadBalancer: number;
  readonly console: number;
  readonly issuer: number;
  readonly supervisor: number;
  /** The two case workers: two on one host need a port each for every server they start. */
  readonly workers: readonly [WorkerPorts, WorkerPorts];
}

export interface WorkerPorts {
  /** /health and /metrics (WORKER_HTTP_PORT). */
  readonly http: number;
  /** The Temporal SDK's own Prometheus exporter (TEMPORAL_METRICS_BIND_ADDRESS), which /metrics reads. */
  readonly sdkMetrics: number;
}

/** How many ports from the base the cluster takes. */
export const PORTS_PER_CLUSTER = 23;
/**
 * The highest base port. Temporal keeps each service's membership port in a smallint column
 * (cluster_membership.rpc_port), so a port above 32767 stops the service at start:
 * `pq: value "41806" is out of range for type smallint`.
 */
export const MAX_BASE_PORT = 32_767 - PORTS_PER_CLUSTER;

export function clusterPorts(base: number): ClusterPorts {
  if (!Number.isInteger(base) || base < 1024 || base > MAX_BASE_PORT) {
    throw new Error(`basePort must be an integer from 1024 to ${MAX_BASE_PORT} (Temporal stores its membership ports as smallints), not ${base}`);
  }
  return {
    temporalPostgres: base,
    appPostgres: base + 1,
    temporalFrontend: base + 2,
    temporalFrontendHttp: base + 3,
    temporalHistory: base + 4,
    temporalMatching: base + 5,
    temporalWorker: base + 6,
    membership: { frontend: base + 7, history: base + 8, matching: base + 9, worker: base + 10 },
    temporalUi: base + 11,
    smtp: base + 12,
    apis: [base + 13, base + 14],
    loadBalancer: base + 15,
    console: base + 16,
    issuer: base + 17,
    supervisor: base + 18,
    workers: [
      { http: base + 19, sdkMetrics: base + 20 },
      { http: base + 21, sdkMetrics: base + 22 },
    ],
  };
}
