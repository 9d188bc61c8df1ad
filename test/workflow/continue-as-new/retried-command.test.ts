import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { localDate, type OpenCaseCommand } from '../../../libs/domain/src';
import { CaptureSmtpServer } from '../../../libs/mailbox/src';
import { ensureCaseSearchAttributes } from '../../../libs/temporal/src';
import { caseCommand } from '../../../workflows/case-messages';
import { CaseDriver, eventually } from '../../support/case-driver';
import { type RunningCaseWorker, startCaseWorker, TEST_TASK_QUEUE } from '../../support/case-worker-harness';
import { startDevServerTemporal } from '../../support/dev-server';
import { createTestDatabase } from '../../support/runtime';

const BUSY_CASE: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Loud music most nights from the flat above, reported by the tenant below.',
  riskLevel: 'STANDARD',
  team: 'south',
  caseworker: 'tom.price',
  location: { ward: 'Sysonby', priorityNeighbourhood: false },
  complainants: [{ id: 'c1', name: 'Priya Shah', vulnerable: false }],
  subjects: [{ id: 's1', name: 'Dean Walsh', dateOfBirth: localDate('1990-07-14'), tenure: 'MBC_TENANT' }],
  openedBy: 'tom.price',
};

/**
 * Temporal answers a repeated update id only within one run. An API instance that dies after the case
 * took a command, before it kept the answer, leaves the client to retry with the same Idempotency-Key
 * (the same update id); if the case continued as new meanwhile, the retry reaches a run that never saw
 * it. On the dev server (the real server), where a case continues as new as it does in production.
 */
describe('a command retried after its case continued as new', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let worker: RunningCaseWorker;
  let cases: CaseDriver;

  beforeAll(async () => {
    env = await startDevServerTemporal();
    await ensureCaseSearchAttributes(env.address, 'default');
    smtp = new CaptureSmtpServer();
    worker = await startCaseWorker(env, { databaseUrl: await createTestDatabase(), smtpUrl: `smtp://127.0.0.1:${await smtp.listen(0)}` });
    cases = new CaseDriver(env, TEST_TASK_QUEUE, worker.orm);
  });

  afterAll(async () => {
    await worker?.stop();
    await smtp?.close();
    await env?.teardown();
  });

  it('gets its first answer and acts once, with or without the version it named, and an opening too', async () => {
    // A low threshold forces what a real case reaches after years of history.
    const opened = await cases.open(BUSY_CASE, { continueAsNewAfterEvents: 40, updateId: 'open-case:key-open-1' });
    const { reference } = opened;
    const handle = env.client.workflow.getHandle(reference);
    const firstRun = (await handle.describe()).runId;
    const first = { occurredAt: new Date(Date.now() - 7_200_000).toISOString(), description: 'Music until 3am, again.', subjectIds: ['s1'] };
    const second = { ...first, occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Shouting on the landing.' };
    // One caller named the version it saw (If-Match), as the console does; the other did not.
    const withVersion = await cases.run(reference, 'recordIncident', first, 'tom.price', { updateId: 'recordIncident:key-1', expectedVersions: [opened.version] });
    const withoutVersion = await cases.run(reference, 'recordIncident', second, 'tom.price', { updateId: 'recordIncident:key-2' });

    await cases.run(reference, 'recordInitialContact', { summary: 'Phoned Priya; agreed weekly updates.' }, 'tom.price');
    for (let call = 1; (await handle.describe()).runId === firstRun; call += 1) {
      if (call > 30) throw new Error(`${reference} did not continue as new after 30 calls`);
      await cases.run(reference, 'recordComplainantUpdate', { summary: `Weekly update call ${call}.` }, 'tom.price');
    }
    const before = await eventually(async () => {
      const { runId, status } = await handle.describe();
      return runId !== firstRun && status.name === 'RUNNING' ? cases.file(reference) : undefined;
    });

    const retry = (updateId: string, envelope: { actor: string; command: typeof first; expectedVersions?: number[] }) =>
      env.client.workflow.getHandle(reference).executeUpdate(caseCommand('recordIncident'), { args: [envelope], updateId });
    expect(await retry('recordIncident:key-1', { actor: 'tom.price', command: first, expectedVersions: [opened.version] })).toEqual({ reference, version: withVersion.version });
    expect(await retry('recordIncident:key-2', { actor: 'tom.price', command: second })).toEqual({ reference, version: withoutVersion.version });
    const reopened = await cases.open(BUSY_CASE, { reference, updateId: 'open-case:key-open-1' });
    expect(reopened.version).toBe(before.version);

    const after = await cases.file(reference);
    expect(after.incidents.map((each) => each.description)).toEqual(['Music until 3am, again.', 'Shouting on the landing.']);
    expect(after.version).toBe(before.version);

    // A new key is a new command, in the new run as in the first.
    const third = await cases.run(reference, 'recordIncident', { ...second, description: 'Music until 4am.' }, 'tom.price', { updateId: 'recordIncident:key-3' });
    expect(third.incidents.map((each) => each.description)).toEqual(['Music until 3am, again.', 'Shouting on the landing.', 'Music until 4am.']);
    expect(third.version).toBe(before.version + 1);
  }, 90_000);
});
