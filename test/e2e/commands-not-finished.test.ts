import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { ensureCaseSearchAttributes } from '../../libs/temporal/src';
import { type RunningCaseWorker, startCaseWorker } from '../support/case-worker-harness';
import { startDevServerTemporal } from '../support/dev-server';
import { createTestDatabase } from '../support/runtime';
import { type RunningService, SOUTH_OFFICER, startService } from '../support/service';
import { HARASSMENT_REFERRAL } from '../support/case-requests';

const TASK_QUEUE = 'asb-cases-unfinished';

/**
 * A command that does not finish in time says why, each cause its own problem type: here no worker
 * polls the task queue, then a worker does but cannot reach PostgreSQL (the command is taken and not
 * finished). On the dev server, which can describe a task queue's pollers (the time-skipping server
 * cannot); Temporal unreachable is in operations.test.ts.
 */
describe('a command not finished in time, on the dev server', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let service: RunningService;
  let worker: RunningCaseWorker | undefined;

  beforeAll(async () => {
    env = await startDevServerTemporal();
    await ensureCaseSearchAttributes(env.address, 'default');
    smtp = new CaptureSmtpServer();
    const smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
    service = await startService({ temporalAddress: env.address, databaseUrl: await createTestDatabase(), smtpUrl, taskQueue: TASK_QUEUE }, { worker: false, commandTimeoutMs: 2000 });
  });

  afterAll(async () => {
    await service?.stop();
    await worker?.stop();
    await smtp?.close();
    await env?.teardown();
  });

  it('answers 503 no-worker when no worker has polled the task queue', async () => {
    const api = await service.client(SOUTH_OFFICER);
    const { status, headers, body } = await api('POST', '/cases', { body: HARASSMENT_REFERRAL, headers: { 'Idempotency-Key': 'no-worker' } });
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('30');
    expect(body).toMatchObject({ type: 'https://asb-case-service.example/problems/no-worker', title: 'No worker is processing cases', status: 503 });
    expect(body.detail).toContain(`no worker has polled the task queue ${TASK_QUEUE}`);
  });

  it('answers 503 not-finished-in-time when a worker took the command but could not finish it', async () => {
    // A worker that polls but cannot reach PostgreSQL: it takes the command, and its save is retried.
    worker = await startCaseWorker(env, { databaseUrl: 'postgres://asb:asb@127.0.0.1:1/asb', smtpUrl: 'smtp://127.0.0.1:1', taskQueue: TASK_QUEUE });
    const api = await service.client(SOUTH_OFFICER);
    const { status, headers, body } = await api('POST', '/cases', { body: HARASSMENT_REFERRAL, headers: { 'Idempotency-Key': 'not-finished' } });
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('5');
    expect(body).toMatchObject({ type: 'https://asb-case-service.example/problems/not-finished-in-time', title: 'The command was not finished in time', status: 503 });
    expect(body.detail).toContain('did not finish within 2 seconds');
  });
});
