import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createCaseActivities } from '../../../activities';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/src';
import { StaffDirectory } from '../../../libs/directory/src';
import { ensureCaseSearchAttributes, ensureSchedules, forumMeetingSchedule, managerDigestSchedule, type ScheduledWorkflow, temporalConnectionOptions } from '../../../libs/temporal/src';
import { MEETING_FORUMS, PARTNERSHIP_TIME_ZONE } from '../../../libs/domain/src';
import { Mailer } from '../../../libs/notifications/src';
import { OBJECT_STORE, type ObjectStore } from '../../../libs/storage/src';
import { WORKER_TUNING, type WorkerTuning } from './worker-tuning';
import { WORKER_OBSERVABILITY, type WorkerObservability } from './observability/worker-observability';
import { startWorkerHttpServer } from './observability/worker-http-server';
import { workerTracingOptions } from './observability/workflow-tracing';

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
  private http?: { port: number; close(): Promise<void> };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WORKFLOW_SOURCE) private readonly workflowSource: WorkflowSource,
    @Inject(WORKER_TUNING) private readonly tuning: WorkerTuning,
    private readonly orm: MikroORM,
    private readonly mailer: Mailer,
    private readonly directory: StaffDirectory,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(WORKER_OBSERVABILITY) private readonly observability: WorkerObservability,
  ) {}

  /** The port /health and /metrics answer on (the configured one, or the one chosen for port 0). */
  get httpPort(): number | undefined {
    return this.http?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    // Up first, so that the orchestrator's probes get 503 while the worker starts rather than no answer.
    const probe = { isPolling: () => this.worker?.getState() === 'RUNNING', state: () => this.worker?.getState() ?? 'STARTING' };
    this.http = await startWorkerHttpServer(this.config.workerHttp.port, probe, this.observability.registry, this.observability.sdkMetricsUrl);
    const connectionOptions = temporalConnectionOptions(this.config.temporal);
    const registered = await ensureCaseSearchAttributes(connectionOptions, namespace);
    if (registered.length > 0) this.logger.log(`registered search attributes ${registered.join(', ')}`);
    this.connection = await NativeConnection.connect(connectionOptions);
    this.worker = await Worker.create({
      ...workerTracingOptions(this.observability.tracing, this.workflowSource),
      connection: this.connection,
      namespace,
      taskQueue,
      ...this.workflowSource,
      ...this.tuning,
      activities: createCaseActivities({
        orm: this.orm,
        mailer: this.mailer,
        directory: this.directory,
        store: this.store,
        links: { consoleBaseUrl: this.config.http.consoleBaseUrl, apiBaseUrl: this.config.http.publicBaseUrl },
        // A fan-out of a policy version moves each case by the update the API would send it.
        temporal: new Client({ connection: this.connection, namespace }),
      }),
      shutdownGraceTime: `${this.config.shutdownGraceSeconds} seconds`,
    });
    await this.scheduleRecurringWork();
    this.running = this.worker.run();
    this.running.catch((error: unknown) => this.logger.error(`worker stopped: ${String(error)}`));
    this.logger.log(`polling task queue ${taskQueue} on ${address} (${namespace}); /health and /metrics on port ${this.http.port}`);
  }

  /** The partnership's recurring work: the managers' digest and the MAG and JAG cycles, as Temporal Schedules. */
  private async scheduleRecurringWork(): Promise<void> {
    const { mail, forumSchedules, temporal } = this.config;
    const schedules: ScheduledWorkflow[] = [
      ...(mail.digestSchedule ? [managerDigestSchedule(mail.digestSchedule, PARTNERSHIP_TIME_ZONE)] : []),
      ...MEETING_FORUMS.flatMap((forum) => (forumSchedules[forum] ? [forumMeetingSchedule(forum, forumSchedules[forum]!, PARTNERSHIP_TIME_ZONE)] : [])),
    ];
    const outcomes = await ensureSchedules({ ...temporalConnectionOptions(temporal), namespace: temporal.namespace, taskQueue: temporal.taskQueue }, schedules);
    for (const [id, outcome] of Object.entries(outcomes)) {
      if (outcome === 'unsupported') this.logger.warn(`this Temporal server has no schedules (the time-skipping test server): ${id} is not scheduled`);
      else this.logger.log(`schedule ${id} ${outcome} (${PARTNERSHIP_TIME_ZONE})`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    this.mailer.close();
    await this.http?.close();
  }
}
