import { join } from 'node:path';
import { type RunningCluster, startCluster } from '../../deploy/cluster/cluster';
import { MAX_BASE_PORT, PORTS_PER_CLUSTER } from '../../deploy/cluster/ports';
import { runCampaign, type CampaignResult } from '../../apps/faults/src/campaign';
import { SHORT_CAMPAIGN } from '../../apps/faults/src/campaign-options';
import { clusterTarget } from '../../apps/faults/src/cluster-target';
import { renderAttempts, renderTable } from '../../apps/faults/src/table';
import type { CampaignTarget } from '../../apps/faults/src/target';
import { freePortRange } from '../support/free-port';
import { testRuntime } from '../support/runtime';

/**
 * The fault campaign's short form (`npm run faults -- --short`) on the production-shaped cluster: a
 * small load through HAProxy while a worker, an API instance, Temporal's history and frontend services
 * and PostgreSQL are each killed with SIGKILL and restarted by supervisord, and SMTP is down for a minute.
 */
describe('the fault campaign, short form: each fault once under a small load, on the cluster', () => {
  let cluster: RunningCluster;
  let target: CampaignTarget;
  let result: CampaignResult;

  beforeAll(async () => {
    cluster = await startCluster({ dataDir: join(testRuntime().runDir, 'faults-cluster'), basePort: await freePortRange(PORTS_PER_CLUSTER, 26_000, MAX_BASE_PORT), env: { LOG_LEVEL: 'warn' } });
    target = clusterTarget(cluster, { smtpDownMs: 60_000 });
    result = await runCampaign(target, { ...SHORT_CAMPAIGN, dataDir: testRuntime().runDir }, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`${renderTable(result.rows)}\n\n${renderAttempts(result.attemptsByPhase)}\n`);
  }, 20 * 60_000);

  afterAll(() => cluster?.shutdown(), 120_000);

  const total = () => result.rows.at(-1)!;

  it('ran every fault with requests answered 2xx before, during and after it', () => {
    expect(result.faults.map((fault) => fault.fault)).toEqual(target.faults.map((fault) => fault.name));
    for (const phase of ['baseline', ...target.faults.map((fault) => fault.name)]) {
      expect(result.rows.find((row) => row.fault === phase)?.commands2xx).toBeGreaterThan(0);
    }
  });

  it('lost no command answered 2xx, and acted on none twice', () => {
    expect({ lost: total().lost, duplicated: total().duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });

  it('never answered 500, and answered every 503 with Retry-After, the load balancer\'s own included', () => {
    expect({ status500: total().status500, without: total().status503WithoutRetryAfter }).toEqual({ status500: 0, without: 0 });
  });

  it('answered 503 while PostgreSQL or the Temporal frontend was down, rather than holding or failing requests', () => {
    const during = (fault: string) => result.attemptsByPhase[fault]?.['503'] ?? 0;
    expect(during('temporal-frontend kill -9') + during('app-postgres kill -9')).toBeGreaterThan(0);
  });

  it('sent every alert owed exactly once, counted at the SMTP server by Message-ID, across the SMTP outage', () => {
    expect(total().alertsOwed).toBeGreaterThan(0);
    expect({ once: total().sentOnce, twice: total().sentTwice, notSent: total().notSent }).toEqual({ once: total().alertsOwed, twice: 0, notSent: 0 });
  });

  it('left no deadline pending in the past, and the read model equal to every workflow case file', () => {
    expect({ pending: total().deadlinesPendingInPast, differs: total().readModelDiffers }).toEqual({ pending: 0, differs: 0 });
  });
});
