import { setTimeout as sleep } from 'node:timers/promises';
import type { Journal } from './journal';
import type { CampaignTarget, Fault } from './target';

export interface ScheduleOptions {
  /** Load before the first fault, so that every fault strikes a stack with work in flight. */
  readonly baselineMs: number;
  /** Load after a fault is injected before it is healed (for a kill -9, before recovery is awaited). */
  readonly faultMs: number;
  /** How long the stack may take to come back: supervisors, Temporal shards and PostgreSQL recovery are slow on a busy machine. */
  readonly recoveryTimeoutMs: number;
  /** 2xx answers the load must get after a fault for the stack to count as recovered. */
  readonly successesToRecover: number;
  /** Load once recovered before the next fault. */
  readonly settleMs: number;
}

export interface FaultWindow {
  readonly fault: string;
  readonly dependency?: string;
  readonly injectedAt: string;
  readonly healedAt?: string;
  readonly recoveredAt: string;
}

/**
 * Injects each fault in turn while the load runs, and waits for the stack to recover before the next:
 * every process healthy again, and the load's requests succeeding again. The journal's phase names the
 * fault running, so every request is counted against the fault it was first sent under.
 */
export async function runFaults(target: CampaignTarget, journal: Journal, options: ScheduleOptions, log: (line: string) => void): Promise<FaultWindow[]> {
  const windows: FaultWindow[] = [];
  journal.phase = 'baseline';
  await sleep(options.baselineMs);
  for (const fault of target.faults) {
    windows.push(await runFault(target, journal, fault, options, log));
    await sleep(options.settleMs);
  }
  journal.phase = 'recovered';
  return windows;
}

async function runFault(target: CampaignTarget, journal: Journal, fault: Fault, options: ScheduleOptions, log: (line: string) => void): Promise<FaultWindow> {
  journal.phase = fault.name;
  const injectedAt = new Date().toISOString();
  log(`${injectedAt} fault: ${fault.name}`);
  await fault.inject();
  await sleep(fault.downForMs ?? options.faultMs);
  let healedAt: string | undefined;
  if (fault.heal) {
    await fault.heal();
    healedAt = new Date().toISOString();
    log(`${healedAt} healed: ${fault.name}`);
  }
  const since = healedAt ?? new Date().toISOString();
  await target.waitHealthy(options.recoveryTimeoutMs);
  await until(() => journal.succeededSince(since) >= options.successesToRecover, options.recoveryTimeoutMs, `the load's requests did not succeed again within ${options.recoveryTimeoutMs} ms after ${fault.name}`);
  const recoveredAt = new Date().toISOString();
  log(`${recoveredAt} recovered: ${fault.name}`);
  return { fault: fault.name, ...(fault.dependency ? { dependency: fault.dependency } : {}), injectedAt, ...(healedAt ? { healedAt } : {}), recoveredAt };
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, failure: string): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > giveUpAt) throw new Error(failure);
    await sleep(500);
  }
}
