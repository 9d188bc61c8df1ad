import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalCliPath } from '../../deploy/local/tools';

/**
 * The Temporal CLI dev server (the full server the local stack runs), for what the time-skipping
 * server does not do: visibility queries on search attributes.
 */
export function startDevServerTemporal(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalCliPath() }, ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
  });
}
