import { Client } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, type LocalDate, londonDateOf } from '../../libs/domain/src';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { eventually } from '../support/case-driver';
import { startDevServerTemporal } from '../support/dev-server';
import { exitOf, spawnCompiled, waitForOutput } from '../support/processes';
import { createTestDatabase } from '../support/runtime';
import { type ApiClient, NORTH_OFFICER, type RunningService, startService } from '../support/service';
import { startTimeSkippingTemporal } from '../support/temporal';

const AUTHOR = { sub: 'asb-admin', name: 'Policy Author', roles: ['admin'] } as const;
const APPROVER = { sub: 'second-admin', name: 'Policy Approver', roles: ['admin'] } as const;
const TASK_QUEUE = 'asb-policy-fan-out';

/** A HIGH-risk case with no parties: reviewed every 7 days under 2026.1, and never a possible duplicate of another. */
const HIGH_RISK = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'COMMUNITY_DISRUPTION',
  channel: 'CUSTOMER_SERVICES_CALL',
  summary: 'Motorbikes ridden across the playing field in the evenings.',
  riskLevel: 'HIGH',
  team: 'north',
  location: { priorityNeighbourhood: false },
} as const;

/** HIGH-risk cases reviewed every 5 days instead of 7, from `effectiveFrom`, reaching open cases from `reachesOpenCasesFrom`. */
const shorterReviews = (id: string, effectiveFrom: LocalDate, reachesOpenCasesFrom: LocalDate) => ({
  id,
  basedOn: '2026.1',
  effectiveFrom,
  appliesToOpenCasesFrom: reachesOpenCasesFrom,
  local: { reviewIntervalDays: { HIGH: 5, MEDIUM: 10, STANDARD: 21 } },
});

interface FanOutWorld {
  readonly env: TestWorkflowEnvironment;
  readonly databaseUrl: string;
  readonly service: RunningService;
  readonly caseworker: ApiClient;
  readonly author: ApiClient;
  /** Drafted by one admin and approved by another: published. */
  publish(draft: object): Promise<void>;
  openCases(count: number): Promise<string[]>;
  progressWhen(policyVersionId: string, status: string, timeoutMs: number): Promise<any>;
  stop(): Promise<void>;
}

async function startFanOutWorld(env: TestWorkflowEnvironment, options: { worker: boolean }): Promise<FanOutWorld & { smtpUrl: string }> {
  const smtp = new CaptureSmtpServer();
  const smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
  const databaseUrl = await createTestDatabase();
  const service = await startService({ temporalAddress: env.address, databaseUrl, smtpUrl, taskQueue: TASK_QUEUE }, { worker: options.worker });
  const caseworker = await service.client(NORTH_OFFICER);
  const author = await service.client(AUTHOR);
  const approver = await service.client(APPROVER);
  return {
    env,
    databaseUrl,
    smtpUrl,
    service,
    caseworker,
    author,
    async publish(draft) {
      const drafted = await author('POST', '/policy-versions', { body: draft });
      if (drafted.status !== 201) throw new Error(`setup: draft: ${drafted.status} ${JSON.stringify(drafted.body)}`);
      const approved = await approver('POST', `/policy-versions/${drafted.body.id}/approval`);
      if (approved.status !== 201) throw new Error(`setup: approval: ${approved.status} ${JSON.stringify(approved.body)}`);
    },
    async openCases(count) {
      const references: string[] = [];
      for (let batch = 0; batch < count; batch += 10) {
        const opened = await Promise.all(Array.from({ length: Math.min(10, count - batch) }, () => caseworker('POST', '/cases', { body: HIGH_RISK })));
        for (const response of opened) {
          if (response.status !== 201) throw new Error(`setup: open: ${response.status} ${JSON.stringify(response.body)}`);
          references.push(response.body.reference);
        }
      }
      return references.sort();
    },
    progressWhen(policyVersionId, status, timeoutMs) {
      return eventually(async () => {
        const progress = (await author('GET', `/policy-versions/${policyVersionId}/fan-out`)).body;
        return progress.status === status ? progress : undefined;
      }, timeoutMs);
    },
    async stop() {
      await service.stop();
      await smtp.close();
      await env.teardown();
    },
  };
}

async function sql<T = any>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query(text, values)).rows;
  } finally {
    await db.end();
  }
}

describe('a published policy version reaches the open cases under earlier versions: on the full Temporal server, a fan-out survives its worker', () => {
  let world: Awaited<ReturnType<typeof startFanOutWorld>>;
  let worker: ReturnType<typeof spawnCompiled>;

  const startWorker = async () => {
    worker = spawnCompiled('apps/worker/src/main.js', { TEMPORAL_ADDRESS: world.env.address, TEMPORAL_TASK_QUEUE: TASK_QUEUE, DATABASE_URL: world.databaseUrl, SMTP_URL: world.smtpUrl, LOG_LEVEL: 'info' });
    await waitForOutput(worker, 'polling task queue');
  };

  beforeAll(async () => {
    world = await startFanOutWorld(await startDevServerTemporal(), { worker: false });
    await startWorker();
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await world?.stop();
  });

  it('moves 200 open cases exactly once though its worker is killed halfway, each as its dry run said', async () => {
    const { author } = world;
    const references = await world.openCases(200);
    const today = londonDateOf(new Date());
    await world.publish(shorterReviews('2026.7', today, today));

    const plan = await author('GET', '/policy-versions/2026.7/fan-out-plan');
    expect(plan.status).toBe(200);
    expect(plan.body.cases.map((entry: { reference: string }) => entry.reference)).toEqual(references);
    expect(plan.body.restrictedNotListed).toBe(0);
    // Opened today, HIGH risk: the review falls due in 5 days instead of 7.
    for (const entry of plan.body.cases) {
      expect(entry).toEqual({ reference: entry.reference, outcome: 'WOULD_MOVE', moves: [{ kind: 'CASE_REVIEW', title: 'Case review', from: addDays(today, 7), to: addDays(today, 5) }] });
    }

    expect((await author('POST', '/policy-versions/2026.7/fan-out', { body: { reason: 'The board shortened the reviews of HIGH-risk cases.' } })).status).toBe(202);
    await eventually(async () => (await sql(world.databaseUrl, `select count(*)::int as n from asb_case where policy_version = '2026.7'`))[0].n >= 100, 120_000);
    worker.kill('SIGKILL');
    await exitOf(worker);
    // With no worker the fan-out cannot be asked (a query needs one); the cases say how far it came.
    const movedBeforeKill = (await sql(world.databaseUrl, `select count(*)::int as n from asb_case where policy_version = '2026.7'`))[0].n;
    expect(movedBeforeKill).toBeLessThan(200);

    await startWorker();
    // Asked again: the same fan-out answers, once the new worker has taken it up (until then a 503 says to retry), and nothing starts twice.
    await eventually(async () => (await author('POST', '/policy-versions/2026.7/fan-out', { body: { reason: 'Pressed again.' } })).status === 202, 120_000);
    const done = await world.progressWhen('2026.7', 'DONE', 240_000);
    expect(done.refused).toEqual([]);
    expect([...done.moved, ...done.alreadyUnderIt].sort()).toEqual(references);
    expect(done.total).toBe(200);

    const moves = await sql(world.databaseUrl, `select reference, count(*)::int as moves from case_timeline_entry where kind = 'POLICY_VERSION_CHANGED' group by reference order by reference`);
    expect(moves).toEqual(references.map((reference) => ({ reference, moves: 1 })));
    const reviews = await sql(
      world.databaseUrl,
      `select reference, status, to_char(due_on, 'YYYY-MM-DD') as due_on from case_deadline where kind = 'CASE_REVIEW' and reference = any($1) and status in ('PENDING', 'CANCELLED')`,
      [references],
    );
    const byCase = new Map<string, Record<string, string>>();
    for (const row of reviews) byCase.set(row.reference, { ...byCase.get(row.reference), [row.status]: row.due_on });
    for (const entry of plan.body.cases) expect(byCase.get(entry.reference)).toEqual({ CANCELLED: entry.moves[0].from, PENDING: entry.moves[0].to });
  }, 600_000);

  it('is for admins alone; a version that names no date for open cases has nothing to move', async () => {
    const { author, caseworker } = world;
    expect((await caseworker('GET', '/policy-versions/2026.7/fan-out-plan')).status).toBe(403);
    expect((await caseworker('POST', '/policy-versions/2026.7/fan-out', { body: { reason: 'x' } })).status).toBe(403);
    const shipped = await author('GET', '/policy-versions/2026.1/fan-out-plan');
    expect(shipped.status).toBe(409);
    expect(shipped.body.type).toMatch(/names-no-open-cases$/);
    expect((await author('GET', '/policy-versions/2099.1/fan-out-plan')).status).toBe(404);
    expect((await author('GET', '/policy-versions/2026.1/fan-out')).status).toBe(404);
  });
});

describe('a fan-out waits for the date its version names, on the time-skipping server', () => {
  let world: Awaited<ReturnType<typeof startFanOutWorld>>;

  beforeAll(async () => {
    world = await startFanOutWorld(await startTimeSkippingTemporal(), { worker: true });
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('moves no case before the start of that day in England, then moves it on that day, as its dry run said', async () => {
    const { author, caseworker, env } = world;
    const [reference] = await world.openCases(1);
    const today = londonDateOf(new Date());
    const from = addDays(today, 3);
    await world.publish(shorterReviews('2026.7', today, from));

    const plan = (await author('GET', '/policy-versions/2026.7/fan-out-plan')).body;
    expect(plan).toMatchObject({ commencesOn: from, asOf: from });
    expect(plan.cases).toEqual([{ reference, outcome: 'WOULD_MOVE', moves: [{ kind: 'CASE_REVIEW', title: 'Case review', from: addDays(today, 7), to: addDays(today, 5) }] }]);

    expect((await author('POST', '/policy-versions/2026.7/fan-out', { body: { reason: 'Commenced by the board.' } })).body).toMatchObject({ status: 'WAITING_FOR_COMMENCEMENT', total: 1, moved: [] });
    await env.sleep('2 days');
    expect((await caseworker('GET', `/cases/${reference}`)).body.policyVersion).toBe('2026.1');
    await env.sleep('1 day');
    expect((await world.progressWhen('2026.7', 'DONE', 60_000)).moved).toEqual([reference]);
    const moved = (await caseworker('GET', `/cases/${reference}`)).body;
    expect(moved.policyVersion).toBe('2026.7');
  }, 300_000);
});
