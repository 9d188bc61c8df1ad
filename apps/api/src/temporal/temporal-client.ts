import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';

/**
 * One lazily connected Temporal client for the API. Lazy so that the API starts (and reports 503 on
 * /health) while Temporal is down, instead of refusing to start.
 */
@Injectable()
export class TemporalClient implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;
  readonly taskQueue: string;

  private readonly commandTimeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = Connection.lazy({ address: config.temporal.address, connectTimeout: '3 seconds' });
    this.commandTimeoutMs = config.temporal.commandTimeoutMs;
    this.client = new Client({ connection: this.connection, namespace: config.temporal.namespace });
    this.taskQueue = config.temporal.taskQueue;
  }

  /**
   * Runs a command's Temporal calls under one deadline, so that a caller waiting on an unreachable
   * server (or on a case no worker is processing) gets a 503 to retry, not a hung request.
   */
  command<T>(call: () => Promise<T>): Promise<T> {
    return this.connection.withDeadline(Date.now() + this.commandTimeoutMs, call);
  }

  /** Resolves when the frontend answers within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<void> {
    await this.connection.withDeadline(Date.now() + timeoutMs, () =>
      this.connection.workflowService.getSystemInfo({}),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
