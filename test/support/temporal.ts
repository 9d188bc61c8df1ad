import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingServer } from '../../deploy/local/time-skipping-server';
import { ensureCaseSearchAttributes } from '../../libs/temporal/src';

/**
 * Temporal's time-skipping test server (a real Temporal frontend, in memory), with the case search
 * attributes registered. One per test file: time is global to a server, so files do not share one.
 */
export async function startTimeSkippingTemporal(): Promise<TestWorkflowEnvironment> {
  const env = await startTimeSkippingServer();
  await ensureCaseSearchAttributes(env.address, env.namespace ?? 'default');
  return env;
}
