import { addDays, addMonths, addWorkingDays, type LocalDate, londonDateOf } from '../../../libs/domain/src';
import { eventually } from '../../support/case-driver';
import { RECIPIENT, timerWorld } from './timer-world';

/** After a case is closed: the satisfaction follow-up (10 working days) and the re-open window (3 months). */
describe('deadlines after a case is closed, on the time-skipping server', () => {
  const world = timerWorld();
  const cases = () => world.cases;

  const closeCase = async () => {
    const reference = await world.open();
    await cases().run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
    await cases().run(reference, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'The noise has stopped since the warning letter.' });
    const closed = await cases().run(reference, 'decideClosure', { approve: true, reason: 'Resolved; the complainant agrees.' }, 'jo.bennett');
    expect(closed.stage).toBe('CLOSED');
    const closedOn = londonDateOf(new Date(closed.closure!.closedAt!));
    // The retention clock starts as the case closes, once the workflow has planned it.
    await eventually(async () => (await world.ledger(reference)).some((entry) => entry.kind === 'RETENTION_END'));
    const pending = (await world.ledger(reference)).filter((entry) => entry.status === 'PENDING');
    expect(pending.map((entry) => entry.kind).sort()).toEqual(['REOPEN_WINDOW', 'RETENTION_END', 'SATISFACTION_FOLLOW_UP']);
    expect((await world.deadline(reference, 'RETENTION_END')).dueOn).toBe(addMonths(closedOn, 72));
    const followUp = await world.deadline(reference, 'SATISFACTION_FOLLOW_UP');
    const window = await world.deadline(reference, 'REOPEN_WINDOW');
    expect(followUp.dueOn).toBe(addWorkingDays(closedOn, 10));
    expect(window.dueOn).toBe(addMonths(closedOn, 3));
    return { reference, followUp, window };
  };

  describe('satisfaction follow-up (10 working days after closure)', () => {
    it('followed up on the tenth working day: met, and nobody is alerted', async () => {
      const { reference, followUp } = await closeCase();

      await world.sleepToJustBefore(followUp);
      expect(await world.today()).toBe(followUp.dueOn);
      await cases().run(reference, 'recordSatisfactionFollowUp', { summary: 'Pat Lee is satisfied with how the case was handled.' });

      await world.sleepPast(followUp);
      expect(await world.deadline(reference, 'SATISFACTION_FOLLOW_UP', followUp.id)).toMatchObject({ status: 'MET', resolution: 'followed up by amira.khan' });
      await world.expectNoAlert(reference, 'SATISFACTION_FOLLOW_UP');
    });

    it('no follow-up within 10 working days: recorded as missed, and the caseworker is alerted once', async () => {
      const { reference, followUp } = await closeCase();

      await world.sleepToJustBefore(followUp);
      expect((await world.deadline(reference, 'SATISFACTION_FOLLOW_UP', followUp.id)).status).toBe('PENDING');

      await world.sleepPast(followUp);
      const alert = await world.expectMissedWithOneAlert(reference, followUp.id);
      expect(alert.to).toEqual([RECIPIENT.CASEWORKER]);
    });
  });

  describe('re-open window (3 months after closure)', () => {
    it('a case re-opened on the last day of the window is active again with a review due, the window is closed as re-opened, and nobody is alerted about it', async () => {
      const { reference, window } = await closeCase();
      await cases().run(reference, 'recordSatisfactionFollowUp', { summary: 'Pat Lee is satisfied.' });

      await world.sleepToJustBefore(window);
      expect(await world.today()).toBe(window.dueOn);
      const reopened = await cases().run(reference, 'reopen', { reason: 'Loud music again last weekend, same flat.' });
      expect(reopened.stage).toBe('ACTIVE');
      expect(reopened.reopenCount).toBe(1);
      expect(await world.deadline(reference, 'REOPEN_WINDOW', window.id)).toMatchObject({ status: 'CANCELLED', resolution: 're-opened' });
      // Back in work, it is reviewed again: STANDARD risk, 28 days from the re-opening.
      const review = (await world.ledger(reference)).find((entry) => entry.kind === 'CASE_REVIEW' && entry.status === 'PENDING');
      expect(review?.dueOn).toBe(addDays(window.dueOn as LocalDate, 28));

      await world.sleepPast(window);
      expect((await world.deadline(reference, 'REOPEN_WINDOW', window.id)).status).toBe('CANCELLED');
      await world.expectNoAlert(reference, 'REOPEN_WINDOW');

      await world.sleepPast(review!);
      const alert = await world.expectMissedWithOneAlert(reference, review!.id);
      expect(alert.to).toEqual([RECIPIENT.MANAGER]);
    });

    it('with no new incident the window runs its course with no alert; the closed case then waits 6 years, is anonymised and ends', async () => {
      const { reference, window } = await closeCase();
      await cases().run(reference, 'recordSatisfactionFollowUp', { summary: 'Pat Lee is satisfied.' });

      await world.sleepToJustBefore(window);
      expect((await world.deadline(reference, 'REOPEN_WINDOW', window.id)).status).toBe('PENDING');
      expect((await world.env.client.workflow.getHandle(reference).describe()).status.name).toBe('RUNNING');

      await world.sleepPast(window);
      const handle = world.env.client.workflow.getHandle(reference);
      expect(await world.deadline(reference, 'REOPEN_WINDOW', window.id)).toMatchObject({ status: 'MET', resolution: `ended at ${window.dueAt}` });
      await world.expectNoAlert(reference, 'REOPEN_WINDOW');
      await world.expectAlertsOnlyForMissedDuties(reference);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      const retention = await world.deadline(reference, 'RETENTION_END');
      await world.sleepToJustBefore(retention);
      expect((await cases().file(reference)).stage).toBe('CLOSED');
      await world.sleepPast(retention);
      await handle.result();
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      expect(await world.deadline(reference, 'RETENTION_END', retention.id)).toMatchObject({ status: 'MET', resolution: 'personal data anonymised' });
      expect((await cases().file(reference)).stage).toBe('ANONYMISED');
    });
  });
});
