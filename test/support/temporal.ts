import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../deploy/local/tools';
import { ensureCaseSearchAttributes } from '../../libs/temporal/src';

/**
 * Temporal's time-skipping test server (a real Temporal frontend, in memory), with the case search
 * attributes registered. One per test file: time is global to a server, so files do not share one.
 */
export async function startTimeSkippingTemporal(): Promise<TestWorkflowEnvironment> {
  const env = await withRetries(() =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
    }),
  );
  await ensureCaseSearchAttributes(env.address, env.namespace ?? 'default');
  return env;
}

/**
 * The SDK waits a fixed 5 s for the server to answer; a JVM starting while both cores run other
 * suites can take longer. A slow start is retried, not taken for a broken server.
 */
async function withRetries<T>(start: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts || !/did not start within/.test(String(error))) throw error;
    }
  }
}
