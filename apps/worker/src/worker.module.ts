import { type DynamicModule, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/src';
import { StaffDirectory } from '../../../libs/directory/src';
import { Mailer } from '../../../libs/notifications/src';
import { ormConfig } from '../../../libs/persistence/src';
import { OBJECT_STORE, openObjectStore } from '../../../libs/storage/src';
import { CaseWorker, WORKFLOW_SOURCE, type WorkflowSource } from './case-worker';
import { WORKER_TUNING, type WorkerTuning, workerTuning } from './worker-tuning';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, workflowSource: WorkflowSource, tuning: WorkerTuning = workerTuning()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [MikroOrmModule.forRoot(ormConfig(config.databaseUrl))],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: WORKFLOW_SOURCE, useValue: workflowSource },
        { provide: WORKER_TUNING, useValue: tuning },
        { provide: Mailer, useFactory: () => new Mailer(config.mail.smtpUrl, config.mail.from) },
        { provide: StaffDirectory, useFactory: () => StaffDirectory.fromFile(config.directoryPath) },
        { provide: OBJECT_STORE, useFactory: () => openObjectStore(config.documentStore) },
        CaseWorker,
      ],
    };
  }
}
