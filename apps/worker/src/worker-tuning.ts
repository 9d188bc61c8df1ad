import type { WorkerOptions } from '@temporalio/worker';
import { z } from 'zod';
import { parseEnvironment } from '../../../libs/config/src';

/** How much one worker process holds and does at once: the knobs `npm run bench` was tuned with. */
export type WorkerTuning = Pick<WorkerOptions, 'maxCachedWorkflows' | 'maxConcurrentWorkflowTaskExecutions' | 'maxConcurrentActivityTaskExecutions'>;

export const WORKER_TUNING = Symbol('WorkerTuning');

const count = (min: number) => z.coerce.number().int().min(min);

const TuningSchema = z.object({
  // Cases kept in memory between their events. A case not cached is rebuilt from its history when it
  // next has work (about 10 ms of worker CPU, `npm run bench`). Measured with saves in the task
  // (`--only scale --cases 1000` at 300 and at 1,000): a worker's resident memory is about 350–430 MiB
  // + 0.05 MiB per open case + 0.25 MiB per cached case. 300 keeps 10,000 open cases under 1 GiB; a
  // worker that must keep a morning's wave of N cases cached needs about 0.25 × N MiB more, and this set to N.
  TEMPORAL_MAX_CACHED_WORKFLOWS: count(0).default(300),
  TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS: count(2).default(40),
  TEMPORAL_MAX_CONCURRENT_ACTIVITIES: count(1).default(100),
});

/** The worker's tuning from the environment; an invalid value stops the worker, naming the variable. */
export function workerTuning(env: Record<string, string | undefined> = process.env): WorkerTuning {
  const e = parseEnvironment(TuningSchema, env);
  return {
    maxCachedWorkflows: e.TEMPORAL_MAX_CACHED_WORKFLOWS,
    // The SDK allows no more workflow tasks at once than cases cached (unless the cache is off).
    maxConcurrentWorkflowTaskExecutions: e.TEMPORAL_MAX_CACHED_WORKFLOWS > 0 ? Math.min(e.TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS, Math.max(e.TEMPORAL_MAX_CACHED_WORKFLOWS, 2)) : e.TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: e.TEMPORAL_MAX_CONCURRENT_ACTIVITIES,
  };
}
