import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, londonDateOf, type OpenCaseCommand } from '../../libs/domain/src';
import type { CaptureSmtpServer } from '../../libs/mailbox/src';
import { MANAGER_DIGEST_WORKFLOW_TYPE } from '../../workflows/manager-digest.workflow';
import { type CaseDriver, eventually } from '../support/case-driver';
import { startWorkflowWorld, TEST_TASK_QUEUE, type WorkflowWorld } from '../support/case-worker-harness';

const HIGH_RISK = (team: string, caseworker: string): OpenCaseCommand => ({
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Parties most nights until 4am.',
  riskLevel: 'HIGH',
  team,
  caseworker,
  location: { priorityNeighbourhood: false },
  openedBy: caseworker,
});

/**
 * The digest the schedule starts each morning, run here as the schedule runs it (the time-skipping
 * server has no schedules; the schedule itself is tested on the dev server).
 */
describe("a manager's daily digest", () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let world: WorkflowWorld;
  let cases: CaseDriver;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    ({ env, smtp, cases } = world);
  });
  afterAll(() => world?.stop());

  // A plain client: the test environment's own would let the server skip time (to a case's next timer) while it waits.
  const runDigest = () =>
    new Client({ connection: env.connection }).workflow.execute(MANAGER_DIGEST_WORKFLOW_TYPE, { taskQueue: TEST_TASK_QUEUE, workflowId: `manager-digest-${randomUUID()}`, args: [] });

  it("lists exactly the team's overdue reviews and its deadlines of the next 7 days, and is sent once a day", async () => {
    const overdue = (await cases.open(HIGH_RISK('north', 'amira.khan'))).reference;
    const reviewed = (await cases.open(HIGH_RISK('north', 'amira.khan'))).reference;
    const southern = (await cases.open(HIGH_RISK('south', 'tom.price'))).reference;

    await env.sleep('6 days');
    await cases.run(reviewed, 'recordReview', { summary: 'Visited; music off by 11pm now.' });
    await env.sleep('2 days');
    await eventually(async () => (await cases.statuses(overdue, 'CASE_REVIEW')).includes('MISSED'));
    await eventually(async () => (await cases.statuses(southern, 'CASE_REVIEW')).includes('MISSED'));
    await cases.file(overdue);

    expect(await runDigest()).toEqual({ digests: 2 });
    const [north] = await smtp.waitFor((mail) => mail.subject.startsWith('Team north digest'));
    const [south] = await smtp.waitFor((mail) => mail.subject.startsWith('Team south digest'));
    expect(north!.to).toEqual(['jo.bennett@melton.example']);
    expect(south!.to).toEqual(['sam.okafor@melton.example']);

    const section = (text: string, heading: string) => text.split(`${heading}:\n`)[1]!.split('\n\n')[0]!.split('\n').map((line) => line.trim());
    expect(section(north!.text, 'Overdue reviews')).toEqual([expect.stringMatching(new RegExp(`^- ${overdue} \\(HIGH\\): Case review, due `))]);
    expect(section(south!.text, 'Overdue reviews')).toEqual([expect.stringMatching(new RegExp(`^- ${southern} \\(HIGH\\): Case review, due `))]);

    // Coming: every pending deadline of the team's cases due from now to the end of the seventh day, and nothing else.
    const now = await env.currentTimeMs();
    const until = addDays(londonDateOf(new Date(now)), 7);
    const expectedComing = async (references: string[]) =>
      (await Promise.all(references.map(async (reference) => (await cases.ledger(reference)).filter((d) => d.status === 'PENDING' && Date.parse(d.dueAt) >= now && d.dueOn <= until).map((d) => `${reference}:${d.title}`)))).flat().sort();
    const listed = (text: string) => section(text, 'Due in the next 7 days').map((line) => line.replace(/^- (ASB-\d{4}-\d{6}) \(\w+\): ([^,]+), due .*$/, '$1:$2')).sort();
    expect(listed(north!.text)).toEqual(await expectedComing([overdue, reviewed]));
    expect(listed(north!.text)).toContain(`${reviewed}:Case review`);
    expect(north!.text).not.toContain(southern);
    expect(listed(south!.text)).toEqual(await expectedComing([southern]));

    // A second run the same day (a schedule catching up) sends nothing new.
    await runDigest();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.filter((mail) => mail.subject.includes('digest for'))).toHaveLength(2);
  });
});
