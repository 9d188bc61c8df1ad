import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { createTestDatabase } from './runtime';
import { type RunningService, startService } from './service';
import { startTimeSkippingTemporal } from './temporal';

/** Everything an end-to-end test file runs against: real Temporal (time-skipping), SMTP, PostgreSQL, and the service. */
export interface E2eWorld {
  readonly env: TestWorkflowEnvironment;
  readonly smtp: CaptureSmtpServer;
  readonly smtpUrl: string;
  readonly databaseUrl: string;
  readonly service: RunningService;
  stop(): Promise<void>;
}

/** `consoleBaseUrl`: where the console listens, when a test follows an email's link into it. */
export async function startE2eWorld(taskQueue: string, options: { consoleBaseUrl?: string } = {}): Promise<E2eWorld> {
  const env = await startTimeSkippingTemporal();
  const smtp = new CaptureSmtpServer();
  const smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
  const databaseUrl = await createTestDatabase();
  const service = await startService({ temporalAddress: env.address, databaseUrl, smtpUrl, taskQueue, ...options });
  return {
    env,
    smtp,
    smtpUrl,
    databaseUrl,
    service,
    async stop() {
      await service.stop();
      await smtp.close();
      await env.teardown();
    },
  };
}
