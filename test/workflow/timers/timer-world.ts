import { TZDate } from '@date-fns/tz';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import {
  addMonths,
  type AlertAudience,
  alertAudienceOf,
  DEADLINE_CATALOGUE,
  type DeadlineKind,
  localDate,
  type LocalDate,
  londonDateOf,
  type OpenCaseCommand,
  type Subject,
} from '../../../libs/domain/src';
import { type CapturedMail, CaptureSmtpServer } from '../../../libs/mailbox/src';
import type { LedgerEntry } from '../../../workflows/case-messages';
import { CaseDriver, eventually } from '../../support/case-driver';
import { type RunningCaseWorker, startCaseWorker, TEST_TASK_QUEUE } from '../../support/case-worker-harness';
import { createTestDatabase } from '../../support/runtime';
import { startTimeSkippingTemporal } from '../../support/temporal';

/**
 * Who each alert audience is, from deploy/local/directory.json: the cases here are team "north",
 * held by caseworker amira.khan.
 */
export const RECIPIENT: Readonly<Record<AlertAudience, string>> = {
  MANAGER: 'jo.bennett@melton.example',
  HEAD_OF_SERVICE: 'helen.ward@melton.example',
  LEGAL: 'legal@melton.example',
  CASEWORKER: 'amira.khan@melton.example',
  PARTNER_AGENCY: 'pc.lewis@police.example',
  CASE_REVIEW_COORDINATOR: 'case-review@melton.example',
};

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const COMPLAINANT = { id: 'c1', name: 'Pat Lee', vulnerable: false } as const;
export const ADULT_TENANT: Subject = { id: 's1', name: 'Jordan Reed', dateOfBirth: localDate('1990-05-01'), tenure: 'MBC_TENANT' };

export const NOISE_CASE: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Loud music and shouting from the flat below most nights after midnight.',
  riskLevel: 'STANDARD',
  team: 'north',
  caseworker: 'amira.khan',
  location: { ward: 'Egerton', priorityNeighbourhood: false },
  complainants: [COMPLAINANT],
  subjects: [ADULT_TENANT],
  openedBy: 'amira.khan',
};

/** Is `mail` the alert for a missed `kind` on case `reference`? */
export function isAlertFor(mail: CapturedMail, reference: string, kind: DeadlineKind): boolean {
  return kind === 'CASE_REVIEW'
    ? mail.subject.startsWith(`Overdue review: ${reference}`)
    : mail.subject.startsWith(`Missed deadline: ${DEADLINE_CATALOGUE[kind].title} on ${reference}`);
}

/**
 * One time-skipping Temporal server, capture SMTP server, database and worker for a test file, and
 * the helpers its tests share. Cases a test opens are terminated after it, so that their timers do
 * not keep firing (and mailing) while later tests in the file move time on.
 */
export class TimerWorld {
  env!: TestWorkflowEnvironment;
  smtp!: CaptureSmtpServer;
  cases!: CaseDriver;
  private worker?: RunningCaseWorker;
  private opened: string[] = [];

  async start(): Promise<void> {
    this.env = await startTimeSkippingTemporal();
    this.smtp = new CaptureSmtpServer();
    const smtpPort = await this.smtp.listen(0);
    const worker = await startCaseWorker(this.env, { databaseUrl: await createTestDatabase(), smtpUrl: `smtp://127.0.0.1:${smtpPort}` });
    this.worker = worker;
    this.cases = new CaseDriver(this.env, TEST_TASK_QUEUE, worker.orm);
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.smtp?.close();
    await this.env?.teardown();
  }

  async finishOpenCases(): Promise<void> {
    const references = this.opened.splice(0);
    for (const reference of references) {
      const handle = this.env.client.workflow.getHandle(reference);
      try {
        if ((await handle.describe()).status.name !== 'RUNNING') continue;
        // An activity or workflow task running when its case is terminated (a notice being made on record,
        // a save in the task) never reports back, and the test server then keeps time locked for it: every
        // later sleep in the file would wait in real time, and every later test time out.
        await eventually(async () => {
          const { raw } = await handle.describe();
          const activityRunning = (raw.pendingActivities ?? []).some((activity) => activity.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);
          return !raw.pendingWorkflowTask && !activityRunning;
        });
        await handle.terminate('test finished');
      } catch {
        // Already ended: nothing to stop.
      }
    }
  }

  /** Opens a case (STANDARD risk noise case, team north, amira.khan, with complainant and adult MBC tenant by default). */
  async open(overrides: Partial<OpenCaseCommand> = {}): Promise<string> {
    const { reference } = await this.cases.open({ ...NOISE_CASE, ...overrides });
    this.opened.push(reference);
    return reference;
  }

  /** The test server's clock. */
  async now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  /** Today in England, on the test server's clock. */
  async today(): Promise<LocalDate> {
    return londonDateOf(new Date(await this.now()));
  }

  /** A subject (an MBC tenant's child) who is `years` old and a few months today. */
  async youngPerson(years: number): Promise<Subject> {
    return { id: 's1', name: 'Casey Dunn', dateOfBirth: addMonths(await this.today(), -(years * 12 + 3)), tenure: 'MBC_TENANT' };
  }

  /** Moves the server's clock to `instantMs` (no-op if it is already past). */
  async sleepUntil(instantMs: number): Promise<void> {
    const now = await this.now();
    if (instantMs > now) await this.env.sleep(instantMs - now);
  }

  /** To the last hour before `deadline` passes: on its due day, for a date deadline. */
  async sleepToJustBefore(deadline: LedgerEntry): Promise<void> {
    await this.sleepUntil(Date.parse(deadline.dueAt) - HOUR_MS);
  }

  /** Past the moment `deadline` passes: midday the day after its due date, or an hour after an hour limit. */
  async sleepPast(deadline: LedgerEntry): Promise<void> {
    const dateDeadline = londonDateOf(new Date(Date.parse(deadline.dueAt) + 1)) !== deadline.dueOn;
    await this.sleepUntil(Date.parse(deadline.dueAt) + (dateDeadline ? 12 * HOUR_MS : HOUR_MS));
  }

  async ledger(reference: string): Promise<LedgerEntry[]> {
    return this.cases.ledger(reference);
  }

  /** The ledger entry of `kind` (the latest planned, or the one with `id`); fails if there is none. */
  async deadline(reference: string, kind: DeadlineKind, id?: string): Promise<LedgerEntry> {
    const entries = (await this.ledger(reference)).filter((entry) => entry.kind === kind && (!id || entry.id === id));
    const entry = entries.at(-1);
    if (!entry) throw new Error(`${reference} has no ${kind}${id ? ` ${id}` : ''} deadline`);
    return entry;
  }

  /** The alerts sent about a missed `kind` on `reference`. */
  alertsFor(reference: string, kind: DeadlineKind): CapturedMail[] {
    return this.smtp.received.filter((mail) => isAlertFor(mail, reference, kind));
  }

  /** Waits (real time) until the case has no activity in flight: its saves and alerts have landed. */
  async settle(reference: string): Promise<void> {
    const handle = this.env.client.workflow.getHandle(reference);
    await eventually(async () => {
      const description = await handle.describe();
      return !description.raw.pendingWorkflowTask && (description.raw.pendingActivities ?? []).length === 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  /**
   * The missed-duty path: the ledger shows the deadline MISSED, and exactly one alert about it reached
   * the audience the catalogue names for it (or `to`, where the directory sends it elsewhere). Returns the alert.
   */
  async expectMissedWithOneAlert(reference: string, deadlineId: string, to?: string): Promise<CapturedMail> {
    const kind = (await this.ledger(reference)).find((entry) => entry.id === deadlineId)?.kind;
    if (!kind) throw new Error(`${reference} has no deadline ${deadlineId}`);
    const audience = alertAudienceOf(kind);
    if (!audience) throw new Error(`${kind} is not a duty with an alert`);
    await this.smtp.waitFor((mail) => isAlertFor(mail, reference, kind));
    await eventually(async () => (await this.deadline(reference, kind, deadlineId)).status === 'MISSED');
    await this.settle(reference);
    const missed = await this.deadline(reference, kind, deadlineId);
    expect(missed.status).toBe('MISSED');
    expect(missed.resolution).toBe(`passed unmet at ${missed.dueAt}`);
    expect(Date.parse(missed.resolvedAt!)).toBeGreaterThanOrEqual(Date.parse(missed.dueAt));
    const alerts = this.alertsFor(reference, kind);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.to).toEqual([to ?? RECIPIENT[audience]]);
    return alerts[0]!;
  }

  /** Every alert about the case is the one alert of a duty the ledger shows MISSED: periods and met duties alert nobody. */
  async expectAlertsOnlyForMissedDuties(reference: string): Promise<void> {
    await this.settle(reference);
    const missed = (await this.ledger(reference)).filter((entry) => entry.status === 'MISSED');
    expect(missed.every((entry) => entry.nature === 'DUTY')).toBe(true);
    // Reminders and legal-step notices are not alerts: only the missed-duty alerts are counted here.
    const mails = this.smtp.received.filter((mail) => mail.subject.includes(reference) && /^(Overdue review|Missed deadline): /.test(mail.subject));
    expect(mails.map((mail) => missed.filter((entry) => isAlertFor(mail, reference, entry.kind)).length > 0)).not.toContain(false);
    expect(mails).toHaveLength(missed.length);
  }

  /** No alert about `kind` on `reference` went out, once the case has settled. */
  async expectNoAlert(reference: string, kind: DeadlineKind): Promise<void> {
    await this.settle(reference);
    expect(this.alertsFor(reference, kind)).toHaveLength(0);
  }
}

/** A TimerWorld wired to this file's beforeAll / afterEach / afterAll. */
export function timerWorld(): TimerWorld {
  const world = new TimerWorld();
  beforeAll(() => world.start());
  afterEach(() => world.finishOpenCases());
  afterAll(() => world.stop());
  return world;
}

/** `hour`:00 on `date` in England, as an instant. */
export function londonTime(date: LocalDate, hour: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, 0, 0, 0, 'Europe/London').getTime());
}

/** Whole calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
