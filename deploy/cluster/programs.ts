import { join } from 'node:path';
import type { ClusterTools } from './cluster-tools';
import type { ClusterPorts } from './ports';
import type { SupervisedProgram } from './supervisor-config';
import { TEMPORAL_SERVICES } from './temporal-config';

/** The names the fault campaign and the operator control each process by. */
export type ClusterProgram =
  | 'temporal-postgres'
  | 'temporal-frontend'
  | 'temporal-history'
  | 'temporal-matching'
  | 'temporal-worker'
  | 'temporal-ui'
  | 'app-postgres'
  | 'smtp'
  | 'worker-1'
  | 'worker-2'
  | 'api-1'
  | 'api-2'
  | 'console'
  | 'issuer'
  | 'load-balancer';

export const CLUSTER_PROGRAMS: readonly ClusterProgram[] = [
  'temporal-postgres',
  'app-postgres',
  'temporal-history',
  'temporal-matching',
  'temporal-frontend',
  'temporal-worker',
  'temporal-ui',
  'smtp',
  'worker-1',
  'worker-2',
  'api-1',
  'api-2',
  'issuer',
  'console',
  'load-balancer',
];

export interface ProgramPaths {
  readonly projectRoot: string;
  readonly configDir: string;
  readonly mailboxDir: string;
  readonly postgresBinDir: string;
  readonly temporalPostgresData: string;
  readonly appPostgresData: string;
  /** Root may not run PostgreSQL: then it runs as this system user. */
  readonly postgresUser?: string;
}

export function clusterPrograms(tools: ClusterTools, ports: ClusterPorts, paths: ProgramPaths): SupervisedProgram[] {
  // The compiled services (`npm run build`), run by this Node (24, from node_modules), as production runs them.
  const node = (script: string): SupervisedProgram['command'] => [process.execPath, '--enable-source-maps', join(paths.projectRoot, 'dist', script)];
  const postgres = (name: ClusterProgram, dataDir: string, port: number): SupervisedProgram => ({
    name,
    command: [
      join(paths.postgresBinDir, 'postgres'),
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: no socket file in a shared folder for two servers (or two clusters) to contend for.
      '-c',
      'unix_socket_directories=',
    ],
    ...(paths.postgresUser ? { user: paths.postgresUser } : {}),
    stopSignal: 'INT',
    startSeconds: 3,
    priority: 100,
  });
  const temporal = (service: (typeof TEMPORAL_SERVICES)[number]): SupervisedProgram => ({
    name: `temporal-${service}`,
    command: [tools.temporalServer, '--root', paths.configDir, '--config', 'temporal', '--env', 'cluster', '--allow-no-auth', 'start', '--service', service],
    startSeconds: 3,
    priority: 200,
  });
  return [
    postgres('temporal-postgres', paths.temporalPostgresData, ports.temporalPostgres),
    postgres('app-postgres', paths.appPostgresData, ports.appPostgres),
    ...TEMPORAL_SERVICES.map(temporal),
    { name: 'temporal-ui', command: [tools.temporalUiServer, '--root', paths.configDir, '--config', 'temporal-ui', '--env', 'cluster', 'start'], priority: 300 },
    {
      name: 'smtp',
      command: node('libs/mailbox/src/capture-smtp.cli.js'),
      env: { SMTP_PORT: String(ports.smtp), MAILBOX_DIR: paths.mailboxDir },
      priority: 300,
    },
    ...ports.workers.map((worker, index): SupervisedProgram => ({
      name: `worker-${index + 1}`,
      command: node('apps/worker/src/main.js'),
      env: { WORKER_HTTP_PORT: String(worker.http), TEMPORAL_METRICS_BIND_ADDRESS: `127.0.0.1:${worker.sdkMetrics}` },
      priority: 400,
    })),
    ...ports.apis.map((port, index): SupervisedProgram => ({ name: `api-${index + 1}`, command: node('apps/api/src/main.js'), env: { PORT: String(port) }, priority: 500 })),
    { name: 'issuer', command: node('apps/issuer/src/main.js'), priority: 500 },
    { name: 'console', command: node('apps/web/src/main.js'), env: { WEB_PORT: String(ports.console) }, priority: 500 },
    { name: 'load-balancer', command: [tools.haproxy, '-W', '-db', '-f', join(paths.configDir, 'haproxy.cfg')], priority: 600 },
  ];
}
