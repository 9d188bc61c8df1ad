import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { type AlertTally, missedAlertCounts, missedAlerts, missedInLedger, tallyAlerts } from './alert-outbox';
import { missingChildCaseOf, missingEpisodeDueAt } from './case-workload';
import { type CpuProfile, type Part, startCpuProfile } from './cpu-profile';
import { closedLoop } from './load';
import { residentMemory, type ResidentMemory } from './process-memory';
import { type Officers, openCases } from './service';
import type { SmtpSink } from './smtp-sink';
import type { Summary } from './stats';

export interface StormRealResult {
  readonly cases: number;
  /** The instant every case's return home interview fell due, and how many distinct instants the ledger holds (1: all at once). */
  readonly dueAt: string;
  readonly dueInstants: number;
  readonly opening: Summary;
  /** Recording each case's missing episode (entered late): what aims its deadline at `dueAt`. */
  readonly episodes: Summary;
  /** Seconds between the end of the set-up and the due instant: negative when the set-up overran it (the storm then met load). */
  readonly setUpMarginSeconds: number;
  /** From the due instant: every alert in the outbox, every one sent, every one accepted by the SMTP sink. */
  readonly allInOutboxSeconds: number | undefined;
  readonly allSentSeconds: number | undefined;
  readonly allAcceptedSeconds: number | undefined;
  /** Alerts sent per second, from the due instant to the last one sent (all of them, or those sent by the time it stopped). */
  readonly drainPerSecond: number;
  readonly alerts: AlertTally;
  readonly missedInLedger: number;
  readonly workerMemory: ResidentMemory | undefined;
  readonly timedOut: boolean;
  /** Given up before the time limit: nothing more was sent for STALL_MS. */
  readonly stalled: boolean;
  readonly waitedSeconds: number;
  readonly cpu: { readonly opening: CpuProfile; readonly episodes: CpuProfile; readonly drain: CpuProfile };
}

/** How much longer than opening a case recording its episode is allowed to take, when the due instant is chosen. */
const EPISODE_COST_FACTOR = 1.2;
const MARGIN_MS = 20_000;
const STALL_MS = 120_000;
/**
 * How long the drain is watched at most. A stack slower than the target is still measured to its last
 * alert (10,000 at 13 a second take about 13 minutes); one that stops is caught by STALL_MS first.
 */
const DRAIN_TIMEOUT_MS = 30 * 60_000;

/**
 * N cases whose deadlines fall due at one instant of real time, on whatever Temporal server the service
 * runs against (the dev server the benchmark starts, or a cluster): no clock is moved. The API lets a
 * caseworker enter a missing episode late, and the return home interview falls due at an exact instant
 * 72 hours after the return: each case is opened, then given an episode whose return was 72 hours before
 * the chosen instant. The instant is chosen once every case is open, from the opening rate, so that the
 * set-up ends before it. Measured from that instant: until every alert owed is in the outbox, sent and
 * accepted by SMTP (counted by Message-ID), that each went once, and the CPU seconds of each part.
 */
export async function measureStormReal(options: {
  cases: number;
  concurrency: number;
  officers: Officers;
  databaseUrl: string;
  workerPid: number | undefined;
  /** The benchmark's own SMTP sink; absent when SMTP_URL points at another server (then only the outbox is counted). */
  sink: SmtpSink | undefined;
  parts: readonly Part[];
  timeoutMs?: number;
}): Promise<StormRealResult> {
  const pg = new PgClient({ connectionString: options.databaseUrl });
  pg.on('error', () => undefined);
  await pg.connect();
  try {
    const stopOpening = startCpuProfile(options.parts);
    const { summary: opening, cases } = await openCases(options.officers, { count: options.cases, concurrency: options.concurrency, retry: true }, missingChildCaseOf);
    const openingCpu = stopOpening();
    if (opening.errors > 0) throw new Error(`${opening.errors} of ${options.cases} storm cases failed to open: ${opening.failures.join('; ')}`);

    const setUpMs = (cases.length / opening.perSecond) * 1000 * EPISODE_COST_FACTOR;
    const dueAt = new Date(Math.ceil((Date.now() + setUpMs + MARGIN_MS) / 1000) * 1000);
    console.log(`  storm-real: ${cases.length} cases opened in ${(opening.elapsedMs / 1000).toFixed(0)} s; their interviews will fall due at ${dueAt.toISOString()}`);
    const run = randomUUID().slice(0, 8);
    const episode = missingEpisodeDueAt(dueAt);
    const stopEpisodes = startCpuProfile(options.parts);
    const episodes = await closedLoop({ count: cases.length, concurrency: options.concurrency }, async (i) => {
      const { reference, officer } = cases[i]!;
      await options.officers[officer]!.postRetrying(`/cases/${reference}/missing-episodes`, episode, `bench-${run}-episode-${i}`);
    });
    const episodesCpu = stopEpisodes();
    const setUpMarginSeconds = (dueAt.getTime() - Date.now()) / 1000;
    if (episodes.errors > 0) throw new Error(`${episodes.errors} episodes failed: ${episodes.failures.join('; ')}`);
    console.log(`  storm-real: episodes recorded in ${(episodes.elapsedMs / 1000).toFixed(0)} s, ${setUpMarginSeconds.toFixed(0)} s before the due instant`);

    const references = cases.map((opened) => opened.reference);
    const { rows: due } = await pg.query<{ due_at: Date }>(
      `select distinct due_at from case_deadline where reference = any($1::text[]) and kind = 'RETURN_HOME_INTERVIEW' and status = 'PENDING'`,
      [references],
    );
    if (due.length !== 1 || due[0]!.due_at.getTime() !== dueAt.getTime()) {
      throw new Error(`the storm's interviews are due at ${due.map((row) => row.due_at.toISOString()).join(', ') || 'no instant'}, not only at ${dueAt.toISOString()}`);
    }

    // performance.now() of the due instant, the clock the SMTP sink stamps its arrivals with.
    const startedAt = performance.now() + (dueAt.getTime() - Date.now());
    if (startedAt > performance.now()) await new Promise((resolve) => setTimeout(resolve, startedAt - performance.now()));
    const stopDrain = startCpuProfile(options.parts);
    const timeoutMs = options.timeoutMs ?? DRAIN_TIMEOUT_MS;
    let allInOutbox: number | undefined;
    let allSent: number | undefined;
    let lastReport = performance.now();
    let sentSoFar = 0;
    let lastSentAt = startedAt;
    let stalled = false;
    for (;;) {
      const counts = await missedAlertCounts(pg, references, 'RETURN_HOME_INTERVIEW');
      const at = performance.now();
      if (counts.sent > sentSoFar) [sentSoFar, lastSentAt] = [counts.sent, at];
      if (allInOutbox === undefined && counts.rows >= references.length) allInOutbox = at;
      if (allSent === undefined && counts.sent >= references.length) allSent = at;
      if (allSent !== undefined || at - startedAt > timeoutMs) break;
      // Nothing sent for this long once the storm has begun: the stack has stopped (it says why in its logs).
      if (at - lastSentAt > STALL_MS && at - startedAt > STALL_MS) {
        stalled = true;
        console.log(`  storm-real: nothing sent for ${STALL_MS / 1000} s, ${counts.sent} of ${references.length} sent: stopped waiting`);
        break;
      }
      if (at - lastReport > 15_000) {
        console.log(`  storm-real: ${counts.rows} alerts in the outbox, ${counts.sent} sent${options.sink ? `, ${options.sink.total} accepted by SMTP` : ''} after ${((at - startedAt) / 1000).toFixed(0)} s`);
        lastReport = at;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const drainCpu = stopDrain();
    const waitedSeconds = (performance.now() - startedAt) / 1000;
    // Anything sent twice would arrive now: wait a little before counting.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const { alerts, lastAcceptedAt } = tallyAlerts(await missedAlerts(pg, references, 'RETURN_HOME_INTERVIEW'), references, options.sink?.accepted);
    const since = (at: number | undefined) => (at === undefined ? undefined : Math.max(at - startedAt, 0) / 1000);
    const drainedSeconds = since(allSent) ?? since(lastSentAt)!;
    return {
      cases: references.length,
      dueAt: dueAt.toISOString(),
      dueInstants: due.length,
      opening,
      episodes,
      setUpMarginSeconds,
      allInOutboxSeconds: since(allInOutbox),
      allSentSeconds: since(allSent),
      allAcceptedSeconds: since(lastAcceptedAt),
      drainPerSecond: alerts.sent / Math.max(drainedSeconds, 1),
      alerts,
      missedInLedger: await missedInLedger(pg, references, 'RETURN_HOME_INTERVIEW'),
      workerMemory: residentMemory(options.workerPid),
      timedOut: allSent === undefined,
      stalled,
      waitedSeconds,
      cpu: { opening: openingCpu, episodes: episodesCpu, drain: drainCpu },
    };
  } finally {
    await pg.end();
  }
}
