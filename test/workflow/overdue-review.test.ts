import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { HIGH_RISK_NOISE } from '../support/case-requests';
import type { CaptureSmtpServer } from '../../libs/mailbox/src';
import { type CaseDriver, eventually } from '../support/case-driver';
import { startWorkflowWorld, type WorkflowWorld } from '../support/case-worker-harness';

describe('case review deadline (HIGH risk: every 7 days), on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let world: WorkflowWorld;
  let cases: CaseDriver;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    ({ env, smtp, cases } = world);
  });

  afterAll(() => world?.stop());

  const openHighRiskCase = async () => (await cases.open(HIGH_RISK_NOISE)).reference;
  const fileOf = (reference: string) => cases.file(reference);
  // The caseworker's coming-due reminder also names the case; these tests are about the manager's alert.
  const mailsAbout = (reference: string) => smtp.received.filter((mail) => mail.subject.includes(reference) && mail.subject.startsWith('Overdue review'));

  it('alerts the team manager once when 7 days pass with no review, and records the review as missed', async () => {
    const reference = await openHighRiskCase();

    await env.sleep('7 days');
    // Due "on day 7" means by the end of that day: at this hour of day 7 nothing is overdue yet.
    expect((await fileOf(reference)).deadlines[0]?.status).toBe('PENDING');
    expect(mailsAbout(reference)).toHaveLength(0);

    await env.sleep('1 day');
    const [alert] = await smtp.waitFor((mail) => mail.subject.startsWith(`Overdue review: ${reference}`));
    expect(alert?.to).toEqual(['jo.bennett@melton.example']);
    expect(alert?.subject).toContain(`Overdue review: ${reference} (HIGH risk)`);
    expect(alert?.text).toContain('has not been recorded');

    await eventually(async () => (await fileOf(reference)).timelineSeq >= 3);
    const file = await fileOf(reference);
    expect(file.deadlines.map(({ kind, status }) => `${kind}:${status}`)).toEqual(['CASE_REVIEW:MISSED', 'REVIEW_ESCALATION:PENDING']);

    await env.sleep('3 days');
    await fileOf(reference);
    expect(mailsAbout(reference)).toHaveLength(1);
  });

  it('moves the deadline when a review is recorded on day 6, and sends no alert', async () => {
    const reference = await openHighRiskCase();
    const firstDue = (await fileOf(reference)).deadlines[0]!.dueOn;

    await env.sleep('6 days');
    const reviewed = await cases.run(reference, 'recordReview', { summary: 'Visited both households; music now off by 11pm.' });
    const nextDue = reviewed.deadlines.find((deadline) => deadline.id === 'case-review-2')!.dueOn;
    expect(daysBetween(firstDue, nextDue)).toBe(6);

    await env.sleep('4 days');
    const file = await fileOf(reference);
    expect(file.deadlines.map(({ id, status }) => ({ id, status }))).toEqual([
      { id: 'case-review-1', status: 'MET' },
      { id: 'case-review-2', status: 'PENDING' },
    ]);
    expect(mailsAbout(reference)).toHaveLength(0);
  });
});

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

