import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, isGrpcDeadlineError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import { temporalConnectionOptions } from '../../../../libs/temporal/src';

/** How long each question asked to explain an unfinished command may take. */
const DIAGNOSIS_TIMEOUT_MS = 1500;
/**
 * A worker's long poll lasts up to a minute, and each one records when it started: a worker that has
 * not polled for longer than this is gone or saturated (Temporal drops it from the list after 5 minutes).
 */
export const POLLED_RECENTLY_SECONDS = 75;

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Why a command's Temporal calls did not finish: each is a different answer to the caller. */
export type UnfinishedBecause = 'temporal-unreachable' | 'no-worker' | 'not-finished-in-time';

/** A command that did not finish in time, with what was found when asked why. */
export class CommandNotFinished extends Error {
  constructor(
    readonly because: UnfinishedBecause,
    readonly details: { readonly taskQueue: string; readonly timeoutSeconds: number },
    options: { cause: unknown },
  ) {
    super(`command not finished: ${because}`, options);
  }
}

/**
 * One lazily connected Temporal client for the API. Lazy so that the API starts (and reports 503 on
 * /health) while Temporal is down, instead of refusing to start.
 */
@Injectable()
export class TemporalClient implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;
  readonly taskQueue: string;

  private readonly namespace: string;
  private readonly commandTimeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = Connection.lazy({ ...temporalConnectionOptions(config.temporal), connectTimeout: '3 seconds' });
    this.commandTimeoutMs = config.temporal.commandTimeoutMs;
    this.namespace = config.temporal.namespace;
    // The update's span is a child of the request's (the active span) and its context travels to the
    // workflow in the update's headers. A no-op unless an OpenTelemetry SDK was started.
    this.client = new Client({ connection: this.connection, namespace: this.namespace, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } });
    this.taskQueue = config.temporal.taskQueue;
  }

  /**
   * Runs a command's Temporal calls under one deadline, so that a caller waiting on an unreachable
   * server (or on a case no worker is processing) gets a 503 to retry, not a hung request. When they do
   * not finish, it asks why: Temporal unreachable, no worker polling the task queue, or neither.
   */
  async command<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await this.connection.withDeadline(Date.now() + this.commandTimeoutMs, call);
    } catch (error) {
      if (!unfinished(error)) throw error;
      throw new CommandNotFinished(await this.whyUnfinished(), { taskQueue: this.taskQueue, timeoutSeconds: Math.round(this.commandTimeoutMs / 1000) }, { cause: error });
    }
  }

  /** Resolves when the frontend answers within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<void> {
    await this.connection.withDeadline(Date.now() + timeoutMs, () =>
      this.connection.workflowService.getSystemInfo({}),
    );
  }

  private async whyUnfinished(): Promise<UnfinishedBecause> {
    try {
      await this.ping(DIAGNOSIS_TIMEOUT_MS);
    } catch {
      return 'temporal-unreachable';
    }
    let lastPolledMs: number | undefined;
    try {
      const { pollers } = await this.connection.withDeadline(Date.now() + DIAGNOSIS_TIMEOUT_MS, () =>
        this.connection.workflowService.describeTaskQueue({
          namespace: this.namespace,
          taskQueue: { name: this.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        }),
      );
      lastPolledMs = Math.max(0, ...(pollers ?? []).map((poller) => timestampMs(poller.lastAccessTime)));
    } catch {
      // A server that cannot describe its task queues (the time-skipping test server) says nothing either way.
      return 'not-finished-in-time';
    }
    return Date.now() - lastPolledMs > POLLED_RECENTLY_SECONDS * 1000 ? 'no-worker' : 'not-finished-in-time';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** The deadline passed, or the server could not be reached: worth asking why. */
function unfinished(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error)) return true;
  if (!(error instanceof ServiceError)) return false;
  const code = (error.cause as { code?: number } | undefined)?.code;
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || /unavailable|connect|deadline/i.test(error.message);
}

function timestampMs(timestamp: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!timestamp) return 0;
  return Number(timestamp.seconds ?? 0) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6);
}
