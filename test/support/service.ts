import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createApi } from '../../apps/api/src/create-api';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { join } from 'node:path';
import { mintDevToken, type TokenClaims } from '../../libs/auth/src';
import { type AppConfig, loadConfig } from '../../libs/config/src';
import { http, type HttpResult } from './http';
import { testRuntime } from './runtime';

/** A caseworker who is also the team's manager: may open, read and run every team command. */
export const NORTH_OFFICER: TokenClaims = { sub: 'amira.khan', name: 'Amira Khan', roles: ['caseworker', 'manager'], team: 'north' };
export const SOUTH_OFFICER: TokenClaims = { sub: 'tom.price', name: 'Tom Price', roles: ['caseworker', 'manager'], team: 'south' };

export type ApiClient = <T = any>(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; binary?: boolean }) => Promise<HttpResult<T>>;

export interface ServiceParts {
  readonly temporalAddress: string;
  readonly databaseUrl: string;
  readonly smtpUrl: string;
  readonly taskQueue: string;
  /** A staff directory of the test's own; the local one (deploy/local/directory.json) otherwise. */
  readonly directoryPath?: string;
  /** Where the console listens (WEB_BASE_URL), which emails link to. */
  readonly consoleBaseUrl?: string;
  /** The object store (DOCUMENT_STORE_URL and S3_*); a folder of the test run's own otherwise. */
  readonly documentStoreEnv?: Readonly<Record<string, string>>;
}

export interface RunningService {
  readonly baseUrl: string;
  readonly config: AppConfig;
  readonly api: INestApplication;
  readonly worker?: INestApplicationContext;
  /** A bearer token from this service's local development issuer. */
  tokenFor(claims: TokenClaims): Promise<string>;
  /** Calls the API as the person the claims describe. */
  client(claims: TokenClaims): Promise<ApiClient>;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** false: the API alone (a test starts its worker elsewhere, e.g. as a compiled process). */
  readonly worker?: boolean;
  readonly commandTimeoutMs?: number;
  /** LOG_LEVEL (`error` unless set: the suite's refusals are on purpose, and a 5xx still shows) and where the API's JSON log lines go (stdout unless set). */
  readonly logLevel?: string;
  readonly logDestination?: DestinationStream;
}

/** The API and the worker as `npm run up` wires them (the same Nest modules), in this process. */
export async function startService(
  parts: ServiceParts,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    TEMPORAL_ADDRESS: parts.temporalAddress,
    TEMPORAL_TASK_QUEUE: parts.taskQueue,
    DATABASE_URL: parts.databaseUrl,
    SMTP_URL: parts.smtpUrl,
    LOG_LEVEL: options.logLevel ?? 'error',
    WORKER_HTTP_PORT: '0',
    DEV_ISSUER_KEY_PATH: join(testRuntime().runDir, `dev-issuer-${randomUUID()}.json`),
    ...(parts.documentStoreEnv ?? { DOCUMENT_STORE_URL: join(testRuntime().runDir, `documents-${randomUUID()}`) }),
    ...(parts.directoryPath ? { DIRECTORY_PATH: parts.directoryPath } : {}),
    ...(parts.consoleBaseUrl ? { WEB_BASE_URL: parts.consoleBaseUrl } : {}),
    ...(options.commandTimeoutMs ? { TEMPORAL_COMMAND_TIMEOUT_MS: String(options.commandTimeoutMs) } : {}),
  });
  const worker =
    options.worker === false
      ? undefined
      : await NestFactory.createApplicationContext(
          WorkerModule.forRoot(config, { workflowBundle: { codePath: testRuntime().workflowBundlePath } }),
          { logger: false },
        );
  const api = await createApi(config, { logger: false, ...(options.logDestination ? { logDestination: options.logDestination } : {}) });
  await api.listen(0, '127.0.0.1');
  const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const tokenFor = (claims: TokenClaims) => mintDevToken(config.auth.devKeyPath, claims, { audience: config.auth.audience });
  return {
    baseUrl,
    config,
    api,
    ...(worker ? { worker } : {}),
    tokenFor,
    async client(claims) {
      const authorization = `Bearer ${await tokenFor(claims)}`;
      return (method, path, options = {}) => http(baseUrl, method, path, { ...options, headers: { authorization, ...options.headers } });
    },
    async stop() {
      await api.close();
      await worker?.close();
    },
  };
}
