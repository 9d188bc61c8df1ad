import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client } from 'pg';
import type { OpenCaseCommand } from '../../libs/domain/src';
import type { CaptureSmtpServer } from '../../libs/mailbox/src';
import { type CaseDriver, eventually } from '../support/case-driver';
import { startWorkflowWorld, type WorkflowWorld } from '../support/case-worker-harness';
import { activityAttempts } from '../support/activity-attempts';
import { HIGH_RISK_NOISE as HIGH_RISK } from '../support/case-requests';
import { testRuntime } from '../support/runtime';

/** The shared HIGH risk case, here with a vulnerable complainant. */
const HIGH_RISK_NOISE: OpenCaseCommand = { ...HIGH_RISK, complainants: [{ id: 'c1', name: 'Pat Lee', vulnerable: true }] };

/**
 * PostgreSQL away for a while is not a refusal: what the case must write waits, retried, and is written
 * once PostgreSQL is back. The outage is real: the worker's database stops taking connections and its
 * open ones are ended, as a restarting server does.
 */
describe('a PostgreSQL outage, on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let world: WorkflowWorld;
  let cases: CaseDriver;
  let admin: Client;
  let database: string;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    ({ env, smtp, cases } = world);
    const [current] = await world.worker.orm.em.fork().execute<{ database: string }[]>('select current_database() as database');
    database = current!.database;
    admin = new Client({ connectionString: testRuntime().postgresAdminUrl });
    await admin.connect();
  });

  // Whatever a test's outcome, the next one starts with PostgreSQL up.
  afterEach(() => bringBack());

  afterAll(async () => {
    await admin?.end();
    await world?.stop();
  });

  const takeDown = async () => {
    await admin.query(`alter database ${database} allow_connections false`);
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [database]);
  };
  const bringBack = () => admin.query(`alter database ${database} allow_connections true`);
  /** Long enough for attempts at 0, 1 and 3 seconds (the workflows' backoff): the test server does not list pending activities. */
  const whileRetrying = () => new Promise((resolve) => setTimeout(resolve, 4_000));
  const lastSaveAttempt = async (reference: string) => (await activityAttempts(env.client, reference, 'saveCaseFile')).at(-1);
  const readModel = async (reference: string) => {
    const [row] = await world.worker.orm.em.fork().execute<{ version: number }[]>('select version from asb_case where reference = ?', [reference]);
    return row;
  };

  it('retries a command’s save while PostgreSQL is away, and the command succeeds once it is back', async () => {
    const { reference, version } = await cases.open(HIGH_RISK_NOISE);
    await takeDown();
    const contact = cases.run(reference, 'recordInitialContact', { summary: 'Visited Pat; diary sheets left.' });
    await whileRetrying();
    expect(await cases.file(reference)).toMatchObject({ version, stage: 'ALLOCATED' });
    await bringBack();

    expect(await contact).toMatchObject({ version: version + 1, stage: 'ACTIVE' });
    expect(await lastSaveAttempt(reference)).toBeGreaterThanOrEqual(3);
    expect(await readModel(reference)).toEqual({ version: version + 1 });
    expect(await world.worker.orm.em.fork().execute('select * from case_save_failure')).toEqual([]);
  });

  it('records a deadline that passed while PostgreSQL was away, and alerts the manager, once it is back', async () => {
    const opened = await cases.open(HIGH_RISK_NOISE);
    const review = opened.deadlines.find((deadline) => deadline.kind === 'CASE_REVIEW')!;
    // Up to an hour before the review is due with PostgreSQL up, so that only the review falls in the outage:
    // what came before (the missed initial contact, the caseworker's reminder) is saved and told.
    await env.sleep(Date.parse(review.dueAt) - 3_600_000 - (await env.currentTimeMs()));
    await eventually(async () => {
      const reminded = await world.worker.orm.em.fork().execute(`select 1 from case_timeline_entry where reference = ? and kind = 'ALERT_SENT' and summary like 'case review reminder%'`, [opened.reference]);
      return reminded.length > 0;
    });
    await takeDown();

    await env.sleep(3_600_000 + 10_000);
    await whileRetrying();
    expect(await cases.statuses(opened.reference, 'CASE_REVIEW')).toEqual(['PENDING']);
    await bringBack();

    await eventually(async () => (await cases.statuses(opened.reference, 'CASE_REVIEW')).includes('MISSED'));
    expect(await lastSaveAttempt(opened.reference)).toBeGreaterThanOrEqual(2);
    const [alert] = await smtp.waitFor((mail) => mail.subject.startsWith(`Overdue review: ${opened.reference}`));
    expect(alert!.to).toEqual(['jo.bennett@melton.example']);
    const [row] = await world.worker.orm.em.fork().execute<{ status: string }[]>(`select status from case_deadline where reference = ? and deadline_id = ?`, [opened.reference, review.id]);
    expect(row).toEqual({ status: 'MISSED' });
  });
});
