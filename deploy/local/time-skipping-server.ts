import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from './tools';

/**
 * The SDK's connections ping every 30 s. The Java test server allows one ping in 5 minutes and answers
 * more by closing the connection; a clock move in flight then never returns and the server's clock stays
 * where it was (a test waits for an alert that never falls due). Nothing on localhost needs a keepalive.
 */
const WITHOUT_KEEPALIVE_PINGS = { 'grpc.keepalive_time_ms': 24 * 3_600_000, 'grpc.keepalive_permit_without_calls': 0 };

interface EnvironmentFactory {
  create(options: {
    server: { type: 'time-skipping'; executable: { type: 'existing-path'; path: string } };
    supportsTimeSkipping: true;
    connectionOptions: { channelArgs: Record<string, number> };
  }): Promise<TestWorkflowEnvironment>;
}

/**
 * Temporal's time-skipping test server, as `TestWorkflowEnvironment.createTimeSkipping` starts it but with
 * connections that do not ping. `createTimeSkipping` takes no connection options, so this calls the
 * factory it delegates to (the SDK is pinned in package-lock.json).
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const factory = TestWorkflowEnvironment as unknown as EnvironmentFactory;
  if (typeof factory.create !== 'function') throw new Error('@temporalio/testing no longer has TestWorkflowEnvironment.create: see deploy/local/time-skipping-server.ts');
  return withRetries(() =>
    factory.create({
      server: { type: 'time-skipping', executable: { type: 'existing-path', path: temporalTestServerPath() } },
      supportsTimeSkipping: true,
      connectionOptions: { channelArgs: WITHOUT_KEEPALIVE_PINGS },
    }),
  );
}

/**
 * The SDK waits a fixed 5 s for the server to answer; a JVM starting while both cores run other
 * suites can take longer. A slow start is retried, not taken for a broken server.
 */
async function withRetries<T>(start: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts || !/did not start within/.test(String(error))) throw error;
    }
  }
}
