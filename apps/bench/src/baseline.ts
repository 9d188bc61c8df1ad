import { randomUUID } from 'node:crypto';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { BASELINE_WORKFLOW_TYPE, touch } from './baseline-workflow';
import { type CpuProfile, type Part, partOf, startCpuProfile } from './cpu-profile';
import { closedLoop } from './load';
import { residentMemory, type ResidentMemory } from './process-memory';
import { startProcess } from './service-process';
import type { Summary } from './stats';

export interface BaselineResult {
  /** Update-with-start of a minimal workflow: what opening a case costs Temporal at the least. */
  readonly startWithUpdate: Summary;
  /** An update on a running minimal workflow: what a command costs Temporal at the least. */
  readonly update: Summary;
  /** The same, one at a time: the latency on an idle server. */
  readonly updateAlone: Summary;
  readonly workerMemory: ResidentMemory | undefined;
  readonly cpu: { readonly startWithUpdate: CpuProfile; readonly update: CpuProfile };
}

/**
 * The same Temporal server driven raw through the SDK: a minimal workflow (one update handler, no
 * activity) on its own worker process, with the same concurrency and the same number of operations
 * as the service is measured with.
 */
export async function measureBaseline(temporalAddress: string, options: { operations: number; concurrency: number; parts: readonly Part[] }): Promise<BaselineResult> {
  const taskQueue = `bench-baseline-${randomUUID().slice(0, 8)}`;
  const worker = await startProcess('baseline worker', 'apps/bench/src/baseline-worker.js', { ...(process.env as Record<string, string>), TEMPORAL_ADDRESS: temporalAddress, BASELINE_TASK_QUEUE: taskQueue }, { output: 'baseline worker polling' });
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const run = randomUUID().slice(0, 8);
  const workflowId = (i: number) => `bench-baseline-${run}-${i}`;
  const warmUp = Math.min(50, options.operations);
  const parts = [...options.parts, partOf('baseline worker', worker.pid)];
  try {
    let stop = startCpuProfile(parts);
    const startWithUpdate = await closedLoop({ count: options.operations, concurrency: options.concurrency, warmUp }, (i) =>
      client.workflow.executeUpdateWithStart(touch, {
        args: [1],
        startWorkflowOperation: new WithStartWorkflowOperation(BASELINE_WORKFLOW_TYPE, { workflowId: workflowId(i), taskQueue, workflowIdConflictPolicy: 'USE_EXISTING' }),
      }),
    );
    const startWithUpdateCpu = stop();
    const started = options.operations + warmUp;
    // Operation i touches workflow i mod started: operations in flight together touch distinct workflows, as commands on distinct cases do.
    stop = startCpuProfile(parts);
    const update = await closedLoop({ count: options.operations, concurrency: options.concurrency, warmUp }, (i) =>
      client.workflow.getHandle(workflowId(i % started)).executeUpdate(touch, { args: [1] }),
    );
    const updateCpu = stop();
    const updateAlone = await closedLoop({ count: Math.min(200, options.operations), concurrency: 1, warmUp: 10 }, (i) =>
      client.workflow.getHandle(workflowId(i % started)).executeUpdate(touch, { args: [1] }),
    );
    const workerMemory = residentMemory(worker.pid);
    await closedLoop({ count: started, concurrency: 16 }, (i) => client.workflow.getHandle(workflowId(i)).terminate('benchmark baseline done'));
    return { startWithUpdate, update, updateAlone, workerMemory, cpu: { startWithUpdate: startWithUpdateCpu, update: updateCpu } };
  } finally {
    await connection.close();
    await worker.stop();
  }
}
