import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startLocalPostgres } from '../../deploy/local/postgres';
import { projectRoot } from '../../libs/config/src/project-root';
import { TEST_DATA_DIR, TEST_RUNTIME_FILE, type TestRuntime } from './paths';

/**
 * Starts what all test files share: a real PostgreSQL (each file then makes its own database) and the
 * workflow bundle, built once instead of once per worker.
 */
export default async function globalSetup(): Promise<void> {
  rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const postgres = await startLocalPostgres({
    dataDir: join(TEST_DATA_DIR, 'postgres'),
    port: await freePort(),
    database: 'asb_test',
    persistent: false,
  });
  (globalThis as { __asbPostgres?: typeof postgres }).__asbPostgres = postgres;

  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve(join(projectRoot(), 'workflows')),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
  });
  const workflowBundlePath = join(TEST_DATA_DIR, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, code);

  const runtime: TestRuntime = { postgresAdminUrl: postgres.url, workflowBundlePath };
  writeFileSync(TEST_RUNTIME_FILE, JSON.stringify(runtime));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
