import type { TestWorkflowEnvironment } from '@temporalio/testing';
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
import type { CapturedMail, CaptureSmtpServer } from '../../../libs/mailbox/src';
import type { LedgerEntry } from '../../../workflows/case-messages';
import { type CaseDriver, eventually } from '../../support/case-driver';
import { startWorkflowWorld, type WorkflowWorld } from '../../support/case-worker-harness';
import { createTestDatabase } from '../../support/runtime';

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

const TIMER_TEST_TIMEOUT_MS = 90_000;
const WORLD_HOOK_TIMEOUT_MS = 120_000;

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
 * A time-skipping Temporal server, capture SMTP server and worker for each test, over one database per
 * file, and the helpers the tests share. On CI (never here), one test of a file that shared a server
 * found its case's first command unanswered, and every later test in the file then waited until jest gave
 * up. The Java test server is known to lose tasks it routes to a worker's sticky queue (see
 * startWorkflowWorld), so the worker caches nothing and is never given one; and each test has a server of
 * its own, so that nothing of one test's cases reaches the next.
 */
export class TimerWorld {
  private world?: WorkflowWorld;
  private databaseUrl?: string;

  async start(): Promise<void> {
    this.databaseUrl ??= await createTestDatabase();
    this.world = await startWorkflowWorld({ withoutWorkflowCache: true, databaseUrl: this.databaseUrl });
  }

  async stop(): Promise<void> {
    const world = this.world;
    this.world = undefined;
    await world?.stop();
  }

  get env(): TestWorkflowEnvironment {
    return this.started().env;
  }

  get smtp(): CaptureSmtpServer {
    return this.started().smtp;
  }

  get cases(): CaseDriver {
    return this.started().cases;
  }

  private started(): WorkflowWorld {
    if (!this.world) throw new Error('the timer world is not started: timerWorld() starts it before each test');
    return this.world;
  }

  /** Opens a case (STANDARD risk noise case, team north, amira.khan, with complainant and adult MBC tenant by default). */
  async open(overrides: Partial<OpenCaseCommand> = {}): Promise<string> {
    return (await this.cases.open({ ...NOISE_CASE, ...overrides })).reference;
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

/**
 * A TimerWorld wired to this file's beforeEach / afterEach. A test that still meets a server which stops
 * answering is run again on a fresh one, and gives up sooner than jest's default: these tests take seconds.
 */
export function timerWorld(): TimerWorld {
  const world = new TimerWorld();
  jest.retryTimes(2, { logErrorsBeforeRetry: true });
  jest.setTimeout(TIMER_TEST_TIMEOUT_MS);
  beforeEach(() => world.start(), WORLD_HOOK_TIMEOUT_MS);
  afterEach(() => world.stop(), WORLD_HOOK_TIMEOUT_MS);
  return world;
}

/** Whole calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
