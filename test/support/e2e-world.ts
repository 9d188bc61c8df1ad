import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { createTestDatabase } from './runtime';
import { type RunningService, type ServiceOptions, startService } from './service';
import { startTimeSkippingTemporal } from './temporal';
import { startS3Server, type TestS3Server } from './s3-server';

/** Everything an end-to-end test file runs against: real Temporal (time-skipping), SMTP, PostgreSQL, an S3-protocol object store, and the service. */
export interface E2eWorld {
  readonly env: TestWorkflowEnvironment;
  readonly smtp: CaptureSmtpServer;
  readonly smtpUrl: string;
  readonly databaseUrl: string;
  readonly s3: TestS3Server;
  readonly service: RunningService;
  stop(): Promise<void>;
}

/** `consoleBaseUrl`: where the console listens, when a test follows an email's link into it; `service`: how the API and worker are started. */
export async function startE2eWorld(taskQueue: string, options: { consoleBaseUrl?: string; service?: ServiceOptions } = {}): Promise<E2eWorld> {
  const env = await startTimeSkippingTemporal();
  const smtp = new CaptureSmtpServer();
  const smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
  const databaseUrl = await createTestDatabase();
  const s3 = await startS3Server();
  const { service: serviceOptions, ...parts } = options;
  const service = await startService({ temporalAddress: env.address, databaseUrl, smtpUrl, taskQueue, documentStoreEnv: s3.env, ...parts }, serviceOptions);
  return {
    env,
    smtp,
    smtpUrl,
    databaseUrl,
    s3,
    service,
    async stop() {
      await service.stop();
      await s3.close();
      await smtp.close();
      await env.teardown();
    },
  };
}
