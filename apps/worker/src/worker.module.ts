import { type DynamicModule, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/src';
import { StaffDirectory } from '../../../libs/directory/src';
import { Mailer } from '../../../libs/notifications/src';
import { ormConfig } from '../../../libs/persistence/src';
import { OBJECT_STORE, openObjectStore } from '../../../libs/storage/src';
import { CaseWorker, WORKFLOW_SOURCE, type WorkflowSource } from './case-worker';
import { WORKER_TUNING, type WorkerTuning, workerTuning } from './worker-tuning';
import { WORKER_OBSERVABILITY, type WorkerObservability } from './observability/worker-observability';
import { processRegistry } from '../../../libs/observability/src';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';

@Module({})
export class WorkerModule {
  static forRoot(
    config: AppConfig,
    workflowSource: WorkflowSource,
    tuning: WorkerTuning = workerTuning(),
    observability: WorkerObservability = { registry: processRegistry('worker') },
    logger?: PinoLogger,
  ): DynamicModule {
    return {
      module: WorkerModule,
      // `logger`: Nest's own lines through pino too (main.ts); the tests keep Nest quiet instead.
      imports: [MikroOrmModule.forRoot(ormConfig(config.databaseUrl)), ...(logger ? [LoggerModule.forRoot({ pinoHttp: { logger } })] : [])],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: WORKFLOW_SOURCE, useValue: workflowSource },
        { provide: WORKER_TUNING, useValue: tuning },
        { provide: WORKER_OBSERVABILITY, useValue: observability },
        { provide: Mailer, useFactory: () => new Mailer(config.mail.smtpUrl, config.mail.from) },
        { provide: StaffDirectory, useFactory: () => StaffDirectory.fromFile(config.directoryPath) },
        { provide: OBJECT_STORE, useFactory: () => openObjectStore(config.documentStore) },
        CaseWorker,
      ],
    };
  }
}
