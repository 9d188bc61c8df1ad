import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TokenClaims } from '../../libs/auth/src';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { projectRoot } from '../../libs/config/src/project-root';
import { eventually } from '../support/case-driver';
import { exitOf, spawnCompiled, waitForOutput } from '../support/processes';
import { createTestDatabase, testRuntime } from '../support/runtime';
import { type ApiClient, NORTH_OFFICER, type RunningService, startService } from '../support/service';
import { startTimeSkippingTemporal } from '../support/temporal';

const ADMIN: TokenClaims = { sub: 'admin', name: 'Service Admin', roles: ['admin'] };
const LEWIS = 'pc.lewis@police.example';
const SHAW = 'sgt.shaw@police.example';

const REPORT = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'COMMUNITY_DISRUPTION',
  channel: 'PARTNER_REFERRAL',
  summary: 'Groups gathering nightly in the underpass, intimidating residents.',
  riskLevel: 'HIGH',
  team: 'north',
  caseworker: 'amira.khan',
} as const;

interface NotificationRow {
  id: string;
  recipient: string;
  status: string;
  attempts: number;
  lastError?: string;
  noticeKey: string;
}

/**
 * The outbox against a real SMTP server: a refused address, a mail server that goes away, a worker
 * killed mid-send. The police have two people in this directory, so that one can fail alone.
 */
describe('notifications are never lost and never doubled', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let smtpPort: number;
  let databaseUrl: string;
  let directoryPath: string;

  beforeAll(async () => {
    env = await startTimeSkippingTemporal();
    smtp = new CaptureSmtpServer();
    smtpPort = await smtp.listen(0);
    databaseUrl = await createTestDatabase();
    const local = JSON.parse(readFileSync(join(projectRoot(), 'deploy/local/directory.json'), 'utf8')) as { staff: unknown[] };
    directoryPath = join(testRuntime().runDir, 'directory-two-police.json');
    writeFileSync(directoryPath, JSON.stringify({ staff: [...local.staff, { id: 'sgt.shaw', name: 'Sgt Shaw', email: SHAW, role: 'partner', agency: 'police' }] }));
  });

  afterAll(async () => {
    await smtp?.close();
    await env?.teardown();
  });

  const smtpUrl = () => `smtp://127.0.0.1:${smtpPort}`;
  const mailsFor = (reference: string, to: string) => smtp.received.filter((mail) => mail.subject.includes(reference) && mail.to.includes(to));

  async function openWithPoliceAction(caseworker: ApiClient): Promise<string> {
    const opened = await caseworker('POST', '/cases', { body: REPORT });
    expect(opened.status).toBe(201);
    const reference: string = opened.body.reference;
    const dueOn = new Date((await env.currentTimeMs()) + 7 * 86_400_000).toISOString().slice(0, 10);
    const assigned = await caseworker('POST', `/cases/${reference}/partner-actions`, { body: { agency: 'POLICE', description: 'Patrol the underpass after 9pm.', dueOn } });
    expect(assigned.status).toBe(200);
    return reference;
  }

  const notificationsOf = async (admin: ApiClient, reference: string): Promise<NotificationRow[]> => {
    const { status, body } = await admin('GET', `/notifications?reference=${reference}`);
    expect(status).toBe(200);
    return body.notifications;
  };

  describe('with the worker in this process', () => {
    let service: RunningService;
    let caseworker: ApiClient;
    let admin: ApiClient;

    beforeAll(async () => {
      service = await startService({ temporalAddress: env.address, databaseUrl, smtpUrl: smtpUrl(), taskQueue: 'asb-delivery', directoryPath });
      caseworker = await service.client(NORTH_OFFICER);
      admin = await service.client(ADMIN);
    });
    afterAll(() => service?.stop());

    it('a refused address fails alone, shows as failed to admins, and is re-sent once when asked', async () => {
      smtp.refuseRecipients((address) => address === SHAW);
      let reference: string;
      try {
        reference = await openWithPoliceAction(caseworker);
        await smtp.waitFor((mail) => mail.subject.includes(reference) && mail.to.includes(LEWIS));
        const failed = await eventually(async () => (await notificationsOf(admin, reference)).find((row) => row.status === 'FAILED'));
        expect(failed).toMatchObject({ recipient: SHAW, status: 'FAILED', attempts: 1 });
        expect(failed.lastError).toMatch(/550/);
        const { body: list } = await admin('GET', '/notifications?status=FAILED');
        expect(list.notifications.map((row: NotificationRow) => row.id)).toContain(failed.id);
        const timeline = await eventually(async () => {
          const { body } = await caseworker('GET', `/cases/${reference}/timeline`);
          const entries = body.entries as { kind: string; summary: string }[];
          return entries.some((entry) => entry.kind === 'ALERT_FAILED') ? entries : undefined;
        });
        expect(timeline.filter((entry) => entry.kind.startsWith('ALERT_')).map((entry) => entry.summary)).toEqual([
          `partner action notice sent to ${LEWIS}`,
          `partner action notice refused by the mail server for ${SHAW}: an admin can re-send it`,
        ]);
      } finally {
        smtp.refuseRecipients(() => false);
      }

      const failed = (await notificationsOf(admin, reference)).find((row) => row.recipient === SHAW)!;
      expect((await caseworker('POST', `/notifications/${failed.id}/resend`)).status).toBe(403);
      const resent = await admin('POST', `/notifications/${failed.id}/resend`);
      expect(resent.status).toBe(202);
      expect(resent.body).toMatchObject({ status: 'PENDING', resendRequestedBy: 'admin', resendCount: 1 });
      expect((await admin('POST', `/notifications/${failed.id}/resend`)).status).toBe(409);

      await smtp.waitFor((mail) => mail.subject.includes(reference) && mail.to.includes(SHAW));
      await eventually(async () => (await admin('GET', `/notifications/${failed.id}`)).body.status === 'SENT');
      await eventually(async () => {
        const { body } = await caseworker('GET', `/cases/${reference}/timeline`);
        return (body.entries as { kind: string; summary: string; actor: string }[]).some((entry) => entry.kind === 'ALERT_SENT' && entry.summary === `partner action assigned notice re-sent to ${SHAW}` && entry.actor === 'admin');
      });
      expect(mailsFor(reference, LEWIS)).toHaveLength(1);
      expect(mailsFor(reference, SHAW)).toHaveLength(1);
    });

    it('while the mail server is down nothing is lost: each notice goes out once when it returns', async () => {
      await smtp.close();
      const down = new Date();
      let reference: string;
      try {
        reference = await openWithPoliceAction(caseworker);
        // The command did not wait for the mail server; the notices wait in the outbox, retried.
        const waiting = await eventually(async () => {
          const rows = await notificationsOf(admin, reference);
          return rows.length === 2 && rows.every((row) => row.status === 'PENDING' && row.attempts >= 1) ? rows : undefined;
        });
        expect(waiting.every((row) => /ECONNREFUSED|connect/i.test(row.lastError ?? ''))).toBe(true);
      } finally {
        smtp = new CaptureSmtpServer();
        await smtp.listen(smtpPort);
      }
      await smtp.waitFor((mail) => mail.subject.includes(reference), 2, 90_000);
      await eventually(async () => (await notificationsOf(admin, reference)).every((row) => row.status === 'SENT'));
      expect(mailsFor(reference, LEWIS)).toHaveLength(1);
      expect(mailsFor(reference, SHAW)).toHaveLength(1);
      expect(Date.now() - down.getTime()).toBeGreaterThan(1000);
    });
  });

  it('a worker killed mid-send, then restarted, delivers each notice exactly once', async () => {
    const taskQueue = 'asb-delivery-kill';
    const service = await startService({ temporalAddress: env.address, databaseUrl, smtpUrl: smtpUrl(), taskQueue, directoryPath }, { worker: false });
    const workerEnv = { TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl(), DIRECTORY_PATH: directoryPath };
    const first = spawnCompiled('apps/worker/src/main.js', workerEnv);
    let second: ReturnType<typeof spawnCompiled> | undefined;
    try {
      await waitForOutput(first, 'polling task queue');
      const caseworker = await service.client(NORTH_OFFICER);
      const admin = await service.client(ADMIN);

      // The mail server holds its answer: the worker is mid-send when it is killed.
      smtp.holdDeliveries(3000);
      const delivering = smtp.nextDelivery();
      const reference = await openWithPoliceAction(caseworker);
      await delivering;
      first.kill('SIGKILL');
      expect(await exitOf(first)).toEqual({ code: null, signal: 'SIGKILL' });
      smtp.holdDeliveries(0);
      // The message in flight was never answered, so the server did not accept it.
      await eventually(async () => smtp.abandoned >= 1);

      second = spawnCompiled('apps/worker/src/main.js', workerEnv);
      await waitForOutput(second, 'polling task queue');
      // The killed attempt times out (30 s) and is retried on the new worker.
      await smtp.waitFor((mail) => mail.subject.includes(reference), 2, 120_000);
      await eventually(async () => (await notificationsOf(admin, reference)).every((row) => row.status === 'SENT'), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(mailsFor(reference, LEWIS)).toHaveLength(1);
      expect(mailsFor(reference, SHAW)).toHaveLength(1);
      const ids = smtp.received.filter((mail) => mail.subject.includes(reference)).map((mail) => mail.messageId);
      expect(new Set(ids).size).toBe(2);
    } finally {
      smtp.holdDeliveries(0);
      first.kill('SIGKILL');
      second?.kill('SIGTERM');
      if (second) await exitOf(second);
      await service.stop();
    }
  });
});
