import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { FORUM_MEETING_SCHEDULE_IDS, MANAGER_DIGEST_SCHEDULE_ID } from '../../libs/temporal/src';
import { eventually } from '../support/case-driver';
import { startDevServerTemporal } from '../support/dev-server';
import { createTestDatabase } from '../support/runtime';
import { type RunningService, SOUTH_OFFICER, startService } from '../support/service';

describe("the managers' daily digest and the forums' cycles are Temporal Schedules (dev server, the one `npm run up` starts)", () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let service: RunningService;

  beforeAll(async () => {
    env = await startDevServerTemporal();
    smtp = new CaptureSmtpServer();
    const smtpPort = await smtp.listen(0);
    service = await startService({ temporalAddress: env.address, databaseUrl: await createTestDatabase(), smtpUrl: `smtp://127.0.0.1:${smtpPort}`, taskQueue: 'asb-cases-digest' });
  });

  afterAll(async () => {
    await service?.stop();
    await smtp?.close();
    await env?.teardown();
  });

  it('is scheduled by the worker for 07:00 on weekdays in England, and a run mails each team with something due to its managers', async () => {
    const schedule = await env.client.schedule.getHandle(MANAGER_DIGEST_SCHEDULE_ID).describe();
    expect(schedule.spec.timezone).toBe('Europe/London');
    expect(schedule.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }], dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY', step: 1 }] })]);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'managerDigestWorkflow', taskQueue: 'asb-cases-digest' });
    // The forums' cycles too: the JAG on the 1st of each month, the MAG on the 15th, at 09:00 in England.
    for (const [forum, day] of [['JAG', 1], ['MAG', 15]] as const) {
      const cycle = await env.client.schedule.getHandle(FORUM_MEETING_SCHEDULE_IDS[forum]).describe();
      expect(cycle.spec.timezone).toBe('Europe/London');
      expect(cycle.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 9, end: 9, step: 1 }], dayOfMonth: [{ start: day, end: day, step: 1 }] })]);
      expect(cycle.action).toMatchObject({ type: 'startWorkflow', workflowType: 'forumMeetingWorkflow', args: [{ forum }] });
    }

    // A HIGH-risk south case: its first review falls due within the week.
    const api = await service.client(SOUTH_OFFICER);
    const opened = await api('POST', '/cases', { body: { type: 'ANTI_SOCIAL_BEHAVIOUR', category: 'DRUGS', channel: 'ONLINE_REPORT', summary: 'Dealing from a parked car.', riskLevel: 'HIGH', team: 'south', caseworker: 'tom.price' } });
    expect(opened.status).toBe(201);

    await env.client.schedule.getHandle(MANAGER_DIGEST_SCHEDULE_ID).trigger();
    const [digest] = await smtp.waitFor((mail) => mail.subject.startsWith('Team south digest'));
    expect(digest!.to).toEqual(['sam.okafor@melton.example']);
    expect(digest!.text).toContain(`${opened.body.reference} (HIGH): Case review, due`);
    await eventually(async () => (await env.client.schedule.getHandle(MANAGER_DIGEST_SCHEDULE_ID).describe()).info.recentActions.length > 0);
    expect(smtp.received.filter((mail) => mail.subject.startsWith('Team north digest'))).toEqual([]);
  });
});
