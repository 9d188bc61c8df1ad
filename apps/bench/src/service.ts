import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApiClient } from './api-client';
import { COMMANDS, OFFICERS, openingOf } from './case-workload';
import { type CpuProfile, type Part, startCpuProfile } from './cpu-profile';
import { closedLoop } from './load';
import { type Summary, summarise } from './stats';

/** A case the benchmark opened, and which officer's client (index into the officers) works it. */
export interface OpenedCase {
  readonly reference: string;
  readonly officer: number;
}

export interface ServiceResult {
  /** POST /cases: token check, validation, reference, update-with-start of the case workflow, read model, audit. */
  readonly open: Summary;
  /** POST /cases/{reference}/reviews | incidents | enforcement-steps, in turn, on open cases. */
  readonly commands: Summary;
  readonly byCommand: Record<string, Summary>;
  /** The same commands, one at a time: what a caseworker waits for on an idle service. */
  readonly commandsAlone: Summary;
  /** The cases opened, for the phases that follow. */
  readonly cases: OpenedCase[];
  readonly cpu: { readonly open: CpuProfile; readonly commands: CpuProfile };
}

/** One client per officer of OFFICERS, in the same order. */
export type Officers = readonly ApiClient[];

/**
 * Opens cases through the HTTP API, officer i % n opening case i in their own team, each with an
 * Idempotency-Key as a client should send. `caseOf` says what to open (a realistic case by default).
 * With `retry`, a 503 is retried with the same key, as a client would (the storm's set-up must not fail
 * on a loaded machine); without it, it counts as an error (the service phase measures them).
 */
export async function openCases(
  officers: Officers,
  options: { count: number; concurrency: number; warmUp?: number; retry?: boolean },
  caseOf: (i: number, officer: (typeof OFFICERS)[number]) => unknown = openingOf,
): Promise<{ summary: Summary & { failures: string[] }; cases: OpenedCase[] }> {
  const run = randomUUID().slice(0, 8);
  const cases: OpenedCase[] = [];
  const summary = await closedLoop({ count: options.count, concurrency: options.concurrency, warmUp: options.warmUp ?? 0 }, async (i) => {
    const officer = i % officers.length;
    const key = `bench-${run}-${i}`;
    const client = officers[officer]!;
    const opened = options.retry ? await client.postRetrying<{ reference: string }>('/cases', caseOf(i, OFFICERS[officer]!), key) : await client.post<{ reference: string }>('/cases', caseOf(i, OFFICERS[officer]!), { 'idempotency-key': key });
    cases.push({ reference: opened.reference, officer });
  });
  return { summary, cases };
}

/**
 * The service doing what the baseline does, through everything a caseworker's request goes through:
 * opening cases, then recording a review, an incident and a written warning on them, with the same
 * concurrency and the same number of operations.
 */
export async function measureService(officers: Officers, options: { operations: number; concurrency: number; parts: readonly Part[] }): Promise<ServiceResult> {
  const warmUp = Math.min(50, options.operations);
  let stop = startCpuProfile(options.parts);
  const { summary: open, cases } = await openCases(officers, { count: options.operations, concurrency: options.concurrency, warmUp });
  const openCpu = stop();
  const latencies = new Map<string, number[]>();
  stop = startCpuProfile(options.parts);
  const commands = await closedLoop({ count: options.operations, concurrency: options.concurrency, warmUp }, async (i) => {
    // Operation i acts on case i mod n: operations in flight together act on distinct cases.
    const { reference, officer } = cases[i % cases.length]!;
    const command = COMMANDS[i % COMMANDS.length]!;
    const before = performance.now();
    await officers[officer]!.post(`/cases/${reference}/${command.path}`, command.body());
    if (i >= warmUp) latencies.set(command.name, [...(latencies.get(command.name) ?? []), performance.now() - before]);
  });
  const commandsCpu = stop();
  const commandsAlone = await closedLoop({ count: Math.min(200, options.operations), concurrency: 1, warmUp: 10 }, async (i) => {
    const { reference, officer } = cases[(i * 7) % cases.length]!;
    const command = COMMANDS[i % COMMANDS.length]!;
    await officers[officer]!.post(`/cases/${reference}/${command.path}`, command.body());
  });
  return {
    commandsAlone,
    open,
    commands,
    cpu: { open: openCpu, commands: commandsCpu },
    byCommand: Object.fromEntries([...latencies].map(([name, measured]) => [name, summarise(measured, commands.elapsedMs)])),
    cases,
  };
}
