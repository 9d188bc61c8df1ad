import { join } from 'node:path';
import { CaseLoad, type LoadOptions } from './case-load';
import { type CheckOptions, checkCampaign } from './checks';
import { type FaultWindow, runFaults, type ScheduleOptions } from './fault-schedule';
import { Journal } from './journal';
import { failuresOf, type ResultRow, totalOf } from './table';
import type { CampaignTarget } from './target';

export interface CampaignOptions {
  readonly load: LoadOptions;
  readonly schedule: ScheduleOptions;
  readonly checks: CheckOptions;
  /** Where the journal (every request and attempt) is written. */
  readonly dataDir: string;
}

export interface CampaignResult {
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly faults: readonly FaultWindow[];
  /** One row per phase, then the total. */
  readonly rows: readonly ResultRow[];
  readonly failures: readonly string[];
  readonly requests: { readonly sent: number; readonly attempts: number; readonly gaveUp: number; readonly refused: number };
  /** What the client saw during each phase: attempts by status (`network` for a dropped connection). */
  readonly attemptsByPhase: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly journalFile: string;
}

/** Runs the load, injects every fault of the target in turn while it runs, then checks what came of it. */
export async function runCampaign(target: CampaignTarget, options: CampaignOptions, log: (line: string) => void): Promise<CampaignResult> {
  const startedAt = new Date().toISOString();
  const runId = String(Date.now() % 1_000_000);
  const journalFile = join(options.dataDir, `journal-${runId}.json`);
  const journal = new Journal(journalFile);
  await target.waitHealthy(options.schedule.recoveryTimeoutMs);
  const load = await CaseLoad.start(target.apiUrl, target, journal, runId, options.load);
  let faults: FaultWindow[];
  try {
    faults = await runFaults(target, journal, options.schedule, log);
  } finally {
    log(`${new Date().toISOString()} stopping the load (requests in flight finish or give up)`);
    await load.stop();
    journal.save();
  }
  const phases = await checkCampaign(target, journal.entries, load.references, options.checks, log);
  const total = totalOf(phases);
  journal.save();
  return {
    runId,
    startedAt,
    finishedAt: new Date().toISOString(),
    faults,
    rows: [...phases, total],
    failures: failuresOf(total),
    requests: {
      sent: journal.entries.length,
      attempts: journal.entries.reduce((sum, entry) => sum + entry.attempts.length, 0),
      gaveUp: journal.entries.filter((entry) => entry.outcome === 'gave-up').length,
      refused: journal.entries.filter((entry) => entry.outcome === 'refused').length,
    },
    attemptsByPhase: attemptsByPhase(journal),
    journalFile,
  };
}

function attemptsByPhase(journal: Journal): Record<string, Record<string, number>> {
  const phases: Record<string, Record<string, number>> = {};
  for (const entry of journal.entries) {
    const seen = (phases[entry.phase] ??= {});
    for (const attempt of entry.attempts) seen[String(attempt.status)] = (seen[String(attempt.status)] ?? 0) + 1;
  }
  return phases;
}
