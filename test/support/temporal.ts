import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { temporalTestServerPath } from '../../deploy/local/tools';
import { ensureCaseSearchAttributes } from '../../libs/temporal/src';

let runtimeInstalled = false;

/**
 * Temporal's time-skipping test server (a real Temporal frontend, in memory), with the case search
 * attributes registered. One per test file: time is global to a server, so files do not share one.
 */
export async function startTimeSkippingTemporal(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    // Worker state changes at INFO would bury a failing test's output.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await ensureCaseSearchAttributes(env.address, env.namespace ?? 'default');
  return env;
}
