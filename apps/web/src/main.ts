import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../../libs/config/src';
import { closeOnSignals } from '../../../libs/lifecycle/src';
import { createWeb } from './create-web';
import { loadWebConfig } from './web-config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const web = loadWebConfig(config);
  const app = await createWeb(config, web);
  const logger = new Logger('Console');
  closeOnSignals(app, (message) => logger.log(message));
  await app.listen(web.port);
  logger.log(`listening on ${web.baseUrl}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
