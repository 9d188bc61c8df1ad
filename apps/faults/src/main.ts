import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster } from '../../../deploy/cluster/cluster';
import { DATA_DIR } from '../../../deploy/local/tools';
import { runCampaign } from './campaign';
import { FULL_CAMPAIGN, SHORT_CAMPAIGN } from './campaign-options';
import { clusterTarget } from './cluster-target';
import { renderAttempts, renderTable } from './table';

const SMTP_DOWN_MS = 60_000;

/**
 * `npm run faults`: starts a fresh cluster in .data/faults, runs the campaign against it, prints the
 * table and writes results.json beside it. `--short` runs the short form (each fault once, small load).
 * Exits 1 when anything was lost, done twice, answered 500 or not sent exactly once.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      short: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: join(DATA_DIR, 'faults') },
      'base-port': { type: 'string', default: process.env.FAULTS_BASE_PORT ?? '7500' },
    },
  });
  const dataDir = resolve(values['data-dir']);
  const clusterDir = join(dataDir, 'cluster');
  // Each run on a fresh cluster: the checks read every case and mail of the run, and only of the run.
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  const log = (line: string) => console.log(line);
  log(`starting a cluster in ${clusterDir} (a minute or two)`);
  const cluster = await startCluster({ dataDir: clusterDir, basePort: Number(values['base-port']) });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void cluster.shutdown().finally(() => process.exit(130)));
  try {
    const options = values.short ? SHORT_CAMPAIGN : FULL_CAMPAIGN;
    const command = `npm run faults${values.short ? ' -- --short' : ''}`;
    const result = await runCampaign(clusterTarget(cluster, { smtpDownMs: SMTP_DOWN_MS }), { ...options, dataDir }, log);
    const table = renderTable(result.rows);
    log(`\n${command}, ${result.startedAt} to ${result.finishedAt}: ${result.requests.sent} requests, ${result.requests.attempts} attempts, ${result.requests.refused} refused, ${result.requests.gaveUp} given up\n`);
    log(table);
    log(`\nattempts by status, per phase:\n${renderAttempts(result.attemptsByPhase)}`);
    writeFileSync(join(dataDir, 'results.json'), JSON.stringify({ command, ...result, table }, null, 2));
    log(`\nresults in ${join(dataDir, 'results.json')}, every request and attempt in ${result.journalFile}, the cluster's logs in ${join(clusterDir, 'logs')}`);
    if (result.failures.length > 0) {
      console.error(`\nFAILED:\n${result.failures.map((failure) => `  - ${failure}`).join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await cluster.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
