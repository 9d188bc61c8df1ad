import { localDate, type OpenCaseCommand, reminderAt } from '../../libs/domain/src';
import type { CapturedMail, CaptureSmtpServer } from '../../libs/mailbox/src';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type CaseDriver, eventually } from '../support/case-driver';
import { startWorkflowWorld, type WorkflowWorld } from '../support/case-worker-harness';

const CASE: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'HARASSMENT',
  channel: 'ONLINE_REPORT',
  summary: 'Threats shouted at the family at number 12 whenever they leave the house.',
  riskLevel: 'STANDARD',
  team: 'north',
  caseworker: 'amira.khan',
  location: { address: '12 Wyndham Avenue', ward: 'Egerton', priorityNeighbourhood: false },
  complainants: [{ id: 'c1', name: 'Pat Lee', vulnerable: true }],
  subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: localDate('1990-05-01'), tenure: 'MBC_TENANT' }],
  openedBy: 'amira.khan',
};

const HOUR_MS = 3_600_000;

/** Each kind of notice, to the people the directory names for it (deploy/local/directory.json), on real policy numbers. */
describe('who is told what, on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let world: WorkflowWorld;
  let cases: CaseDriver;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    ({ env, smtp, cases } = world);
  });
  afterAll(() => world?.stop());

  const mailsAbout = (reference: string, subjectStart: string) => smtp.received.filter((mail) => mail.subject.startsWith(subjectStart) && mail.subject.includes(reference));
  const only = async (reference: string, subjectStart: string): Promise<CapturedMail> => {
    await smtp.waitFor((mail) => mail.subject.startsWith(subjectStart) && mail.subject.includes(reference));
    const mails = mailsAbout(reference, subjectStart);
    expect(mails).toHaveLength(1);
    return mails[0]!;
  };
  const sleepUntil = async (instant: Date) => {
    const now = await env.currentTimeMs();
    if (instant.getTime() > now) await env.sleep(instant.getTime() - now);
  };

  it('sends the legal team each legal step when it is taken, with its deadlines and the case summary, and nothing personal', async () => {
    const { reference } = await cases.open(CASE);
    await cases.run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
    await cases.run(reference, 'recordEnforcementStep', { kind: 'CIVIL_INJUNCTION', subjectId: 's1', skipReason: 'Threats of violence: straight to an injunction.' });

    const referred = await only(reference, 'Legal: Referred to the legal team: Civil injunction');
    expect(referred.to).toEqual(['legal@melton.example']);
    expect(referred.text).toMatch(/Legal acknowledgement of the referral: by the end of \w+, \d+ \w+ 2026/);
    expect(referred.text).toMatch(/Legal decision on the referral: by the end of/);
    expect(referred.text).toContain('Court: county court or high court');
    expect(referred.text).toContain('Category: harassment');
    for (const personal of ['Pat Lee', 'Jordan Reed', 'Wyndham Avenue', CASE.summary]) expect(referred.text + referred.html).not.toContain(personal);

    await cases.run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, 'legal.team');
    const acknowledged = await only(reference, 'Legal: Referral acknowledged');
    expect(acknowledged.to).toEqual(['legal@melton.example']);
    // Only the decision is still running once the referral is acknowledged.
    expect(acknowledged.text).not.toContain('Legal acknowledgement of the referral: by');
    expect(acknowledged.text).toContain('Legal decision on the referral: by');
    expect(mailsAbout(reference, 'Legal: Referred')).toHaveLength(1);
  });

  it('reminds the caseworker of a review two working days ahead, once; then alerts the manager, then the head of service', async () => {
    const opened = await cases.open(CASE);
    const { reference } = opened;
    const review = opened.deadlines.find((deadline) => deadline.kind === 'CASE_REVIEW')!;
    const remindAt = reminderAt(review, opened);

    await sleepUntil(new Date(remindAt.getTime() - HOUR_MS));
    await cases.file(reference);
    expect(mailsAbout(reference, 'Coming due:')).toHaveLength(0);

    await sleepUntil(new Date(remindAt.getTime() + HOUR_MS));
    const reminder = await only(reference, 'Coming due: Case review');
    expect(reminder.to).toEqual(['amira.khan@melton.example']);
    expect(reminder.text).toContain(`is due by the end of`);

    // Not done: the manager is alerted the day after it was due, and the caseworker is not reminded again.
    await sleepUntil(new Date(Date.parse(review.dueAt) + 12 * HOUR_MS));
    expect((await only(reference, `Overdue review: ${reference}`)).to).toEqual(['jo.bennett@melton.example']);
    expect(mailsAbout(reference, 'Coming due: Case review')).toHaveLength(1);

    // Still not done 5 working days later: the head of service.
    const escalation = (await cases.ledger(reference)).find((deadline) => deadline.kind === 'REVIEW_ESCALATION')!;
    await sleepUntil(new Date(Date.parse(escalation.dueAt) + 12 * HOUR_MS));
    const escalated = await only(reference, 'Missed deadline: Overdue review still not done');
    expect(escalated.to).toEqual(['helen.ward@melton.example']);
    await eventually(async () => (await cases.statuses(reference, 'REVIEW_ESCALATION')).includes('MISSED'));
  });

  it('tells a partner agency of an action assigned to it, and again if it is missed', async () => {
    const { reference } = await cases.open(CASE);
    const dueOn = await cases.dateIn(7);
    await cases.run(reference, 'assignPartnerAction', { agency: 'POLICE', description: 'Patrol Wyndham Avenue at school closing time.', dueOn });

    const assigned = await only(reference, 'Action for POLICE');
    expect(assigned.to).toEqual(['pc.lewis@police.example']);
    expect(assigned.text).toContain('Patrol Wyndham Avenue at school closing time.');

    await env.sleep('9 days');
    const missed = await only(reference, 'Missed deadline: Partner agency action');
    expect(missed.to).toEqual(['pc.lewis@police.example']);
  });
});
