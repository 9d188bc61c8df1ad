import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../../libs/config/src';
import { closeOnSignals } from '../../../libs/lifecycle/src';
import { startTracing } from '../../../libs/observability/src';
import { createApi } from './create-api';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // Before the application, so that its Temporal client's spans have a provider to go to.
  const tracing = startTracing('asb-case-api');
  const app = await createApi(config);
  const logger = new Logger('API');
  closeOnSignals(app, (message) => logger.log(message), tracing ? () => tracing.shutdown() : undefined);
  await app.listen(config.http.port);
  logger.log(`listening on ${config.http.publicBaseUrl} (docs at /docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
