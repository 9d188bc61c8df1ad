import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { simpleParser } from 'mailparser';
import { type RunningCluster, startCluster } from '../../deploy/cluster/cluster';
import { MAX_BASE_PORT, PORTS_PER_CLUSTER } from '../../deploy/cluster/ports';
import { mintDevToken } from '../../libs/auth/src';
import { eventually } from '../support/case-driver';
import { NOISE_DISPUTE } from '../support/case-requests';
import { freePortRange } from '../support/free-port';
import { http } from '../support/http';
import { testRuntime } from '../support/runtime';
import { NORTH_OFFICER } from '../support/service';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
/** The README's 09:00 report: NOISE_DISPUTE, high risk, at an address, with a vulnerable complainant. */
const report = {
  ...NOISE_DISPUTE,
  riskLevel: 'HIGH',
  location: { address: '14 Egerton View, Melton Mowbray LE13 0AB', ward: 'Egerton' },
  complainants: [{ id: 'c1', name: 'Pat Lee', vulnerable: true }],
};

/**
 * The production-shaped stack of `npm run up:cluster`: Temporal's server as four processes on its own
 * PostgreSQL, two workers, two APIs behind HAProxy, all supervised. The README's walk-through runs
 * through the load balancer, and the processes the fault campaign kills come back on their own.
 */
describe('the cluster stack (npm run up:cluster)', () => {
  let cluster: RunningCluster;
  let api: <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => ReturnType<typeof http<T>>;
  let reference: string;
  const startedAt = Date.now();

  beforeAll(async () => {
    cluster = await startCluster({ dataDir: join(testRuntime().runDir, 'cluster'), basePort: await freePortRange(PORTS_PER_CLUSTER, 20_000, MAX_BASE_PORT), env: { LOG_LEVEL: 'warn' } });
    console.log(`cluster started in ${Math.round((Date.now() - startedAt) / 1000)} s`);
    const token = await mintDevToken(cluster.devKeyPath, NORTH_OFFICER, { issuer: cluster.issuerUrl });
    api = (method, path, body, headers = {}) => http(cluster.apiUrl, method, path, { ...(body === undefined ? {} : { body }), headers: { authorization: `Bearer ${token}`, ...headers } });
  }, 420_000);

  /** Retries a 503 after its Retry-After, with the same Idempotency-Key, for up to a minute. */
  async function asAClientWould(method: string, path: string, body: unknown, idempotencyKey: string) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await api(method, path, body, { 'idempotency-key': idempotencyKey });
      if (answer.status !== 503 || Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, Number(answer.headers.get('retry-after') ?? 1) * 1000));
    }
  }

  afterAll(async () => {
    await cluster?.shutdown();
    // The run's folder goes with the test run; a mirror of PostgreSQL's data outside it must go too.
    for (const dir of cluster?.postgresDataDirs ?? []) rmSync(dir, { recursive: true, force: true });
    console.log(`cluster test took ${Math.round((Date.now() - startedAt) / 1000)} s`);
  }, 120_000);

  it('runs frontend, history, matching and worker as four processes, with more than one history shard', async () => {
    const services = ['frontend', 'history', 'matching', 'worker'] as const;
    const pids = await Promise.all(services.map((service) => cluster.pid(`temporal-${service}`)));
    expect(new Set(pids).size).toBe(4);
    for (const [index, service] of services.entries()) {
      const commandLine = readFileSync(`/proc/${pids[index]}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(commandLine.slice(-2)).toEqual(['--service', service]);
    }
    const connection = await Connection.connect({ address: cluster.temporalAddress });
    try {
      const info = await connection.workflowService.getClusterInfo({});
      expect(info.historyShardCount).toBe(4);
      expect(info.persistenceStore).toBe('postgres12');
      expect(info.visibilityStore).toBe('postgres12');
    } finally {
      await connection.close();
    }
  });

  it('runs both case workers at once, each polling and answering /health and /metrics on a port of its own', async () => {
    const pids = await Promise.all([cluster.pid('worker-1'), cluster.pid('worker-2')]);
    expect(new Set(pids).size).toBe(2);
    for (const url of cluster.workerUrls) {
      const health = await eventually(async () => {
        const answer = await fetch(`${url}/health`);
        return answer.status === 200 ? await answer.json() : undefined;
      });
      expect(health).toEqual({ status: 'ok', worker: 'RUNNING' });
      // The SDK's own series, read from the worker's own exporter port.
      expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^temporal_worker_task_slots_available\{/m);
    }
  });

  it('walks a case through the load balancer as the README does: opened once, duplicate held, incident, CPW, CPN refused', async () => {
    // The cluster's first workflow task can outlast a command's wait while its workers settle: a client retries the 503.
    const opened = await asAClientWould('POST', '/cases', report, 'cluster-3f0c2a');
    expect([opened.status, opened.body.reference]).toEqual([201, expect.stringMatching(/^ASB-\d{4}-\d{6}$/)]);
    reference = opened.body.reference;
    const again = await api('POST', '/cases', report, { 'idempotency-key': 'cluster-3f0c2a' });
    expect(again.body.reference).toBe(reference);

    const neighbour = await api('POST', '/cases', {
      type: 'ANTI_SOCIAL_BEHAVIOUR', category: 'NOISE_DISPUTE', channel: 'CUSTOMER_SERVICES_CALL', summary: 'Music through the wall from number 14 until 3am.',
      riskLevel: 'MEDIUM', team: 'north', location: { address: '14 Egerton View' }, complainants: [{ id: 'c1', name: 'Sam Okafor' }],
    });
    expect(neighbour.status).toBe(409);
    expect(neighbour.body).toMatchObject({ condition: 'POSSIBLE_DUPLICATE', matches: [{ reference, matchedOn: ['ADDRESS'] }] });

    expect((await api('POST', `/cases/${reference}/incidents`, { occurredAt: daysAgo(4), description: 'Sam Okafor at number 16: music until 3am.', subjectIds: ['s1'] })).status).toBe(200);
    expect((await api('POST', `/cases/${reference}/initial-contact`, { summary: 'Phoned Pat; diary sheets agreed.' })).status).toBe(200);
    const cpw = await api('POST', `/cases/${reference}/enforcement-steps`, {
      kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: 'Music every night for a month.', occurredAt: daysAgo(3),
    });
    expect(cpw.status).toBe(200);
    const file = (await api('GET', `/cases/${reference}`)).body;
    expect(file.incidents).toHaveLength(1);
    expect(file.enforcementSteps).toEqual([expect.objectContaining({ kind: 'COMMUNITY_PROTECTION_WARNING' })]);
    const cpn = await api('POST', `/cases/${reference}/enforcement-steps`, {
      kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements: [{ text: 'No amplified music after 11pm.', dueOn: daysAgo(-30).slice(0, 10) }],
    });
    expect(cpn.status).toBe(409);
    expect(cpn.body.condition).toBe('CPW_COMPLIANCE_PERIOD_RUNNING');

    // The case's search attributes, registered on the cluster's PostgreSQL visibility store.
    const connection = await Connection.connect({ address: cluster.temporalAddress });
    try {
      await eventually(async () => {
        const listed = await connection.workflowService.listWorkflowExecutions({
          namespace: cluster.temporalNamespace,
          query: `AsbTeam = 'north' AND AsbRiskLevel = 'HIGH'`,
        });
        return listed.executions.some((execution) => execution.execution?.workflowId?.includes(reference));
      });
    } finally {
      await connection.close();
    }
  });

  it('sends mail through the supervised SMTP process into the mailbox folder', async () => {
    // A review held 8 days ago plans the next one 7 days after it: overdue when entered, and the manager is told.
    expect((await api('POST', `/cases/${reference}/incidents`, { occurredAt: daysAgo(10), description: 'Pat’s diary: the first night of music until 3am.', subjectIds: ['s1'] })).status).toBe(200);
    const review = await api('POST', `/cases/${reference}/reviews`, { summary: 'Reviewed with the police on the day of the first report.', occurredAt: daysAgo(8) });
    expect([review.status, review.body.reference, review.body.reviewCount]).toEqual([200, reference, 1]);
    const subjects = async () =>
      Promise.all(readdirSync(cluster.mailboxDir).filter((name) => name.endsWith('.eml')).map(async (name) => (await simpleParser(readFileSync(join(cluster.mailboxDir, name)))).subject ?? ''));
    await eventually(async () => (await subjects()).some((subject) => subject.startsWith(`Overdue review: ${reference}`)));
  });

  it('restarts worker-1 after a kill -9, and the case still answers', async () => {
    const before = await cluster.pid('worker-1');
    await cluster.kill9('worker-1');
    await eventually(async () => {
      const after = await cluster.pid('worker-1');
      return after !== undefined && after !== before;
    });
    await cluster.waitHealthy(60_000);
    // The case may have been cached on worker-1: Temporal hands it to worker-2 once the dead worker's
    // sticky queue times out, and a command meanwhile answers 503 with Retry-After. A client retries
    // with the same Idempotency-Key, and the note is recorded once.
    const note = await asAClientWould('POST', `/cases/${reference}/notes`, { text: 'Housing confirm the tenancy is in the subject’s name.' }, 'cluster-note-1');
    expect(note.status).toBe(200);
    expect((await api('GET', `/cases/${reference}`)).body.notes).toEqual([expect.objectContaining({ text: 'Housing confirm the tenancy is in the subject’s name.' })]);
    expect(readFileSync(join(cluster.logDir, 'supervisord.log'), 'utf8')).toMatch(/exited: worker-1 \(terminated by SIGKILL; not expected\)/);
  });

  it('keeps answering through the load balancer while an API instance is killed, and takes it back once restarted', async () => {
    await cluster.kill9('api-1');
    const statuses: number[] = [];
    for (let request = 0; request < 20; request += 1) statuses.push((await api('GET', `/cases/${reference}`)).status);
    expect(statuses).toEqual(Array(20).fill(200));
    await eventually(async () => /api-1 is DOWN/.test(readFileSync(join(cluster.logDir, 'load-balancer.log'), 'utf8')));
    await cluster.waitHealthy(60_000);
    await eventually(async () => /api-1 is UP/.test(readFileSync(join(cluster.logDir, 'load-balancer.log'), 'utf8')));
  });
});
