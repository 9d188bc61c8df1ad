import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../../../libs/config/src';
import { configureViews } from './rendering/views';
import { serveStaticAssets } from './rendering/static-assets';
import { SignInModule } from './sign-in/sign-in.module';
import { WebModule } from './web.module';
import type { WebConfig } from './web-config';

/** The console, configured but not listening: `main.ts` and the browser tests both start it. */
export async function createWeb(config: AppConfig, web: WebConfig, options: { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(WebModule.forRoot(config, web), options.logger === false ? { logger: false } : { bufferLogs: true });
  if (options.logger !== false) app.useLogger(app.get(PinoNestLogger));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  SignInModule.securityHeaders(app);
  serveStaticAssets(app);
  SignInModule.sessionsAndCsrf(app);
  configureViews(app);
  return app;
}
