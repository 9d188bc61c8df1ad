import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { projectRoot } from '../../libs/config/src/project-root';

/** The checkers scripts/tools/deploy-tools.sh installs (from `npm run bootstrap`), run as CI runs them. */
const ROOT = projectRoot();
export const CHART = join(ROOT, 'deploy/helm/asb-case-service');
export const DOCKERFILE = join(ROOT, 'deploy/docker/Dockerfile');
const TOOLS = join(ROOT, '.tools');
const HELM = join(TOOLS, 'bin/helm');
const KUBECONFORM = join(TOOLS, 'bin/kubeconform');
const HADOLINT = join(TOOLS, 'deploy-tools/bin/hadolint');
const SCHEMAS = join(TOOLS, 'kubernetes-json-schema');
/** scripts/tools/deploy-tools.sh lays out these versions: the chart's oldest (Chart.yaml kubeVersion) and a current one. */
export const KUBERNETES_VERSIONS = ['1.30.0', '1.35.0'] as const;

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], input?: string): Run {
  const result = spawnSync(command, args, { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Fails with the way to get them, rather than skipping: CI must run these checks. */
export function requireDeployTools(): void {
  const missing = [HELM, KUBECONFORM, HADOLINT, ...KUBERNETES_VERSIONS.map((v) => join(SCHEMAS, `v${v}-standalone-strict/_definitions.json`))].filter((path) => !existsSync(path));
  if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: run \`npm run bootstrap\` (scripts/tools/deploy-tools.sh)`);
}

export function helm(...args: string[]): Run {
  return run(HELM, args);
}

/**
 * `helm template` of the chart with these extra arguments (-f, --set), for a Kubernetes version (helm
 * built from source assumes 1.20 otherwise); throws with helm's message when it refuses.
 */
export function renderChartFor(kubernetesVersion: string, ...args: string[]): string {
  const result = helm('template', 'asb', CHART, '--namespace', 'asb', '--kube-version', kubernetesVersion, ...args);
  if (result.status !== 0) throw new Error(`helm template refused: ${result.stderr.trim()}`);
  return result.stdout;
}

export const renderChart = (...args: string[]): string => renderChartFor(KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]!, ...args);

export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly annotations?: Record<string, string> };
  readonly spec?: any; // Kubernetes objects of every kind, read by the assertions
  readonly data?: Record<string, string>;
}

export function parseManifests(yaml: string): Manifest[] {
  return parseAllDocuments(yaml)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

export interface KubeconformSummary {
  readonly valid: number;
  readonly invalid: number;
  readonly errors: number;
  readonly skipped: number;
}
export interface KubeconformResult extends Run {
  readonly summary: KubeconformSummary;
  /** Each resource that is not valid, with kubeconform's reason. */
  readonly failures: { readonly kind: string; readonly name: string; readonly status: string; readonly msg: string }[];
}

/** kubeconform -strict over manifests read from stdin, against the local schemas of one Kubernetes version. */
export function kubeconform(manifests: string, kubernetesVersion: string): KubeconformResult {
  const location = join(SCHEMAS, '{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json');
  const result = run(KUBECONFORM, ['-strict', '-summary', '-output', 'json', '-kubernetes-version', kubernetesVersion, '-schema-location', location, '-'], manifests);
  const report = JSON.parse(result.stdout) as { resources: KubeconformResult['failures']; summary: KubeconformSummary };
  return { ...result, summary: report.summary, failures: report.resources.filter((resource) => resource.status !== 'statusValid') };
}

/** hadolint's findings on a Dockerfile, at every level (info and style included). */
export function hadolint(dockerfile: string): { readonly status: number | null; readonly findings: { code: string; level: string; message: string; line: number }[] } {
  const result = run(HADOLINT, ['--format', 'json', '--failure-threshold', 'style', '-'], dockerfile);
  return { status: result.status, findings: JSON.parse(result.stdout || '[]') as { code: string; level: string; message: string; line: number }[] };
}
