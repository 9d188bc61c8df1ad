import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CampaignTarget, Fault } from '../../apps/faults/src/target';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { startDevServerTemporal } from './dev-server';
import { freePort } from './free-port';
import { spawnCompiled, waitForOutput } from './processes';
import { createTestDatabase, testRuntime } from './runtime';

type Compiled = ReturnType<typeof spawnCompiled>;

/**
 * One compiled API and one compiled worker, each restarted when it dies as a supervisor would, on the
 * Temporal dev server (real time), a test database and a capture SMTP server on a fixed port. Its faults
 * are the ones a single machine can take without losing its state: kill -9 the worker, kill -9 the API,
 * and the SMTP server down for a while. (PostgreSQL and Temporal are shared or in memory here: their
 * faults need the cluster.)
 */
export async function startSingleInstanceTarget(options: { smtpDownMs: number }): Promise<CampaignTarget & { stop(): Promise<void> }> {
  const env: TestWorkflowEnvironment = await startDevServerTemporal();
  const databaseUrl = await createTestDatabase();
  const dir = join(testRuntime().runDir, `faults-${Date.now()}`);
  const mailboxDir = join(dir, 'mailbox');
  const smtpPort = await freePort();
  let smtp = new CaptureSmtpServer({ storeDir: mailboxDir });
  await smtp.listen(smtpPort);
  const apiPort = await freePort();
  const devKeyPath = join(dir, 'dev-issuer.json');
  const common = {
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: env.namespace ?? 'default',
    TEMPORAL_TASK_QUEUE: 'asb-faults',
    DATABASE_URL: databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    DEV_ISSUER_KEY_PATH: devKeyPath,
    DOCUMENT_STORE_URL: join(dir, 'documents'),
    LOG_LEVEL: 'info',
  };
  const api = supervised('apps/api/src/main.js', { ...common, PORT: String(apiPort) }, 'listening on');
  const worker = supervised('apps/worker/src/main.js', common, 'polling task queue');
  try {
    await Promise.all([api.ready(), worker.ready()]);
  } catch (error) {
    await Promise.all([api.stop(), worker.stop(), smtp.close(), env.teardown()]);
    throw error;
  }
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const faults: Fault[] = [
    { name: 'worker kill -9', inject: async () => void worker.kill9() },
    { name: 'api kill -9', inject: async () => void api.kill9() },
    {
      name: 'smtp down',
      dependency: 'SMTP',
      downForMs: options.smtpDownMs,
      inject: () => smtp.close(),
      heal: async () => {
        smtp = new CaptureSmtpServer({ storeDir: mailboxDir });
        await smtp.listen(smtpPort);
      },
    },
  ];
  return {
    apiUrl,
    databaseUrl,
    temporalAddress: env.address,
    temporalNamespace: env.namespace ?? 'default',
    mailboxDir,
    devKeyPath,
    audience: 'asb-case-service',
    faults,
    async waitHealthy(timeoutMs) {
      await Promise.all([api.ready(timeoutMs), worker.ready(timeoutMs)]);
      const giveUpAt = Date.now() + timeoutMs;
      while ((await fetch(`${apiUrl}/health`).then((response) => response.status, () => 0)) !== 200) {
        if (Date.now() > giveUpAt) throw new Error(`${apiUrl}/health did not answer 200 within ${timeoutMs} ms`);
        await sleep(500);
      }
    },
    async stop() {
      await Promise.all([api.stop(), worker.stop()]);
      await smtp.close();
      await env.teardown();
    },
  };
}

/** A compiled process restarted whenever it exits, until stopped. */
function supervised(script: 'apps/api/src/main.js' | 'apps/worker/src/main.js', env: Record<string, string>, readyText: string) {
  let stopping = false;
  let child: Compiled;
  const spawnOne = () => {
    child = spawnCompiled(script, env);
    child.once('exit', () => {
      if (!stopping) setTimeout(spawnOne, 1000);
    });
  };
  spawnOne();
  return {
    ready: (timeoutMs = 120_000) => waitForRestart(() => child, readyText, timeoutMs),
    kill9: () => child.kill('SIGKILL'),
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    },
  };
}

/** Waits for the current child (a restarted one, once the dead one is replaced) to print `text`. */
async function waitForRestart(current: () => Compiled, text: string, timeoutMs: number): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const child = current();
    if (child.exitCode === null && child.signalCode === null) return waitForOutput(child, text, Math.max(1000, giveUpAt - Date.now()));
    if (Date.now() > giveUpAt) throw new Error(`no live process printed "${text}" within ${timeoutMs} ms`);
    await sleep(250);
  }
}
