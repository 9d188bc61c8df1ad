import { clusterPorts, PORTS_PER_CLUSTER } from '../../deploy/cluster/ports';
import { clusterPrograms } from '../../deploy/cluster/programs';
import type { ClusterTools } from '../../deploy/cluster/cluster-tools';

const TOOLS: ClusterTools = {
  temporalServer: '/tools/temporal-server',
  temporalSqlTool: '/tools/temporal-sql-tool',
  temporalUiServer: '/tools/temporal-ui-server',
  temporalSchemaDir: '/tools/schema',
  supervisord: '/tools/supervisord',
  supervisorctl: '/tools/supervisorctl',
  haproxy: '/usr/sbin/haproxy',
};
const PATHS = { projectRoot: '/repo', configDir: '/data/config', mailboxDir: '/data/mailbox', postgresBinDir: '/pg/bin', temporalPostgresData: '/data/tp', appPostgresData: '/data/ap' };

/** Every port a cluster's processes listen on. */
function everyPort(base: number): number[] {
  const { membership, apis, workers, ...single } = clusterPorts(base);
  return [...Object.values(single), ...Object.values(membership), ...apis, ...workers.flatMap((worker) => [worker.http, worker.sdkMetrics])];
}

describe('the cluster on one machine: a port for each process', () => {
  it('gives every listening process its own port, inside the range the cluster reserves', () => {
    const ports = everyPort(7400);
    expect(new Set(ports).size).toBe(ports.length);
    expect(Math.min(...ports)).toBe(7400);
    expect(Math.max(...ports)).toBe(7400 + PORTS_PER_CLUSTER - 1);
  });

  it('starts the two case workers on different ports for /health and the SDK metrics, so both can run on one host', () => {
    const programs = clusterPrograms(TOOLS, clusterPorts(7400), PATHS);
    const workerEnv = ['worker-1', 'worker-2'].map((name) => programs.find((program) => program.name === name)?.env);
    expect(workerEnv.map((env) => env?.WORKER_HTTP_PORT)).toEqual(['7419', '7421']);
    expect(workerEnv.map((env) => env?.TEMPORAL_METRICS_BIND_ADDRESS)).toEqual(['127.0.0.1:7420', '127.0.0.1:7422']);
  });
});
