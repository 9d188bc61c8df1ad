import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../../libs/config/src';
import { closeOnSignals } from '../../../libs/lifecycle/src';
import type { WorkflowSource } from './case-worker';
import { WorkerModule } from './worker.module';

/** `npm run build` bundles the workflows once; without that bundle the worker bundles the sources at start. */
function workflowSource(): WorkflowSource {
  const bundle = join(__dirname, '../../../workflow-bundle.js');
  return existsSync(bundle) ? { workflowBundle: { codePath: bundle } } : { workflowsPath: require.resolve('../../../workflows') };
}

async function bootstrap(): Promise<void> {
  // Nest owns SIGTERM/SIGINT, so that the worker drains before the ORM closes.
  Runtime.install({ shutdownSignals: [] });
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, workflowSource()));
  const logger = new Logger('Worker');
  closeOnSignals(app, (message) => logger.log(message));
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
