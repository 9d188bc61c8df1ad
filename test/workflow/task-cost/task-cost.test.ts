import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { HIGH_RISK_NOISE } from '../../support/case-requests';
import type { CaptureSmtpServer } from '../../../libs/mailbox/src';
import { caseCommand } from '../../../workflows/case-messages';
import { type CaseDriver, eventually } from '../../support/case-driver';
import { startWorkflowWorld, type WorkflowWorld } from '../../support/case-worker-harness';
import { atRest, completedInOneTask, costOf, historyOf, updateResultOf } from '../../support/history-cost';

/**
 * What a command and a missed deadline cost the server, counted from the case's history on the
 * time-skipping server with the real policy numbers: each workflow task is a round trip through the
 * server and a write of history, which is where a command's time goes.
 */
describe('what a command and a missed deadline cost in workflow tasks', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let world: WorkflowWorld;
  let cases: CaseDriver;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    ({ env, smtp, cases } = world);
  });

  afterAll(() => world?.stop());

  const readModelVersion = async (reference: string) => {
    const [row] = await world.worker.orm.em.fork().getConnection().execute<{ version: number }[]>('select version from asb_case where reference = ?', [reference]);
    return row?.version;
  };

  it('applies, saves and answers a command in one workflow task, and PostgreSQL has it before the answer', async () => {
    const { reference, version } = await cases.open(HIGH_RISK_NOISE);
    const before = await historyOf(env.client, reference);

    const updateId = randomUUID();
    const answered = await env.client.workflow
      .getHandle(reference)
      .executeUpdate(caseCommand('recordReview'), { updateId, args: [{ actor: 'amira.khan', command: { summary: 'Visited both households; music now off by 11pm.' } }] });
    // Read-your-writes: the read model holds this version when the command answers, not some time after.
    expect(await readModelVersion(reference)).toBe(answered.version);

    const after = await historyOf(env.client, reference);
    expect(completedInOneTask(after, updateId)).toBe(true);
    expect(costOf(after.slice(before.length))).toEqual({ workflowTasks: 1, activities: [], localActivities: 1 });
    // The answer written into the history is the new version, not the whole case file.
    expect(answered).toEqual({ reference, version: version + 1 });
    expect(updateResultOf(after, updateId)).toEqual({ reference, version: version + 1 });
  });

  it('records a missed review and alerts the manager once in two workflow tasks and one activity', async () => {
    const { reference } = await cases.open(HIGH_RISK_NOISE);
    // The caseworker's reminder (2 working days ahead) comes and goes before the review is missed.
    await env.sleep('6 days');
    await eventually(async () => ((await cases.file(reference)).remindersSent?.length ?? 0) > 0 || undefined);
    const beforeMiss = (await eventually(async () => {
      const events = await historyOf(env.client, reference);
      return atRest(events) ? events : undefined;
    })).length;

    await env.sleep('2 days');
    await smtp.waitFor((mail) => mail.subject.startsWith(`Overdue review: ${reference}`));
    // At rest once the alert's delivery is recorded on the case: the last step of the miss.
    const missed = await eventually(async () => {
      const events = (await historyOf(env.client, reference)).slice(beforeMiss);
      return atRest(events) && costOf(events).activities.length > 0 ? events : undefined;
    });
    expect(costOf(missed)).toEqual({ workflowTasks: 2, activities: ['deliverNotice'], localActivities: 2 });
    expect((await cases.file(reference)).deadlines.map(({ kind, status }) => `${kind}:${status}`)).toEqual(['CASE_REVIEW:MISSED', 'REVIEW_ESCALATION:PENDING']);

    await env.sleep('1 day');
    expect(smtp.received.filter((mail) => mail.subject.startsWith(`Overdue review: ${reference}`))).toHaveLength(1);
  });
});
