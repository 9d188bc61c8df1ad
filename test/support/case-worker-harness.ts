import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createCaseActivities } from '../../activities';
import { loadConfig } from '../../libs/config/src';
import { StaffDirectory } from '../../libs/directory/src';
import { Mailer } from '../../libs/notifications/src';
import { ormConfig } from '../../libs/persistence/src';
import { LocalFolderStore, type ObjectStore } from '../../libs/storage/src';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { CaseDriver } from './case-driver';
import { createTestDatabase, testRuntime } from './runtime';
import { startTimeSkippingTemporal } from './temporal';

export const TEST_TASK_QUEUE = 'asb-cases-test';

const WORKER_STOP_WAIT_MS = 20_000;

export interface RunningCaseWorker {
  readonly orm: MikroORM;
  stop(): Promise<void>;
}

/** A worker with the real activities (PostgreSQL, SMTP), on the test's Temporal server. */
export async function startCaseWorker(
  env: TestWorkflowEnvironment,
  parts: { databaseUrl: string; smtpUrl: string; taskQueue?: string; withoutWorkflowCache?: boolean; store?: ObjectStore },
): Promise<RunningCaseWorker> {
  const config = loadConfig({});
  const orm = await MikroORM.init(ormConfig(parts.databaseUrl));
  const mailer = new Mailer(parts.smtpUrl, 'ASB Case Service <asb-cases@test.example>');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: parts.taskQueue ?? TEST_TASK_QUEUE,
    ...(parts.withoutWorkflowCache ? { maxCachedWorkflows: 0 } : {}),
    workflowBundle: { codePath: testRuntime().workflowBundlePath },
    activities: createCaseActivities({
      orm,
      mailer,
      directory: StaffDirectory.fromFile(config.directoryPath),
      store: parts.store ?? new LocalFolderStore(join(testRuntime().runDir, `documents-${randomUUID()}`)),
      links: { consoleBaseUrl: 'http://localhost:3001', apiBaseUrl: 'http://localhost:3000' },
      temporal: env.client,
    }),
  });
  const running = worker.run();
  return {
    orm,
    async stop() {
      worker.shutdown();
      await running;
      await orm.close(true);
      mailer.close();
    },
  };
}

/** What a workflow test file runs against: time-skipping Temporal, a capture SMTP server, and the case worker over PostgreSQL. */
export interface WorkflowWorld {
  readonly env: TestWorkflowEnvironment;
  readonly smtp: CaptureSmtpServer;
  readonly worker: RunningCaseWorker;
  readonly cases: CaseDriver;
  stop(): Promise<void>;
}

/**
 * `withoutWorkflowCache`: the Java time-skipping server loses tasks it routes to a worker's sticky queue
 * after a continue-as-new (about one run in three, a query or the next timer never reaches the worker and
 * the test waits until jest gives up). A worker that caches nothing is never given a sticky queue; the
 * real server, which the local stack and the dev-server tests run, does not need this.
 */
export async function startWorkflowWorld(options: { withoutWorkflowCache?: boolean; databaseUrl?: string } = {}): Promise<WorkflowWorld> {
  const env = await startTimeSkippingTemporal();
  const smtp = new CaptureSmtpServer();
  const smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
  const worker = await startCaseWorker(env, { databaseUrl: options.databaseUrl ?? (await createTestDatabase()), smtpUrl, withoutWorkflowCache: options.withoutWorkflowCache });
  return {
    env,
    smtp,
    worker,
    cases: new CaseDriver(env, TEST_TASK_QUEUE, worker.orm),
    async stop() {
      // A worker the test server stopped answering is not waited for: the server is torn down under it.
      await Promise.race([worker.stop(), new Promise((resolve) => setTimeout(resolve, WORKER_STOP_WAIT_MS).unref())]);
      await smtp.close();
      await env.teardown();
    },
  };
}
