import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startLocalPostgres } from '../../deploy/local/postgres';
import { projectRoot } from '../../libs/config/src/project-root';
import { workflowBundleOptions } from '../../libs/temporal/src/workflow-bundle-options';
import { freePort } from './free-port';
import { TEST_DATA_ROOT, TEST_RUNTIME_ENV, type TestRuntime } from './paths';

/**
 * Starts what all test files share: a real PostgreSQL (each file then makes its own database) and the
 * workflow bundle, built once instead of once per worker.
 */
export default async function globalSetup(): Promise<void> {
  mkdirSync(TEST_DATA_ROOT, { recursive: true });
  const runDir = mkdtempSync(join(TEST_DATA_ROOT, 'run-'));
  const postgres = await startLocalPostgres({
    dataDir: join(runDir, 'postgres'),
    port: await freePort(),
    database: 'asb_test',
    persistent: false,
  });
  (globalThis as { __asbPostgres?: typeof postgres }).__asbPostgres = postgres;

  const { code } = await bundleWorkflowCode({
    ...workflowBundleOptions(projectRoot()),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
  });
  const workflowBundlePath = join(runDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, code);

  const runtime: TestRuntime = { runDir, postgresAdminUrl: postgres.url, workflowBundlePath };
  const runtimeFile = join(runDir, 'runtime.json');
  writeFileSync(runtimeFile, JSON.stringify(runtime));
  // Test workers are started after global setup and inherit its environment.
  process.env[TEST_RUNTIME_ENV] = runtimeFile;
}
