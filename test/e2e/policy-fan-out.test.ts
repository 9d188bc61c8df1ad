import { Client } from 'pg';
import { addDays, londonDateOf } from '../../libs/domain/src';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { eventually } from '../support/case-driver';
import { exitOf, spawnCompiled, waitForOutput } from '../support/processes';
import { createTestDatabase } from '../support/runtime';
import { type ApiClient, NORTH_OFFICER, type RunningService, startService } from '../support/service';
import { startTimeSkippingTemporal } from '../support/temporal';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

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

describe('a published policy version reaches the open cases it names: dry run, then a fan-out that survives its worker', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let databaseUrl: string;
  let service: RunningService;
  let caseworker: ApiClient;
  let author: ApiClient;
  let approver: ApiClient;
  let worker: ReturnType<typeof spawnCompiled>;
  let smtpUrl: string;

  const startWorker = async () => {
    worker = spawnCompiled('apps/worker/src/main.js', { TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: TASK_QUEUE, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, LOG_LEVEL: 'warn' });
    await waitForOutput(worker, 'polling task queue');
  };

  /** Drafted by one admin and approved by another: published. */
  const publish = async (draft: object) => {
    const drafted = await author('POST', '/policy-versions', { body: draft });
    expect(drafted.status).toBe(201);
    const approved = await approver('POST', `/policy-versions/${drafted.body.id}/approval`);
    expect(approved.status).toBe(200);
    return approved.body;
  };

  const openCases = async (count: number): Promise<string[]> => {
    const references: string[] = [];
    for (let batch = 0; batch < count; batch += 10) {
      const opened = await Promise.all(Array.from({ length: Math.min(10, count - batch) }, () => caseworker('POST', '/cases', { body: HIGH_RISK })));
      for (const response of opened) {
        if (response.status !== 201) throw new Error(`setup: open: ${response.status} ${JSON.stringify(response.body)}`);
        references.push(response.body.reference);
      }
    }
    return references.sort();
  };

  beforeAll(async () => {
    env = await startTimeSkippingTemporal();
    smtp = new CaptureSmtpServer();
    smtpUrl = `smtp://127.0.0.1:${await smtp.listen(0)}`;
    databaseUrl = await createTestDatabase();
    service = await startService({ temporalAddress: env.address, databaseUrl, smtpUrl, taskQueue: TASK_QUEUE }, { worker: false });
    await startWorker();
    caseworker = await service.client(NORTH_OFFICER);
    author = await service.client(AUTHOR);
    approver = await service.client(APPROVER);
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await service?.stop();
    await smtp?.close();
    await env?.teardown();
  });

  it('moves 200 open cases exactly once though its worker is killed halfway, each as its dry run said', async () => {
    const references = await openCases(200);
    const today = londonDateOf(new Date());
    await publish({
      id: '2026.7',
      basedOn: '2026.1',
      effectiveFrom: today,
      appliesToOpenCasesFrom: today,
      local: { reviewIntervalDays: { HIGH: 5, MEDIUM: 10, STANDARD: 21 } },
    });

    const plan = await author('GET', '/policy-versions/2026.7/fan-out-plan');
    expect(plan.status).toBe(200);
    expect(plan.body.cases.map((entry: { reference: string }) => entry.reference)).toEqual(references);
    expect(plan.body.restrictedNotListed).toBe(0);
    // Opened today, HIGH risk: the review falls due in 5 days instead of 7.
    for (const entry of plan.body.cases) {
      expect(entry).toEqual({ reference: entry.reference, outcome: 'WOULD_MOVE', moves: [{ kind: 'CASE_REVIEW', title: 'Case review', from: addDays(today, 7), to: addDays(today, 5) }] });
    }

    const started = await author('POST', '/policy-versions/2026.7/fan-out', { body: { reason: 'The board shortened the reviews of HIGH-risk cases.' } });
    expect(started.status).toBe(202);
    await eventually(async () => (await author('GET', '/policy-versions/2026.7/fan-out')).body.moved.length >= 100, 120_000);
    worker.kill('SIGKILL');
    await exitOf(worker);
    const halfway = (await author('GET', '/policy-versions/2026.7/fan-out')).body;
    expect(halfway.status).toBe('MOVING');
    expect(halfway.remaining).toBeGreaterThan(0);

    // Asked again meanwhile: the same fan-out answers, and nothing starts twice.
    expect((await author('POST', '/policy-versions/2026.7/fan-out', { body: { reason: 'Pressed again.' } })).status).toBe(202);

    await startWorker();
    const done = await eventually(async () => {
      const progress = (await author('GET', '/policy-versions/2026.7/fan-out')).body;
      return progress.status === 'DONE' ? progress : undefined;
    }, 240_000);
    expect(done.refused).toEqual([]);
    expect([...done.moved, ...done.alreadyUnderIt].sort()).toEqual(references);
    expect(done.total).toBe(200);

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const moves = await db.query(`select reference, count(*)::int as moves from case_timeline where kind = 'POLICY_VERSION_CHANGED' group by reference order by reference`);
      expect(moves.rows).toEqual(references.map((reference) => ({ reference, moves: 1 })));
      const versions = await db.query(`select distinct policy_version from asb_case where reference = any($1)`, [references]);
      expect(versions.rows).toEqual([{ policy_version: '2026.7' }]);
      const reviews = await db.query(
        `select reference, status, to_char(due_on, 'YYYY-MM-DD') as due_on from case_deadline where kind = 'CASE_REVIEW' and reference = any($1) and status in ('PENDING', 'CANCELLED') order by reference, status`,
        [references],
      );
      const byCase = new Map<string, Record<string, string>>();
      for (const row of reviews.rows) byCase.set(row.reference, { ...byCase.get(row.reference), [row.status]: row.due_on });
      for (const entry of plan.body.cases) expect(byCase.get(entry.reference)).toEqual({ CANCELLED: entry.moves[0].from, PENDING: entry.moves[0].to });
    } finally {
      await db.end();
    }
  }, 600_000);

  it('waits for the commencement before moving a case, then moves it on that day', async () => {
    const [reference] = await openCases(1);
    const today = londonDateOf(new Date());
    const commencement = addDays(today, 3);
    await publish({ id: '2026.8', basedOn: '2026.7', effectiveFrom: commencement, appliesToOpenCasesFrom: commencement, local: { reviewIntervalDays: { HIGH: 4, MEDIUM: 10, STANDARD: 21 } } });

    const plan = (await author('GET', '/policy-versions/2026.8/fan-out-plan')).body;
    expect(plan.asOf).toBe(commencement);
    expect(plan.cases.find((entry: { reference: string }) => entry.reference === reference)).toEqual({ reference, outcome: 'WOULD_MOVE', moves: [{ kind: 'CASE_REVIEW', title: 'Case review', from: addDays(today, 5), to: addDays(today, 4) }] });

    expect((await author('POST', '/policy-versions/2026.8/fan-out', { body: { reason: 'Commenced by the board.' } })).body).toMatchObject({ status: 'WAITING_FOR_COMMENCEMENT', moved: [] });
    await env.sleep('2 days');
    expect((await caseworker('GET', `/cases/${reference}`)).body.policyVersion).toBe('2026.7');
    await env.sleep('1 day');
    const done = await eventually(async () => {
      const progress = (await author('GET', '/policy-versions/2026.8/fan-out')).body;
      return progress.status === 'DONE' ? progress : undefined;
    }, 240_000);
    expect(done.moved).toContain(reference);
    expect((await caseworker('GET', `/cases/${reference}`)).body.policyVersion).toBe('2026.8');
  }, 300_000);

  it('is for admins alone, and a version that names no open cases has nothing to move', async () => {
    expect((await caseworker('GET', '/policy-versions/2026.7/fan-out-plan')).status).toBe(403);
    expect((await caseworker('POST', '/policy-versions/2026.7/fan-out', { body: { reason: 'x' } })).status).toBe(403);
    const plain = await author('GET', '/policy-versions/2026.1/fan-out-plan');
    expect(plain.status).toBe(409);
    expect(plain.body.type).toMatch(/names-no-open-cases$/);
    expect((await author('GET', '/policy-versions/2099.1/fan-out-plan')).status).toBe(404);
    expect((await author('GET', '/policy-versions/2026.1/fan-out')).status).toBe(404);
  });
});
