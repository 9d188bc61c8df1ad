import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createCaseActivities } from '../../../activities';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/src';
import { StaffDirectory } from '../../../libs/directory/src';
import { ensureCaseSearchAttributes, ensureManagerDigestSchedule } from '../../../libs/temporal/src';
import { PARTNERSHIP_TIME_ZONE } from '../../../libs/domain/src';
import { Mailer } from '../../../libs/notifications/src';

/** Where the worker gets its workflow code: a prebuilt bundle in production and tests, the sources otherwise. */
export type WorkflowSource = Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;
export const WORKFLOW_SOURCE = Symbol('WorkflowSource');

/**
 * The Temporal worker, owned by Nest: it starts once the ORM and mailer exist and, on shutdown, stops
 * polling and lets in-flight activities finish before Nest closes the ORM underneath them.
 */
@Injectable()
export class CaseWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CaseWorker.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WORKFLOW_SOURCE) private readonly workflowSource: WorkflowSource,
    private readonly orm: MikroORM,
    private readonly mailer: Mailer,
    private readonly directory: StaffDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    const registered = await ensureCaseSearchAttributes(address, namespace);
    if (registered.length > 0) this.logger.log(`registered search attributes ${registered.join(', ')}`);
    this.connection = await NativeConnection.connect({ address });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      ...this.workflowSource,
      activities: createCaseActivities({
        orm: this.orm,
        mailer: this.mailer,
        directory: this.directory,
        publicBaseUrl: this.config.http.publicBaseUrl,
      }),
      shutdownGraceTime: `${this.config.shutdownGraceSeconds} seconds`,
    });
    await this.scheduleDigest();
    this.running = this.worker.run();
    this.running.catch((error: unknown) => this.logger.error(`worker stopped: ${String(error)}`));
    this.logger.log(`polling task queue ${taskQueue} on ${address} (${namespace})`);
  }

  private async scheduleDigest(): Promise<void> {
    const cron = this.config.mail.digestSchedule;
    if (!cron) return this.logger.log('managers\' daily digest is switched off (DIGEST_SCHEDULE=off)');
    const { address, namespace, taskQueue } = this.config.temporal;
    const outcome = await ensureManagerDigestSchedule({ address, namespace, taskQueue, cron, timezone: PARTNERSHIP_TIME_ZONE });
    if (outcome === 'unsupported') this.logger.warn('this Temporal server has no schedules (the time-skipping test server): the daily digest is not scheduled');
    else this.logger.log(`managers' daily digest ${outcome}: "${cron}" ${PARTNERSHIP_TIME_ZONE}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    this.mailer.close();
  }
}
