import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createApi } from '../../apps/api/src/create-api';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { type AppConfig, loadConfig } from '../../libs/config/src';
import { testRuntime } from './runtime';

export interface ServiceParts {
  readonly temporalAddress: string;
  readonly databaseUrl: string;
  readonly smtpUrl: string;
  readonly taskQueue: string;
}

export interface RunningService {
  readonly baseUrl: string;
  readonly config: AppConfig;
  readonly api: INestApplication;
  readonly worker?: INestApplicationContext;
  stop(): Promise<void>;
}

/** The API and the worker as `npm run up` wires them (the same Nest modules), in this process. */
export async function startService(
  parts: ServiceParts,
  options: { worker?: boolean; commandTimeoutMs?: number } = {},
): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    TEMPORAL_ADDRESS: parts.temporalAddress,
    TEMPORAL_TASK_QUEUE: parts.taskQueue,
    DATABASE_URL: parts.databaseUrl,
    SMTP_URL: parts.smtpUrl,
    LOG_LEVEL: 'warn',
    ...(options.commandTimeoutMs ? { TEMPORAL_COMMAND_TIMEOUT_MS: String(options.commandTimeoutMs) } : {}),
  });
  const worker =
    options.worker === false
      ? undefined
      : await NestFactory.createApplicationContext(
          WorkerModule.forRoot(config, { workflowBundle: { codePath: testRuntime().workflowBundlePath } }),
          { logger: false },
        );
  const api = await createApi(config, { logger: false });
  await api.listen(0, '127.0.0.1');
  const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    baseUrl,
    config,
    api,
    ...(worker ? { worker } : {}),
    async stop() {
      await api.close();
      await worker?.close();
    },
  };
}
