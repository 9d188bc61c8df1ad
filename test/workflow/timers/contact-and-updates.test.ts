import { addWorkingDays, isWorkingDay, londonDateOf, workingDaysBetween } from '../../../libs/domain/src';
import { HOUR_MS, RECIPIENT, timerWorld } from './timer-world';

/**
 * Initial contact, the head-of-service escalation of an overdue review, and complainant updates, on
 * the policy numbers of 2026.1. (The overdue case review itself is covered by ../overdue-review.test.ts.)
 */
describe('contact and update deadlines, on the time-skipping server', () => {
  const world = timerWorld();
  const openedOn = async (reference: string) => londonDateOf(new Date((await world.cases.file(reference)).openedAt));

  describe('initial contact with the complainant (HIGH 1, MEDIUM 2, STANDARD 5 working days)', () => {
    const RISKS = [
      { riskLevel: 'HIGH', workingDays: 1, allowed: '1 working day' },
      { riskLevel: 'MEDIUM', workingDays: 2, allowed: '2 working days' },
      { riskLevel: 'STANDARD', workingDays: 5, allowed: '5 working days' },
    ] as const;

    it.each(RISKS)('$riskLevel risk: contact recorded on the last day allowed ($allowed) is met, and nobody is alerted', async ({ riskLevel, workingDays }) => {
      const reference = await world.open({ riskLevel });
      const due = await world.deadline(reference, 'INITIAL_CONTACT');
      const opened = await openedOn(reference);
      expect(due.dueOn).toBe(addWorkingDays(opened, workingDays));
      expect(workingDaysBetween(opened, due.dueOn)).toBe(workingDays);
      expect(isWorkingDay(due.dueOn)).toBe(true);

      await world.sleepToJustBefore(due);
      expect(await world.today()).toBe(due.dueOn);
      expect((await world.deadline(reference, 'INITIAL_CONTACT')).status).toBe('PENDING');
      const contacted = await world.cases.run(reference, 'recordInitialContact', { summary: 'Phoned Pat Lee; agreed a noise diary.' });
      expect(contacted.stage).toBe('ACTIVE');

      await world.sleepPast(due);
      const met = await world.deadline(reference, 'INITIAL_CONTACT', due.id);
      expect(met.status).toBe('MET');
      expect(met.resolution).toBe('contact made by amira.khan');
      await world.expectNoAlert(reference, 'INITIAL_CONTACT');
    });

    it.each(RISKS)('$riskLevel risk: no contact within $allowed is recorded as missed and the team manager is alerted once', async ({ riskLevel, workingDays }) => {
      const reference = await world.open({ riskLevel });
      const due = await world.deadline(reference, 'INITIAL_CONTACT');
      expect(due.dueOn).toBe(addWorkingDays(await openedOn(reference), workingDays));

      await world.sleepToJustBefore(due);
      expect((await world.deadline(reference, 'INITIAL_CONTACT')).status).toBe('PENDING');
      await world.expectNoAlert(reference, 'INITIAL_CONTACT');

      await world.sleepPast(due);
      const alert = await world.expectMissedWithOneAlert(reference, due.id);
      expect(alert.to).toEqual([RECIPIENT.MANAGER]);
      expect(alert.subject).toContain(`(${riskLevel} risk)`);
      expect(alert.text).toContain('contact the complainant today');
    });
    it('a risk raised to HIGH at triage brings contact forward to 1 working day after the report; only the new date alerts', async () => {
      const reference = await world.open({ riskLevel: 'STANDARD' });
      const standard = await world.deadline(reference, 'INITIAL_CONTACT');
      await world.cases.run(reference, 'assessRisk', {
        assessment: { disability: true, mentalHealth: true, isolation: true, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true, assessedBy: 'amira.khan' },
      });
      const high = await world.deadline(reference, 'INITIAL_CONTACT');
      expect(high.id).not.toBe(standard.id);
      expect(high.dueOn).toBe(addWorkingDays(await openedOn(reference), 1));
      expect((await world.deadline(reference, 'INITIAL_CONTACT', standard.id)).status).toBe('CANCELLED');

      await world.sleepPast(high);
      await world.expectMissedWithOneAlert(reference, high.id);

      await world.sleepPast(standard);
      await world.settle(reference);
      expect((await world.deadline(reference, 'INITIAL_CONTACT', standard.id)).status).toBe('CANCELLED');
      expect(world.alertsFor(reference, 'INITIAL_CONTACT')).toHaveLength(1);
    });

    it('once contact is recorded as missed, raising the risk does not alert the manager about it a second time', async () => {
      const reference = await world.open({ riskLevel: 'STANDARD' });
      const contact = await world.deadline(reference, 'INITIAL_CONTACT');
      await world.sleepPast(contact);
      await world.expectMissedWithOneAlert(reference, contact.id);

      await world.cases.run(reference, 'assessRisk', {
        assessment: { disability: true, mentalHealth: true, isolation: true, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true },
      });
      await world.env.sleep(HOUR_MS);
      await world.settle(reference);
      expect(world.alertsFor(reference, 'INITIAL_CONTACT')).toHaveLength(1);
      expect((await world.ledger(reference)).filter((entry) => entry.kind === 'INITIAL_CONTACT').map((entry) => entry.status)).toEqual(['MISSED']);
      expect((await world.cases.file(reference)).riskLevel).toBe('HIGH');
    });
  });

  describe('overdue review escalated to the head of service (5 working days after the review was due)', () => {
    const openUnreviewedHighRiskCase = async () => {
      const reference = await world.open({ riskLevel: 'HIGH', complainants: [], subjects: [] });
      const review = await world.deadline(reference, 'CASE_REVIEW');
      await world.sleepPast(review);
      const managerAlert = await world.expectMissedWithOneAlert(reference, review.id);
      expect(managerAlert.to).toEqual([RECIPIENT.MANAGER]);
      const escalation = await world.deadline(reference, 'REVIEW_ESCALATION');
      expect(escalation.status).toBe('PENDING');
      expect(escalation.dueOn).toBe(addWorkingDays(review.dueOn, 5));
      return { reference, review, escalation };
    };

    it('alerts the head of service once when the review is still not recorded 5 working days after it was due', async () => {
      const { reference, escalation } = await openUnreviewedHighRiskCase();

      await world.sleepToJustBefore(escalation);
      expect((await world.deadline(reference, 'REVIEW_ESCALATION')).status).toBe('PENDING');
      await world.expectNoAlert(reference, 'REVIEW_ESCALATION');

      await world.sleepPast(escalation);
      const alert = await world.expectMissedWithOneAlert(reference, escalation.id);
      expect(alert.to).toEqual([RECIPIENT.HEAD_OF_SERVICE]);
      expect(alert.text).toContain('still not done');
      // The manager heard about the overdue review once, not again at the escalation.
      expect(world.alertsFor(reference, 'CASE_REVIEW')).toHaveLength(1);
    });

    it('does not escalate when the overdue review is recorded before the escalation falls due', async () => {
      const { reference, review, escalation } = await openUnreviewedHighRiskCase();

      await world.sleepToJustBefore(escalation);
      const reviewed = await world.cases.run(reference, 'recordReview', { summary: 'Late review: both households visited.' });
      expect(reviewed.reviewCount).toBe(1);

      await world.sleepPast(escalation);
      const ledger = await world.ledger(reference);
      expect(ledger.find((entry) => entry.id === review.id)?.status).toBe('MISSED');
      const met = ledger.find((entry) => entry.id === escalation.id);
      expect(met?.status).toBe('MET');
      expect(met?.resolution).toBe('review 1 recorded by amira.khan');
      expect(ledger.filter((entry) => entry.kind === 'CASE_REVIEW' && entry.status === 'PENDING')).toHaveLength(1);
      await world.expectNoAlert(reference, 'REVIEW_ESCALATION');
      expect(world.alertsFor(reference, 'CASE_REVIEW')).toHaveLength(1);
    });
  });

  describe('complainant update (every 10 working days)', () => {
    const openContactedCase = async () => {
      const reference = await world.open({ riskLevel: 'STANDARD' });
      await world.cases.run(reference, 'recordInitialContact', { summary: 'Met Pat Lee at home.' });
      const update = await world.deadline(reference, 'COMPLAINANT_UPDATE');
      expect(update.dueOn).toBe(addWorkingDays(await openedOn(reference), 10));
      return { reference, update };
    };

    it('an update on the day it is due is met, sets the next one 10 working days on, and alerts nobody', async () => {
      const { reference, update } = await openContactedCase();

      await world.sleepToJustBefore(update);
      const updated = await world.cases.run(reference, 'recordComplainantUpdate', { summary: 'Told Pat Lee a warning letter has gone out.' });
      const next = updated.deadlines.filter((deadline) => deadline.kind === 'COMPLAINANT_UPDATE' && deadline.status === 'PENDING');
      expect(next).toHaveLength(1);
      expect(next[0]?.dueOn).toBe(addWorkingDays(update.dueOn, 10));

      await world.sleepPast(update);
      const met = await world.deadline(reference, 'COMPLAINANT_UPDATE', update.id);
      expect(met.status).toBe('MET');
      expect(met.resolution).toBe('updated by amira.khan');
      await world.expectNoAlert(reference, 'COMPLAINANT_UPDATE');
    });

    it('no update within 10 working days is recorded as missed and the caseworker is alerted once', async () => {
      const { reference, update } = await openContactedCase();

      await world.sleepToJustBefore(update);
      expect((await world.deadline(reference, 'COMPLAINANT_UPDATE')).status).toBe('PENDING');

      await world.sleepPast(update);
      const alert = await world.expectMissedWithOneAlert(reference, update.id);
      expect(alert.to).toEqual([RECIPIENT.CASEWORKER]);
    });

    it('on a case not yet allocated to a caseworker, a missed update alerts the team manager instead', async () => {
      const reference = await world.open({ caseworker: undefined });
      expect((await world.cases.file(reference)).stage).toBe('TRIAGED');
      await world.cases.run(reference, 'recordInitialContact', { summary: 'Phoned Pat Lee from the contact centre.' });
      const update = await world.deadline(reference, 'COMPLAINANT_UPDATE');

      await world.sleepPast(update);
      const alert = await world.expectMissedWithOneAlert(reference, update.id, RECIPIENT.MANAGER);
      expect(alert.to).toEqual([RECIPIENT.MANAGER]);
      expect(alert.text).toContain('no caseworker yet (unallocated)');
    });
  });
});
