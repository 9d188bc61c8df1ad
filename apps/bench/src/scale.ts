import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { CASE_WORKFLOW_TYPE } from '../../../workflows/case-messages';
import { openingOf } from './case-workload';
import { type CpuProfile, type Part, startCpuProfile } from './cpu-profile';
import { residentMemory, type ResidentMemory } from './process-memory';
import { type OpenedCase, openCases, type Officers } from './service';
import type { Summary } from './stats';

export interface ScaleResult {
  readonly openCases: number;
  /** Opening the cases this phase added (the service phase opened the rest). */
  readonly opening: Summary;
  /** Case workflows Temporal reports running, and their pending deadlines in the read model (one live timer per case watches the earliest). */
  readonly runningWorkflows: number | undefined;
  readonly pendingDeadlines: number;
  /** With no case open: as the stack came up. */
  readonly memoryBefore: { readonly worker?: ResidentMemory; readonly temporal?: ResidentMemory };
  readonly memoryAfter: { readonly worker?: ResidentMemory; readonly temporal?: ResidentMemory; readonly api?: ResidentMemory };
  readonly cpu: CpuProfile;
}

/**
 * Brings the number of open cases to `cases` through the API, then reads the resident memory of the
 * worker and of the Temporal server, with every case's timers live.
 */
export async function measureScale(
  officers: Officers,
  opened: readonly OpenedCase[],
  options: {
    cases: number;
    concurrency: number;
    temporalAddress: string;
    databaseUrl: string;
    pids: { worker?: number; api?: number; temporal?: number };
    /** Read as the stack came up, before any case was opened. */
    memoryBefore: ScaleResult['memoryBefore'];
    parts: readonly Part[];
  },
): Promise<{ result: ScaleResult; cases: OpenedCase[] }> {
  const { memoryBefore } = options;
  const toOpen = Math.max(options.cases - opened.length, 0);
  const stop = startCpuProfile(options.parts);
  // Numbered on from the cases already open, so that none is about the people or the house of another.
  const { summary: opening, cases } = await openCases(officers, { count: toOpen, concurrency: options.concurrency }, (i, officer) => openingOf(opened.length + i, officer));
  const cpu = stop();
  const all = [...opened, ...cases];
  // Let the last activities and workflow tasks finish, so the memory read is of cases at rest.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const memoryAfter = { worker: residentMemory(options.pids.worker), temporal: residentMemory(options.pids.temporal), api: residentMemory(options.pids.api) };
  return {
    result: {
      openCases: all.length,
      opening,
      runningWorkflows: await runningCaseWorkflows(options.temporalAddress),
      pendingDeadlines: await pendingDeadlines(options.databaseUrl),
      memoryBefore,
      memoryAfter,
      cpu,
    },
    cases: all,
  };
}

async function runningCaseWorkflows(address: string): Promise<number | undefined> {
  const connection = await Connection.connect({ address });
  try {
    const { count } = await new Client({ connection }).workflow.count(`WorkflowType = '${CASE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`);
    return count;
  } catch {
    return undefined;
  } finally {
    await connection.close();
  }
}

async function pendingDeadlines(databaseUrl: string): Promise<number> {
  const pg = new PgClient({ connectionString: databaseUrl });
  // A server stopped under it (Ctrl-C) must not crash the benchmark before it cleans up.
  pg.on('error', () => undefined);
  await pg.connect();
  try {
    const { rows } = await pg.query<{ count: number }>(`select count(*)::int as count from case_deadline where status = 'PENDING'`);
    return rows[0]?.count ?? 0;
  } finally {
    await pg.end();
  }
}
