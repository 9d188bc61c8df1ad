import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client } from 'pg';
import { join } from 'node:path';
import { mintDevToken } from '../../libs/auth/src';
import { POLICY_VERSIONS } from '../../libs/domain/src';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { CASE_WORKFLOW_TYPE, openCase } from '../../workflows/case-messages';
import { startCaseWorker } from '../support/case-worker-harness';
import { http } from '../support/http';
import { exitOf, spawnCompiled, waitForOutput } from '../support/processes';
import { createTestDatabase, testRuntime } from '../support/runtime';
import { startTimeSkippingTemporal } from '../support/temporal';

const CASE = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'COMMUNITY_DISRUPTION',
  channel: 'PARTNER_REFERRAL',
  summary: 'Groups gathering nightly in the underpass, intimidating residents.',
  riskLevel: 'HIGH',
  team: 'north',
} as const;

describe('SIGTERM lets work in flight finish, then the process exits 0', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let smtpUrl: string;
  let databaseUrl: string;

  beforeAll(async () => {
    env = await startTimeSkippingTemporal();
    smtp = new CaptureSmtpServer();
    smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
    databaseUrl = await createTestDatabase();
  });

  afterAll(async () => {
    await smtp?.close();
    await env?.teardown();
  });

  it('the worker, stopped while it is sending an overdue-review alert, finishes sending it', async () => {
    const taskQueue = 'asb-shutdown-worker';
    const worker = spawnCompiled('apps/worker/src/main.js', { TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl });
    try {
      await waitForOutput(worker, 'polling task queue');
      const reference = 'ASB-2026-800001';
      await env.client.workflow.executeUpdateWithStart(openCase, {
        args: [{ ...CASE, location: { priorityNeighbourhood: false }, openedBy: 'amira.khan' }],
        updateId: randomUUID(),
        startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
          workflowId: reference,
          taskQueue,
          args: [{ reference, policy: POLICY_VERSIONS[0]! }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });

      smtp.holdDeliveries(3000);
      const delivering = smtp.nextDelivery();
      await env.sleep('8 days');
      await delivering;
      worker.kill('SIGTERM');

      expect(await exitOf(worker)).toEqual({ code: 0, signal: null });
      expect(smtp.received.filter((mail) => mail.subject.startsWith(`Overdue review: ${reference}`))).toHaveLength(1);
      // The manager's coming-due reminder (the case is unallocated) and the overdue alert: both sent.
      expect(await outboxStatus(databaseUrl, reference)).toEqual(['SENT', 'SENT']);
    } finally {
      smtp.holdDeliveries(0);
      worker.kill('SIGKILL');
    }
  });

  it('the API, stopped while a command waits on the workflow, answers it before exiting', async () => {
    const taskQueue = 'asb-shutdown-api';
    const port = await freePort();
    const keyPath = join(testRuntime().runDir, 'shutdown-dev-issuer.json');
    const api = spawnCompiled('apps/api/src/main.js', { PORT: String(port), TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, DEV_ISSUER_KEY_PATH: keyPath });
    const token = await mintDevToken(keyPath, { sub: 'amira.khan', roles: ['caseworker'], team: 'north' });
    try {
      await waitForOutput(api, 'listening on');
      // No worker polls this queue yet, so the command stays in flight until one does.
      const pending = http(`http://127.0.0.1:${port}`, 'POST', '/cases', { body: CASE, headers: { authorization: `Bearer ${token}` } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      api.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const worker = await startCaseWorker(env, { databaseUrl, smtpUrl, taskQueue });
      try {
        const response = await pending;
        expect(response.status).toBe(201);
        expect(response.body.reference).toMatch(/^ASB-\d{4}-\d{6}$/);
        expect(await exitOf(api)).toEqual({ code: 0, signal: null });
      } finally {
        await worker.stop();
      }
    } finally {
      api.kill('SIGKILL');
    }
  });
});

async function outboxStatus(databaseUrl: string, reference: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string }>('select status from notification where reference = $1', [reference]);
    return rows.map((row) => row.status);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
