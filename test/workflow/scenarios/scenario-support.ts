import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, type LocalDate, londonDateOf, type Refusal } from '../../../libs/domain/src';
import { CaptureSmtpServer } from '../../../libs/mailbox/src';
import type { LedgerEntry } from '../../../workflows/case-messages';
import { CaseDriver, eventually } from '../../support/case-driver';
import { type RunningCaseWorker, startCaseWorker, TEST_TASK_QUEUE } from '../../support/case-worker-harness';
import { createTestDatabase } from '../../support/runtime';
import { startTimeSkippingTemporal } from '../../support/temporal';

export interface TimelineRow {
  readonly seq: number;
  readonly kind: string;
  readonly actor: string;
  readonly summary: string;
  readonly data: Record<string, unknown> | null;
}

const DAY_MS = 86_400_000;

/**
 * One time-skipping Temporal server, a capture SMTP server, a fresh database and a worker with the
 * real activities, for one test file. Fields are filled in by beforeAll.
 */
export class Scenario {
  env!: TestWorkflowEnvironment;
  smtp!: CaptureSmtpServer;
  worker!: RunningCaseWorker;
  cases!: CaseDriver;

  static start(): Scenario {
    const scenario = new Scenario();
    beforeAll(async () => {
      scenario.env = await startTimeSkippingTemporal();
      scenario.smtp = new CaptureSmtpServer();
      const smtpPort = await scenario.smtp.listen(0);
      scenario.worker = await startCaseWorker(scenario.env, { databaseUrl: await createTestDatabase(), smtpUrl: `smtp://127.0.0.1:${smtpPort}` });
      scenario.cases = new CaseDriver(scenario.env, TEST_TASK_QUEUE, scenario.worker.orm);
      // Scenarios move time in whole days and read "today" as they go: start well clear of midnight
      // (and of a clock change), so that a test's own seconds never carry it into the next day.
      const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(await scenario.now()));
      if (hour < 3 || hour >= 21) await scenario.env.sleep(((34 - hour) % 24) * 3_600_000);
    });
    afterAll(async () => {
      await scenario.worker?.stop();
      await scenario.smtp?.close();
      await scenario.env?.teardown();
    });
    return scenario;
  }

  /** The test server's clock (it jumps with every sleep). */
  async now(): Promise<Date> {
    return new Date(await this.env.currentTimeMs());
  }

  /** The date it is in England on the test server. */
  async today(): Promise<LocalDate> {
    return londonDateOf(await this.now());
  }

  /** An instant `hours` before the test server's now: when an incident or breach happened. */
  async hoursAgo(hours: number): Promise<string> {
    return new Date((await this.env.currentTimeMs()) - hours * 3_600_000).toISOString();
  }

  /** An instant `hours` after the test server's now: a hearing time. */
  async hoursAhead(hours: number): Promise<string> {
    return new Date((await this.env.currentTimeMs()) + hours * 3_600_000).toISOString();
  }

  /** Moves the server on until it is the same time of day on `date` (England), e.g. the day a deadline falls due. */
  async sleepUntilDay(date: LocalDate): Promise<void> {
    const days = daysBetween(await this.today(), date);
    if (days <= 0) throw new Error(`${date} is not after today`);
    await this.env.sleep(days * DAY_MS);
    expect(await this.today()).toBe(date);
  }

  /** The timeline the workflow wrote to PostgreSQL (through its activity, so it may lag: see `timelineEntry`). */
  async timeline(reference: string): Promise<TimelineRow[]> {
    return this.worker.orm.em
      .fork()
      .getConnection()
      .execute<TimelineRow[]>('select seq, kind, actor, summary, data from case_timeline_entry where reference = ? order by seq', [reference]);
  }

  /** Waits until the timeline in PostgreSQL has an entry of `kind` matching `where`, and returns it. */
  async timelineEntry(reference: string, kind: string, where: (row: TimelineRow) => boolean = () => true): Promise<TimelineRow> {
    let found: TimelineRow | undefined;
    await eventually(async () => {
      found = (await this.timeline(reference)).find((row) => row.kind === kind && where(row));
      return found !== undefined;
    });
    return found!;
  }

  /** The case row the workflow wrote to PostgreSQL. */
  async caseRow(reference: string): Promise<Record<string, unknown> | undefined> {
    const rows = await this.worker.orm.em.fork().getConnection().execute<Record<string, unknown>[]>('select * from asb_case where reference = ?', [reference]);
    return rows[0];
  }

  mailsAbout(reference: string) {
    return this.smtp.received.filter((mail) => mail.subject.includes(reference));
  }
}

/**
 * Remembers every deadline a case's ledger has ever shown, so that a test can check at the end that
 * none vanished: each one is still in the ledger, with its id, kind and due date, resolved or pending.
 */
export class LedgerWatch {
  private readonly seen = new Map<string, LedgerEntry>();

  constructor(
    private readonly cases: CaseDriver,
    private readonly reference: string,
  ) {}

  async look(): Promise<LedgerEntry[]> {
    const ledger = await this.cases.ledger(this.reference);
    for (const entry of ledger) {
      const before = this.seen.get(entry.id);
      // Once resolved, a deadline stays as it was resolved.
      if (before && before.status !== 'PENDING') expect(entry).toEqual(before);
      this.seen.set(entry.id, entry);
    }
    return ledger;
  }

  /** Every deadline seen so far is still in the ledger, and ids of a kind run 1..n with no gap. */
  async expectNoneDropped(): Promise<LedgerEntry[]> {
    const ledger = await this.look();
    const ids = ledger.map((entry) => entry.id);
    expect(ids).toEqual(expect.arrayContaining([...this.seen.keys()]));
    expect(new Set(ids).size).toBe(ids.length);
    const byKind = new Map<string, number[]>();
    for (const entry of ledger) {
      const n = Number(entry.id.slice(entry.id.lastIndexOf('-') + 1));
      byKind.set(entry.kind, [...(byKind.get(entry.kind) ?? []), n]);
    }
    for (const [, numbers] of byKind) expect([...numbers].sort((a, b) => a - b)).toEqual(numbers.map((_n, index) => index + 1));
    return ledger;
  }
}

/** `kind:status` of each ledger entry, in ledger order. */
export const kindsAndStatuses = (ledger: readonly LedgerEntry[]) => ledger.map(({ kind, status }) => `${kind}:${status}`);

export const pendingOf = (ledger: readonly LedgerEntry[], kind: LedgerEntry['kind']) => ledger.filter((entry) => entry.kind === kind && entry.status === 'PENDING');

export function onlyPending(ledger: readonly LedgerEntry[], kind: LedgerEntry['kind']): LedgerEntry {
  const pending = pendingOf(ledger, kind);
  expect(pending).toHaveLength(1);
  return pending[0]!;
}

/** Whole days from one date to another (both in England). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The wall-clock time in England of an instant, `YYYY-MM-DD HH:mm:ss.SSS`, computed without the domain's calendar. */
export function londonWallClock(instant: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}.${String(new Date(instant).getMilliseconds()).padStart(3, '0')}`;
}

/** A deadline "due on" a date is due at the very end of that day in England. */
export function expectDueAtEndOfDay(entry: { dueOn: string; dueAt: string }): void {
  expect(londonWallClock(entry.dueAt)).toBe(`${entry.dueOn} 23:59:59.999`);
}

/** The date `years` years and `days` days before `date` (a date of birth for someone that age). */
export function bornBefore(date: LocalDate, years: number, days = 0): LocalDate {
  const [y, m, d] = date.split('-');
  return addDays(`${String(Number(y) - years).padStart(4, '0')}-${m}-${d}` as LocalDate, -days);
}

export function expectRefusal(refusal: Refusal, condition: string, message?: string | RegExp): void {
  expect(refusal.condition).toBe(condition);
  if (typeof message === 'string') expect(refusal.message).toBe(message);
  else if (message) expect(refusal.message).toMatch(message);
}
