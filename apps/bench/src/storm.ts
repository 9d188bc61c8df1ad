import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client as PgClient } from 'pg';
import { startTimeSkippingServer } from '../../../deploy/local/time-skipping-server';
import { type AlertTally, missedAlertCounts, missedAlerts, missedInLedger, tallyAlerts, unsentMessages } from './alert-outbox';
import { ApiClient } from './api-client';
import { onCleanUp } from './cleanup';
import { OFFICERS, stormCaseOf } from './case-workload';
import { type CpuProfile, type Part, partMatching, partOf, startCpuProfile } from './cpu-profile';
import { residentMemory, type ResidentMemory } from './process-memory';
import { openCases } from './service';
import { startServiceProcesses } from './service-stack';
import { SmtpSink } from './smtp-sink';
import type { Summary } from './stats';

export interface StormResult {
  readonly cases: number;
  /** Distinct instants the cases' reviews fell due at (1: all at once). */
  readonly dueInstants: number;
  readonly dueAt: string | undefined;
  readonly opening: Summary;
  /** From the moment the reviews fell due: every alert in the outbox, every one sent, every one accepted by the SMTP server. */
  readonly allInOutboxSeconds: number | undefined;
  readonly allSentSeconds: number | undefined;
  readonly allAcceptedSeconds: number | undefined;
  readonly alerts: AlertTally;
  readonly missedInLedger: number;
  /** The caseworkers' reminders of the same reviews, two working days earlier (all at 08:00): how many, and until all were sent. */
  readonly reminders: { readonly sent: number; readonly seconds: number };
  readonly workerMemory: ResidentMemory | undefined;
  /** When the drain was still going at the time limit: how long it ran (the alerts sent by then are in `alerts`). */
  readonly timedOut: boolean;
  readonly waitedSeconds: number;
  readonly cpu: { readonly opening: CpuProfile; readonly reminders: CpuProfile; readonly drain: CpuProfile };
}

const DAY = 86_400_000;

/**
 * N cases whose reviews fall due at the same instant, with the real policy numbers (HIGH risk: a review
 * every 7 days). Seven days cannot pass in a benchmark, so this phase runs the service (its own worker
 * and API processes, the same build) against Temporal's time-skipping test server: the cases are opened
 * through the API on one day, the server's clock is moved to a minute before their reviews fall due and
 * then past it, and from then on everything runs in real time. Measured: the time until every overdue
 * alert is in the outbox and accepted by the SMTP server, and that each was sent exactly once.
 */
export async function measureStorm(options: {
  cases: number;
  concurrency: number;
  databaseUrl: string;
  apiPort: number;
  smtpPort: number;
  devKeyPath: string;
  logDir: string;
  /** PostgreSQL's processes, when it runs on this machine. */
  postgres?: Part;
  timeoutMs?: number;
}): Promise<StormResult> {
  mkdirSync(options.logDir, { recursive: true });
  const env = await startTimeSkippingServer();
  const forgetEnv = onCleanUp(() => env.teardown());
  const clock = serverClock(env);
  const sink = new SmtpSink();
  const smtpUrl = `smtp://127.0.0.1:${await sink.listen(options.smtpPort)}`;
  const pg = new PgClient({ connectionString: options.databaseUrl });
  // A server stopped under it (Ctrl-C) must not crash the benchmark before it cleans up.
  pg.on('error', () => undefined);
  await pg.connect();
  let service: Awaited<ReturnType<typeof startServiceProcesses>> | undefined;
  try {
    service = await startServiceProcesses({
      temporalAddress: env.address,
      databaseUrl: options.databaseUrl,
      smtpUrl,
      taskQueue: 'asb-cases-storm',
      port: options.apiPort,
      devKeyPath: options.devKeyPath,
      logDir: options.logDir,
    });
    // Open every case on one day in England (their reviews then fall due at the same instant): if the
    // server's clock is late in the day, move it to 01:00 the next morning first.
    const hour = londonHour(new Date(await clock.now()));
    if (hour >= 16) await clock.sleep((24 - hour + 1) * 3_600_000);

    const parts = [
      partOf('worker', service.worker.pid),
      partOf('api', service.api.pid),
      partMatching('temporal', `TestServer ${env.address.split(':').at(-1)}`),
      ...(options.postgres ? [options.postgres] : []),
    ];
    const officers = await Promise.all(OFFICERS.map((claims) => ApiClient.as(service!.baseUrl, options.devKeyPath, claims)));
    const stopOpening = startCpuProfile(parts);
    const { summary: opening, cases } = await openCases(officers, { count: options.cases, concurrency: options.concurrency }, stormCaseOf);
    const openingCpu = stopOpening();
    const references = cases.map((opened) => opened.reference);
    console.log(`  storm: ${references.length} cases opened in ${(opening.elapsedMs / 1000).toFixed(0)} s`);

    const { rows: due } = await pg.query<{ due_at: Date; count: number }>(
      `select due_at, count(*)::int as count from case_deadline where reference = any($1::text[]) and kind = 'CASE_REVIEW' and status = 'PENDING' group by due_at order by due_at`,
      [references],
    );
    const firstDue = due[0]?.due_at.getTime();
    const lastDue = due.at(-1)?.due_at.getTime();
    if (firstDue === undefined || lastDue === undefined) throw new Error('the storm cases have no pending review');
    if (lastDue - firstDue > DAY) throw new Error(`the storm cases' reviews fall due over ${due.length} instants: opening crossed more than a day`);

    // Up to an hour before the reviews fall due. On the way, at 08:00 two working days ahead, every
    // case reminds its caseworker of the review: a wave of its own, timed until the last reminder is
    // sent. The storm starts once they all are, so that it is timed on its own.
    const remindersFrom = performance.now();
    const stopReminders = startCpuProfile(parts);
    await clock.sleep(firstDue - (await clock.now()) - 3_600_000);
    const beforehand = await quietOutbox(pg, references);
    const remindersCpu = stopReminders();
    const remindersSeconds = (performance.now() - remindersFrom) / 1000 - QUIET_SECONDS;
    console.log(`  storm: ${beforehand} reminders sent in ${remindersSeconds.toFixed(0)} s; the reviews fall due at ${new Date(lastDue).toISOString()}`);
    const early = await missedAlertCounts(pg, references);
    if (early.rows > 0) throw new Error(`${early.rows} overdue-review alerts went out before the reviews fell due`);

    // Move the clock past the due instant (the server runs the timers as it passes them). The storm is
    // timed from the last moment the clock was seen short of it: if anything, a little too long.
    const stopDrain = startCpuProfile(parts);
    let notYet = performance.now();
    const moving = clock.sleep(lastDue - (await clock.now()) + 120_000).catch((error: unknown) => console.error(`  storm: moving the clock failed: ${String(error)}`));
    const timeoutMs = options.timeoutMs ?? 10 * 60_000;
    let started: number | undefined;
    let allInOutbox: number | undefined;
    let allSent: number | undefined;
    let lastReport = performance.now();
    const waitingSince = lastReport;
    for (;;) {
      if (started === undefined) {
        const checked = performance.now();
        if ((await clock.now()) > lastDue) started = notYet;
        else notYet = checked;
      }
      const counts = await missedAlertCounts(pg, references);
      const at = performance.now();
      if (allInOutbox === undefined && counts.rows >= references.length) allInOutbox = at;
      if (allSent === undefined && counts.sent >= references.length) allSent = at;
      if (allSent !== undefined) break;
      if (at - waitingSince > timeoutMs) break;
      if (at - lastReport > 15_000) {
        console.log(`  storm: ${counts.rows} alerts in the outbox, ${counts.sent} sent, ${sink.total} accepted by SMTP after ${((at - waitingSince) / 1000).toFixed(0)} s`);
        lastReport = at;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const drainCpu = stopDrain();
    const waitedSeconds = (performance.now() - (started ?? waitingSince)) / 1000;
    await moving;
    // Anything sent twice would arrive now: wait a little before counting.
    await new Promise((resolve) => setTimeout(resolve, 10_000));

    const { alerts, lastAcceptedAt: allAccepted } = tallyAlerts(await missedAlerts(pg, references), references, sink.accepted);
    const since = (at: number | undefined) => (at === undefined || started === undefined ? undefined : Math.max(at - started, 0) / 1000);
    return {
      cases: references.length,
      dueInstants: due.length,
      dueAt: new Date(lastDue).toISOString(),
      opening,
      allInOutboxSeconds: since(allInOutbox),
      allSentSeconds: since(allSent),
      allAcceptedSeconds: since(allAccepted),
      alerts,
      missedInLedger: await missedInLedger(pg, references, 'CASE_REVIEW'),
      reminders: { sent: beforehand, seconds: remindersSeconds },
      workerMemory: residentMemory(service.worker.pid),
      timedOut: allSent === undefined,
      waitedSeconds,
      cpu: { opening: openingCpu, reminders: remindersCpu, drain: drainCpu },
    };
  } finally {
    await service?.stop();
    await pg.end();
    await sink.close();
    forgetEnv();
    await env.teardown();
  }
}

const QUIET_SECONDS = 5;

/** Waits until every message about these cases is sent and no new one has appeared for QUIET_SECONDS; returns how many there were. */
async function quietOutbox(pg: PgClient, references: readonly string[], timeoutMs = 10 * 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let last = -1;
  let stableSince = performance.now();
  for (;;) {
    const { total, unsent } = await unsentMessages(pg, references);
    if (total !== last || unsent > 0) stableSince = performance.now();
    last = total;
    if (performance.now() - stableSince >= QUIET_SECONDS * 1000) return total;
    if (performance.now() > deadline) throw new Error(`the outbox did not settle before the storm: ${unsent} of ${total} messages unsent`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The test server's clock, in milliseconds; a move of zero or less leaves it where it is. */
function serverClock(env: TestWorkflowEnvironment): { now(): Promise<number>; sleep(ms: number): Promise<void> } {
  return {
    now: () => env.currentTimeMs(),
    sleep: async (ms: number) => {
      if (ms > 0) await env.sleep(ms);
    },
  };
}

function londonHour(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(at));
}
