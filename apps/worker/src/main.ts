import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { Logger } from '@nestjs/common';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { loadConfig } from '../../../libs/config/src';
import { closeOnSignals } from '../../../libs/lifecycle/src';
import { createLogger, processRegistry, startTracing, temporalLogger } from '../../../libs/observability/src';
import { WORKFLOW_BUNDLE_FILES } from '../../../libs/temporal/src/workflow-bundle-options';
import type { WorkflowSource } from './case-worker';
import { WorkerModule } from './worker.module';
import { workerTuning } from './worker-tuning';

/**
 * `npm run build` bundles the workflows once, twice over: a worker that exports traces runs the bundle
 * with the tracing interceptors. Without a build the worker bundles the sources at start.
 */
function workflowSource(traced: boolean): WorkflowSource {
  const bundle = join(__dirname, '../../..', traced ? WORKFLOW_BUNDLE_FILES.traced : WORKFLOW_BUNDLE_FILES.plain);
  return existsSync(bundle) ? { workflowBundle: { codePath: bundle } } : { workflowsPath: require.resolve('../../../workflows') };
}

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const bindAddress = config.workerHttp.sdkMetricsBindAddress;
  // Before any connection: the runtime is made once per process. Nest owns SIGTERM/SIGINT, so that the
  // worker drains before the ORM closes. Workflow and activity log lines reach pino with their ids.
  Runtime.install({
    shutdownSignals: [],
    logger: temporalLogger(logger.child({ component: 'temporal' })),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(bindAddress ? { metrics: { prometheus: { bindAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } : {}),
    },
  });
  const tracing = startTracing('asb-case-worker');
  const observability = {
    registry: processRegistry('worker'),
    ...(tracing ? { tracing } : {}),
    ...(bindAddress ? { sdkMetricsUrl: `http://${bindAddress}/metrics` } : {}),
  };
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, workflowSource(tracing !== undefined), workerTuning(), observability, logger), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  const nestLogger = new Logger('Worker');
  closeOnSignals(app, (message) => nestLogger.log(message), tracing ? () => tracing.shutdown() : undefined);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
