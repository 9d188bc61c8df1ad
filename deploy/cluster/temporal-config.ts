import type { ClusterPorts } from './ports';

/** The one account on Temporal's own PostgreSQL (its superuser, made by initdb). */
export const TEMPORAL_DB_USER = 'temporal';
export const TEMPORAL_DB_PASSWORD = 'temporal';
export const TEMPORAL_DATABASES = { persistence: 'temporal', visibility: 'temporal_visibility' } as const;
/** More than one, so history is spread over shards as in production; four is plenty for one machine. */
export const HISTORY_SHARDS = 4;
export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

/**
 * The server's static configuration (v1.29 keys, after the module's config/development-postgres12.yaml
 * and docker/config_template.yaml), written as JSON, which its YAML loader reads. One file for all four
 * services: each process picks its own section with `start --service`.
 */
export function temporalServerConfig(ports: ClusterPorts, options: { dynamicConfigPath: string; logLevel?: string }): string {
  const datastore = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `127.0.0.1:${ports.temporalPostgres}`,
      connectProtocol: 'tcp',
      user: TEMPORAL_DB_USER,
      password: TEMPORAL_DB_PASSWORD,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (grpcPort: number, membershipPort: number, extra: Record<string, unknown> = {}) => ({
    rpc: { grpcPort, membershipPort, bindOnIP: '127.0.0.1', ...extra },
  });
  const frontend = `127.0.0.1:${ports.temporalFrontend}`;
  return `${JSON.stringify(
    {
      log: { stdout: true, level: options.logLevel ?? 'warn', format: 'json' },
      persistence: {
        defaultStore: 'postgres-default',
        visibilityStore: 'postgres-visibility',
        numHistoryShards: HISTORY_SHARDS,
        datastores: {
          'postgres-default': datastore(TEMPORAL_DATABASES.persistence, 20),
          'postgres-visibility': datastore(TEMPORAL_DATABASES.visibility, 5),
        },
      },
      global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' }, pprof: { port: 0 } },
      services: {
        frontend: rpc(ports.temporalFrontend, ports.membership.frontend, { httpPort: ports.temporalFrontendHttp }),
        history: rpc(ports.temporalHistory, ports.membership.history),
        matching: rpc(ports.temporalMatching, ports.membership.matching),
        worker: rpc(ports.temporalWorker, ports.membership.worker),
      },
      clusterMetadata: {
        enableGlobalNamespace: false,
        failoverVersionIncrement: 10,
        masterClusterName: 'active',
        currentClusterName: 'active',
        clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: frontend } },
      },
      dcRedirectionPolicy: { policy: 'noop' },
      archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
      namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
      // Temporal's own worker service (system workflows) reaches the frontend here.
      publicClient: { hostPort: frontend },
      dynamicConfigClient: { filepath: options.dynamicConfigPath, pollInterval: '10s' },
    },
    null,
    2,
  )}\n`;
}

/** Settings the server reads while running (`dynamicConfigClient`). */
export function temporalDynamicConfig(): string {
  const value = (v: unknown) => [{ value: v, constraints: {} }];
  return `${JSON.stringify(
    {
      // One partition per task queue, as the dev server runs: partitions spread a queue over several
      // matching hosts; with one matching process they only leave a task waiting where no poller is.
      'matching.numTaskqueueReadPartitions': value(1),
      'matching.numTaskqueueWritePartitions': value(1),
      // A search attribute registered at start is usable at once, not after the cache's next refresh.
      'system.forceSearchAttributesCacheRefreshOnRead': value(true),
      'frontend.enableUpdateWorkflowExecution': value(true),
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted': value(true),
    },
    null,
    2,
  )}\n`;
}

/** The Web UI server's configuration (ui-server's config keys; JSON, read as YAML). */
export function temporalUiConfig(ports: ClusterPorts): string {
  return `${JSON.stringify(
    {
      temporalGrpcAddress: `127.0.0.1:${ports.temporalFrontend}`,
      host: '127.0.0.1',
      port: ports.temporalUi,
      enableUi: true,
      defaultNamespace: 'default',
      notifyOnNewVersion: false,
      cors: { cookieInsecure: true, unsafeAllowAllOrigins: false, allowOrigins: [`http://localhost:${ports.temporalUi}`] },
      auth: { enabled: false },
    },
    null,
    2,
  )}\n`;
}
