import type { CampaignTarget, Fault } from './target';

/** What the campaign needs of the cluster (deploy/cluster/cluster.ts's RunningCluster). */
export interface ClusterControls extends Pick<CampaignTarget, 'apiUrl' | 'databaseUrl' | 'temporalAddress' | 'temporalNamespace' | 'mailboxDir' | 'devKeyPath'> {
  /** The local issuer the APIs trust: tokens must name it. */
  readonly issuerUrl: string;
  kill9(program: ClusterFaultProgram): Promise<void>;
  stop(program: ClusterFaultProgram): Promise<void>;
  start(program: ClusterFaultProgram): Promise<void>;
  waitHealthy(timeoutMs?: number): Promise<void>;
}

type ClusterFaultProgram = 'worker-1' | 'api-1' | 'temporal-history' | 'temporal-frontend' | 'app-postgres' | 'smtp';

/**
 * The faults, in its order: one worker, one API instance, Temporal's history service then its
 * frontend, and the application's PostgreSQL, each killed with SIGKILL and restarted by the supervisor;
 * then the SMTP server stopped for `smtpDownMs` and started again.
 */
export function clusterTarget(cluster: ClusterControls, options: { smtpDownMs: number; audience?: string }): CampaignTarget {
  const killed = (name: string, program: ClusterFaultProgram, dependency?: string): Fault => ({
    name,
    ...(dependency ? { dependency } : {}),
    inject: () => cluster.kill9(program),
  });
  return {
    apiUrl: cluster.apiUrl,
    databaseUrl: cluster.databaseUrl,
    temporalAddress: cluster.temporalAddress,
    temporalNamespace: cluster.temporalNamespace,
    mailboxDir: cluster.mailboxDir,
    devKeyPath: cluster.devKeyPath,
    issuer: cluster.issuerUrl,
    audience: options.audience ?? 'asb-case-service',
    faults: [
      killed('worker-1 kill -9', 'worker-1'),
      killed('api-1 kill -9', 'api-1'),
      killed('temporal-history kill -9', 'temporal-history', 'Temporal'),
      killed('temporal-frontend kill -9', 'temporal-frontend', 'Temporal'),
      killed('app-postgres kill -9', 'app-postgres', 'PostgreSQL'),
      { name: 'smtp down', dependency: 'SMTP', downForMs: options.smtpDownMs, inject: () => cluster.stop('smtp'), heal: () => cluster.start('smtp') },
    ],
    waitHealthy: (timeoutMs) => cluster.waitHealthy(timeoutMs),
  };
}
