import { performance } from 'node:perf_hooks';
import { type Summary, summarise } from './stats';

export interface LoadOptions {
  /** How many operations, in all. */
  readonly count: number;
  /** How many are in flight at once (a closed loop: each caller sends its next when its last answers). */
  readonly concurrency: number;
  /** Unmeasured operations first, so that connections, caches and the JIT are warm. */
  readonly warmUp?: number;
}

/**
 * Runs `operation(i)` for i = 0..count-1 with `concurrency` callers, timing each. Operation i of a
 * run goes to item i modulo the items the caller picks, so concurrent operations touch distinct items.
 * A failed operation counts as an error and is not timed; the first few failures are kept to report.
 */
export async function closedLoop(options: LoadOptions, operation: (i: number) => Promise<unknown>): Promise<Summary & { failures: string[] }> {
  const warmUp = options.warmUp ?? 0;
  await loop(warmUp, options.concurrency, async (i) => operation(i));
  const latencies: number[] = [];
  const failures: string[] = [];
  let errors = 0;
  const started = performance.now();
  await loop(options.count, options.concurrency, async (i) => {
    const before = performance.now();
    try {
      await operation(warmUp + i);
      latencies.push(performance.now() - before);
    } catch (error) {
      errors += 1;
      if (failures.length < 5) failures.push(error instanceof Error ? error.message : String(error));
    }
  });
  return { ...summarise(latencies, performance.now() - started, errors), failures };
}

async function loop(count: number, concurrency: number, run: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const caller = async () => {
    while (next < count) {
      const i = next++;
      await run(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, caller));
}
