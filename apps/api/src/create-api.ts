import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../../../libs/config/src';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { createLogger } from '../../../libs/observability/src';
import { ApiModule } from './api.module';
import { ApiMetrics } from './observability/api-metrics';
import { observeHttp } from './observability/http-observation';
import { methodNotAllowed } from './http/method-not-allowed';
import { buildOpenApiDocument, serveOpenApi } from './openapi';

const KEEP_ALIVE_MS = 65_000;

/**
 * The HTTP application, configured but not listening: `main.ts` and the end-to-end tests both start it.
 * `logger: false` keeps Nest's own start-up lines quiet (the tests); `logDestination` takes the JSON
 * lines instead of stdout (a test reading them).
 */
export async function createApi(config: AppConfig, options: { logger?: false; logDestination?: DestinationStream } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config, createLogger(config.logLevel, options.logDestination)), {
    ...(options.logger === false ? { logger: false } : { bufferLogs: true }),
  });
  if (options.logger !== false) app.useLogger(app.get(PinoNestLogger));
  // The case version is the ETag; Express's body-hash ETag would contradict it.
  app.getHttpAdapter().getInstance().disable('x-powered-by').disable('etag');
  const document = buildOpenApiDocument(app);
  // First, so that every request is timed and is the active span while it is handled.
  app.use(observeHttp(app.get(ApiMetrics)));
  // Before the routes, which Nest adds at init: a declared path with an undeclared method is 405, not 404.
  app.use(methodNotAllowed(document));
  serveOpenApi(app, document);
  // A kept-alive connection is closed by the client, never under it: a server that closed at Node's 5 s
  // could close a connection just as a client (undici closes at 4 s, a load balancer at 60 s) sent a
  // request on it, which the client sees as ECONNRESET. Longer than the usual load balancer's 60 s.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return app;
}
