import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../libs/config/src/project-root';
import { CHART, helm, KUBERNETES_VERSIONS, kubeconform, type Manifest, parseManifests, renderChart, renderChartFor, requireDeployTools } from '../support/deploy-tools';

/**
 * The Helm chart renders, passes `helm lint`, and every manifest it makes is valid against the
 * Kubernetes schemas (kubeconform -strict: an unknown or misspelt field is an error), with the default
 * values, Temporal Cloud's, and autoscaling; and what it deploys holds to the benchmark's sizes and the
 * service's shutdown.
 */
const CLOUD_VALUES = join(CHART, 'values-temporal-cloud.yaml');
const AUTOSCALING = ['--set', 'worker.autoscaling.enabled=true', '--set', 'api.autoscaling.enabled=true', '--set', 'console.autoscaling.enabled=true'];
const DIRECTORY_FILE = join(projectRoot(), 'deploy/local/directory.json');
const INLINE_DIRECTORY = ['--set', 'directory.existingConfigMap=', '--set-file', `directory.inline=${DIRECTORY_FILE}`];
const API_KEY = ['--set', 'temporal.tls.existingSecret=', '--set', 'temporal.apiKey.existingSecret=asb-temporal-api-key', '--set', 'temporal.address=eu-west-2.aws.api.temporal.io:7233'];

const byKind = (manifests: Manifest[], kind: string) => manifests.filter((manifest) => manifest.kind === kind);
const named = (manifests: Manifest[], kind: string, name: string) => {
  const found = manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  return found;
};
const container = (deployment: Manifest) => deployment.spec.template.spec.containers[0];
const envOf = (manifests: Manifest[]) => named(manifests, 'ConfigMap', 'asb-asb-case-service-env').data!;

function expectValid(args: string[]): void {
  for (const version of KUBERNETES_VERSIONS) {
    const yaml = renderChartFor(version, ...args);
    const count = parseManifests(yaml).length;
    const result = kubeconform(yaml, version);
    expect({ version, failures: result.failures, stderr: result.stderr }).toEqual({ version, failures: [], stderr: '' });
    expect(result.summary).toEqual({ valid: count, invalid: 0, errors: 0, skipped: 0 });
    expect(result.status).toBe(0);
  }
}

beforeAll(() => requireDeployTools());

describe('the chart as CI checks it', () => {
  it('passes helm lint --strict, with the default values and with Temporal Cloud', () => {
    for (const args of [[], ['-f', CLOUD_VALUES], ['-f', CLOUD_VALUES, ...API_KEY]]) {
      const result = helm('lint', CHART, '--strict', '--kube-version', KUBERNETES_VERSIONS[0], ...args);
      expect({ args, status: result.status, out: result.stdout }).toEqual({ args, status: 0, out: expect.stringContaining('1 chart(s) linted, 0 chart(s) failed') });
    }
  });

  it.each([
    ['the default values', []],
    ['Temporal Cloud over mTLS', ['-f', CLOUD_VALUES]],
    ['Temporal Cloud with an API key', ['-f', CLOUD_VALUES, ...API_KEY]],
    ['autoscaling and the staff directory given inline', [...AUTOSCALING, ...INLINE_DIRECTORY]],
  ])('renders manifests that kubeconform -strict finds valid for Kubernetes 1.30 and 1.35: %s', (_, args) => {
    expectValid(args);
  });

  it('refuses a manifest with a misspelt field, so a broken chart fails this test', () => {
    const yaml = renderChart().replace('readinessProbe:\n            httpGet:\n              path: /health', 'readinessProbe:\n            httpGet:\n              paht: /health');
    const result = kubeconform(yaml, KUBERNETES_VERSIONS[1]);
    expect(result.status).not.toBe(0);
    expect(result.summary.invalid).toBe(1);
    expect(result.failures[0]).toMatchObject({ kind: 'Deployment', status: 'statusInvalid', msg: expect.stringContaining('paht') });
  });
});

describe('what the chart deploys', () => {
  const manifests = () => parseManifests(renderChart());

  it('runs the worker, the API and the console, each with a Service and a PodDisruptionBudget, and migrates before them', () => {
    const all = manifests();
    expect(byKind(all, 'Deployment').map((d) => [d.metadata.name, container(d).args])).toEqual([
      ['asb-asb-case-service-api', ['api']],
      ['asb-asb-case-service-console', ['console']],
      ['asb-asb-case-service-worker', ['worker']],
    ]);
    expect(byKind(all, 'Service').map((s) => s.metadata.name).sort()).toEqual(['asb-asb-case-service-api', 'asb-asb-case-service-console', 'asb-asb-case-service-worker']);
    const budgets = byKind(all, 'PodDisruptionBudget');
    expect(budgets.map((p) => [p.metadata.name, p.spec.minAvailable ?? `maxUnavailable ${p.spec.maxUnavailable}`]).sort()).toEqual([
      ['asb-asb-case-service-api', 1],
      ['asb-asb-case-service-console', 1],
      ['asb-asb-case-service-worker', 'maxUnavailable 1'],
    ]);
    for (const budget of budgets) {
      const deployment = named(all, 'Deployment', budget.metadata.name);
      expect(budget.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    }
    const migrate = named(all, 'Job', 'asb-asb-case-service-migrate');
    expect(migrate.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade' });
    expect(container(migrate).args).toEqual(['migrate']);
    expect(container(migrate).env).toEqual([{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'asb-case-service-env', key: 'DATABASE_URL' } } }]);
  });

  it('probes each process on its own port: /health for readiness, /health/live for start and liveness', () => {
    const all = manifests();
    const env = envOf(all);
    const ports: Record<string, string> = { api: env.PORT!, console: env.WEB_PORT!, worker: env.WORKER_HTTP_PORT! };
    expect(ports).toEqual({ api: '3000', console: '3001', worker: '3010' });
    for (const deployment of byKind(all, 'Deployment')) {
      const c = container(deployment);
      expect(c.ports).toEqual([{ name: 'http', containerPort: Number(ports[c.name]), protocol: 'TCP' }]);
      // A dependency's outage makes the API's /health 503: readiness takes the pod out at once; nothing restarts it for that.
      expect(c.readinessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(c.readinessProbe.periodSeconds * c.readinessProbe.failureThreshold).toBeLessThanOrEqual(30);
      for (const probe of [c.livenessProbe, c.startupProbe]) expect(probe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(c.livenessProbe.periodSeconds * c.livenessProbe.failureThreshold).toBe(120);
    }
  });

  it('gives every pod longer to stop than SHUTDOWN_GRACE_SECONDS, after a pause for the load balancers', () => {
    for (const args of [[], ['--set', 'shutdownGraceSeconds=120']]) {
      const all = parseManifests(renderChart(...args));
      const grace = Number(envOf(all).SHUTDOWN_GRACE_SECONDS);
      expect(grace).toBe(args.length ? 120 : 25);
      for (const deployment of byKind(all, 'Deployment')) {
        const pod = deployment.spec.template.spec;
        const preStop = Number(pod.containers[0].lifecycle.preStop.exec.command[1]);
        expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(grace + preStop);
      }
    }
  });

  it('sizes the worker’s memory from its case cache and CPU from the benchmark’s cost of a command', () => {
    const resources = (args: string[]) => {
      const all = parseManifests(renderChart(...args));
      return { cache: envOf(all).TEMPORAL_MAX_CACHED_WORKFLOWS, ...Object.fromEntries(byKind(all, 'Deployment').map((d) => [container(d).name, container(d).resources])) };
    };
    // 380 MiB with no case + 0.7 MiB per cached case; 22 ms (worker) and 6 ms (API) of CPU per command.
    expect(resources([])).toMatchObject({
      cache: '300',
      worker: { requests: { cpu: '220m', memory: '590Mi' }, limits: { cpu: '2', memory: '1102Mi' } },
      api: { requests: { cpu: '120m', memory: '448Mi' }, limits: { cpu: '1', memory: '768Mi' } },
    });
    expect(resources(['--set', 'worker.maxCachedWorkflows=2000', '--set', 'worker.commandsPerSecond=30'])).toMatchObject({
      cache: '2000',
      worker: { requests: { cpu: '660m', memory: '1780Mi' }, limits: { memory: '2292Mi' } },
    });
  });

  it('leaves replicas to an autoscaler per component when asked, and mounts a staff directory given inline', () => {
    const all = parseManifests(renderChart(...AUTOSCALING, ...INLINE_DIRECTORY));
    expect(byKind(all, 'HorizontalPodAutoscaler').map((h) => [h.spec.scaleTargetRef.name, h.spec.minReplicas, h.spec.maxReplicas])).toEqual([
      ['asb-asb-case-service-api', 2, 6],
      ['asb-asb-case-service-console', 2, 4],
      ['asb-asb-case-service-worker', 2, 10],
    ]);
    for (const deployment of byKind(all, 'Deployment')) {
      expect(deployment.spec.replicas).toBeUndefined();
      expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'directory', configMap: { name: 'asb-asb-case-service-directory' } });
    }
    expect(named(all, 'ConfigMap', 'asb-asb-case-service-directory').data).toEqual({ 'directory.json': readFileSync(DIRECTORY_FILE, 'utf8') });
    expect(envOf(all).DIRECTORY_PATH).toBe('/etc/asb/directory/directory.json');
  });

  it('takes secrets only from named Secrets and runs as a non-root user on a read-only filesystem', () => {
    const all = manifests();
    expect(byKind(all, 'Secret')).toEqual([]);
    for (const deployment of byKind(all, 'Deployment')) {
      const pod = deployment.spec.template.spec;
      expect(pod.containers[0].envFrom).toEqual([{ configMapRef: { name: 'asb-asb-case-service-env' } }, { secretRef: { name: 'asb-case-service-env' } }]);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
      expect(pod.containers[0].securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    }
  });

  it('connects to Temporal Cloud with the client certificate or the API key, through the variables the service reads', () => {
    const mtls = parseManifests(renderChart('-f', CLOUD_VALUES));
    expect(envOf(mtls)).toMatchObject({ TEMPORAL_ADDRESS: 'asb-prod.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'asb-prod.a1b2c' });
    const worker = named(mtls, 'Deployment', 'asb-asb-case-service-worker');
    expect(container(worker).env).toEqual(expect.arrayContaining([
      { name: 'TEMPORAL_TLS_CERT_PATH', value: '/etc/asb/temporal-tls/tls.crt' },
      { name: 'TEMPORAL_TLS_KEY_PATH', value: '/etc/asb/temporal-tls/tls.key' },
    ]));
    expect(worker.spec.template.spec.volumes).toContainEqual({ name: 'temporal-tls', secret: { secretName: 'asb-temporal-cloud-mtls' } });

    const apiKey = parseManifests(renderChart('-f', CLOUD_VALUES, ...API_KEY));
    for (const deployment of byKind(apiKey, 'Deployment')) {
      expect(container(deployment).env).toContainEqual({ name: 'TEMPORAL_API_KEY', valueFrom: { secretKeyRef: { name: 'asb-temporal-api-key', key: 'api-key' } } });
      expect(container(deployment).env.map((e: { name: string }) => e.name)).not.toContain('TEMPORAL_TLS_CERT_PATH');
    }
  });

  it.each([
    ['Cloud without a credential', ['-f', CLOUD_VALUES, '--set', 'temporal.tls.existingSecret='], 'temporal.cloud: give temporal.tls.existingSecret (mTLS) or temporal.apiKey.existingSecret'],
    ['Cloud still pointed at a cluster service', ['--set', 'temporal.cloud=true', '--set', 'temporal.apiKey.existingSecret=k'], 'temporal.address is still a cluster service'],
    ['no Secret for the environment', ['--set', 'existingSecret='], 'existingSecret: name the Secret holding DATABASE_URL, SMTP_URL and SESSION_SECRET'],
    ['no staff directory', ['--set', 'directory.existingConfigMap='], 'directory: give existingConfigMap'],
    ['no identity provider', ['--set', 'config.oidc.issuer='], 'config.oidc.issuer: a cluster needs an identity provider'],
  ])('refuses to render %s, saying what to give', (_, args, message) => {
    expect(() => renderChart(...args)).toThrow(message);
  });
});

describe('the official Temporal chart’s values', () => {
  it('put persistence and visibility on PostgreSQL, with 512 history shards and more than one replica of each service', () => {
    const values = parse(readFileSync(join(projectRoot(), 'deploy/helm/temporal-values.yaml'), 'utf8'));
    const { persistence } = values.server.config;
    expect(persistence.numHistoryShards).toBe(512);
    for (const store of [persistence.datastores.default, persistence.datastores.visibility]) {
      expect(store.sql).toMatchObject({ pluginName: 'postgres12', existingSecret: 'temporal-db', manageSchema: true });
      expect(store.sql.password).toBeUndefined();
    }
    for (const service of ['frontend', 'history', 'matching', 'worker']) {
      expect(values.server[service].replicaCount).toBeGreaterThan(1);
      expect(values.server[service].podDisruptionBudget).toEqual({ maxUnavailable: 1 });
    }
    // The namespace the ASB chart's default values name.
    expect(values.server.config.namespaces.namespace.map((n: { name: string }) => n.name)).toEqual([parse(readFileSync(join(CHART, 'values.yaml'), 'utf8')).temporal.namespace]);
  });
});
