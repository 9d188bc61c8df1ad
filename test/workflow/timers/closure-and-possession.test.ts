import { addDays, addMonths, londonTimeOn } from '../../../libs/domain/src';
import { HOUR_MS, RECIPIENT, timerWorld } from './timer-world';

/**
 * Premises closure and the possession steps it opens: the closure notice (24 hours, or 48 with
 * senior sign-off), the closure-order hearing within 48 hours of service, the order's expiry and
 * extension, the 3-month window for an absolute-ground possession notice after a closure order, and
 * the tenant's 7 days to ask for a review of that notice. Notices are served at 09:00 so that the hour
 * limits fall in the working day. The closure notice is step-1 and referral legal-1.
 */
describe('closure and possession deadlines, on the time-skipping server', () => {
  const world = timerWorld();
  const cases = () => world.cases;
  const LEGAL = 'legal.team';

  const serveClosureNotice = async (extended = false) => {
    const reference = await world.open();
    await cases().run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
    await world.sleepUntil(londonTimeOn(addDays(await world.today(), 1), 9).getTime());
    const notice = {
      kind: 'CLOSURE_NOTICE',
      subjectId: 's1',
      premises: '14 Wyndham Avenue, Melton Mowbray',
      issuedBy: 'POLICE_INSPECTOR',
      skipReason: 'Class A drugs dealt from the flat: immediate closure needed.',
    } as const;
    if (extended) {
      expect(await cases().refusal(reference, 'recordEnforcementStep', { ...notice, extendedTo48Hours: true })).toMatchObject({ condition: 'SENIOR_SIGN_OFF_REQUIRED' });
    }
    const file = await cases().run(reference, 'recordEnforcementStep', extended ? { ...notice, extendedTo48Hours: true, seniorSignOffBy: 'Supt. Amy Hale' } : notice);
    const servedAt = Date.parse(file.enforcement.at(-1)!.takenAt);
    const expiry = await world.deadline(reference, 'CLOSURE_NOTICE_EXPIRY');
    const hearing = await world.deadline(reference, 'CLOSURE_ORDER_HEARING');
    expect(expiry.status).toBe('PENDING');
    expect(Date.parse(expiry.dueAt) - servedAt).toBe((extended ? 48 : 24) * HOUR_MS);
    expect(hearing.status).toBe('PENDING');
    expect(Date.parse(hearing.dueAt) - servedAt).toBe(48 * HOUR_MS);
    return { reference, servedAt, expiry, hearing };
  };

  /** The application heard 30 hours after service (15:00 the next day), and a closure order made for 3 months. */
  const closureOrderMade = async () => {
    const served = await serveClosureNotice();
    const { reference, servedAt } = served;
    await cases().run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, LEGAL);
    await cases().run(reference, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Police evidence supports an order.' }, LEGAL);
    await cases().run(reference, 'listHearing', { referralId: 'legal-1', hearingAt: new Date(servedAt + 30 * HOUR_MS).toISOString(), court: 'MAGISTRATES_COURT' }, LEGAL);
    await world.sleepUntil(servedAt + 31 * HOUR_MS);
    const madeOn = await world.today();
    const expiresOn = addMonths(madeOn, 3);
    await cases().run(reference, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'No entry but for the tenant.', expiresOn }, LEGAL);
    return { ...served, madeOn, expiresOn };
  };

  describe('closure notice in force (24 hours, or 48 with senior sign-off)', () => {
    it('a 24-hour notice is in force 23 hours after service and has ended by 25, with no alert about it', async () => {
      const { reference, servedAt, expiry } = await serveClosureNotice();

      await world.sleepUntil(servedAt + 23 * HOUR_MS);
      expect((await world.deadline(reference, 'CLOSURE_NOTICE_EXPIRY', expiry.id)).status).toBe('PENDING');

      await world.sleepUntil(servedAt + 25 * HOUR_MS);
      expect(await world.deadline(reference, 'CLOSURE_NOTICE_EXPIRY', expiry.id)).toMatchObject({ status: 'MET', resolution: `ended at ${expiry.dueAt}` });
      await world.expectNoAlert(reference, 'CLOSURE_NOTICE_EXPIRY');
    });

    it('a notice extended to 48 hours with senior sign-off is still in force at 47 hours, has ended by 49, with no alert about it', async () => {
      const { reference, servedAt, expiry } = await serveClosureNotice(true);

      await world.sleepUntil(servedAt + 47 * HOUR_MS);
      expect((await world.deadline(reference, 'CLOSURE_NOTICE_EXPIRY', expiry.id)).status).toBe('PENDING');

      await world.sleepUntil(servedAt + 49 * HOUR_MS);
      expect(await world.deadline(reference, 'CLOSURE_NOTICE_EXPIRY', expiry.id)).toMatchObject({ status: 'MET', resolution: `ended at ${expiry.dueAt}` });
      await world.expectNoAlert(reference, 'CLOSURE_NOTICE_EXPIRY');
      await world.expectAlertsOnlyForMissedDuties(reference);
    });
  });

  describe('closure order application heard within 48 hours of service', () => {
    it('heard 31 hours after service with an order made: met, and legal are not alerted', async () => {
      const { reference, servedAt, hearing } = await closureOrderMade();
      expect(await world.deadline(reference, 'CLOSURE_ORDER_HEARING', hearing.id)).toMatchObject({ status: 'MET', resolution: 'heard: order made' });

      await world.sleepUntil(servedAt + 49 * HOUR_MS);
      expect((await world.deadline(reference, 'CLOSURE_ORDER_HEARING', hearing.id)).status).toBe('MET');
      await world.expectNoAlert(reference, 'CLOSURE_ORDER_HEARING');
    });

    it('not heard 48 hours after service: recorded as missed, and legal are alerted once', async () => {
      const { reference, servedAt, hearing } = await serveClosureNotice();

      await world.sleepUntil(servedAt + 47 * HOUR_MS);
      expect((await world.deadline(reference, 'CLOSURE_ORDER_HEARING', hearing.id)).status).toBe('PENDING');
      await world.expectNoAlert(reference, 'CLOSURE_ORDER_HEARING');

      await world.sleepUntil(servedAt + 49 * HOUR_MS);
      const alert = await world.expectMissedWithOneAlert(reference, hearing.id);
      expect(alert.to).toEqual([RECIPIENT.LEGAL]);
      expect(alert.text).toContain('the 48-hour limit for hearing the closure order application has passed');
    });
  });

  describe('closure order in force (up to 3 months, extendable to 6 in total)', () => {
    it('an extension moves the expiry: the order is still in force after the first date and ends after the new one, with no alert', async () => {
      const { reference, madeOn, expiresOn } = await closureOrderMade();
      const first = await world.deadline(reference, 'ORDER_EXPIRY');
      expect(first).toMatchObject({ status: 'PENDING', stepId: 'step-1', dueOn: expiresOn });
      expect(await cases().refusal(reference, 'extendOrder', { referralId: 'legal-1', expiresOn: addDays(addMonths(madeOn, 6), 1) })).toMatchObject({ condition: 'ORDER_TOO_LONG' });
      const extendedTo = addMonths(madeOn, 6);
      await cases().run(reference, 'extendOrder', { referralId: 'legal-1', expiresOn: extendedTo }, LEGAL);
      const second = await world.deadline(reference, 'ORDER_EXPIRY');
      expect(second).toMatchObject({ status: 'PENDING', dueOn: extendedTo });
      expect(await world.deadline(reference, 'ORDER_EXPIRY', first.id)).toMatchObject({ status: 'CANCELLED', resolution: `order extended to ${extendedTo}` });

      await world.sleepPast(first);
      expect((await world.deadline(reference, 'ORDER_EXPIRY', second.id)).status).toBe('PENDING');
      expect((await cases().file(reference)).legalReferrals[0]?.status).toBe('ORDER_MADE');

      await world.sleepPast(second);
      expect(await world.deadline(reference, 'ORDER_EXPIRY', second.id)).toMatchObject({ status: 'MET', resolution: `order expired at ${second.dueAt}` });
      expect((await cases().file(reference)).legalReferrals[0]?.status).toBe('ORDER_ENDED');
      await world.expectNoAlert(reference, 'ORDER_EXPIRY');
    });
  });

  describe('absolute-ground possession notice (within 3 months of a closure order)', () => {
    it('a notice served on the last day of the window is accepted; the window then ends with no alert', async () => {
      const { reference, madeOn } = await closureOrderMade();
      const window = await world.deadline(reference, 'POSSESSION_NOTICE_WINDOW');
      expect(window).toMatchObject({ status: 'PENDING', stepId: 'step-1', dueOn: addMonths(madeOn, 3) });

      await world.sleepToJustBefore(window);
      expect(await world.today()).toBe(window.dueOn);
      const served = await cases().run(reference, 'recordEnforcementStep', { kind: 'NOTICE_OF_SEEKING_POSSESSION', subjectId: 's1', trigger: 'CLOSURE_ORDER' });
      expect(served.enforcement.at(-1)?.kind).toBe('NOTICE_OF_SEEKING_POSSESSION');

      await world.sleepPast(window);
      expect(await world.deadline(reference, 'POSSESSION_NOTICE_WINDOW', window.id)).toMatchObject({ status: 'MET', resolution: `ended at ${window.dueAt}` });
      await world.expectNoAlert(reference, 'POSSESSION_NOTICE_WINDOW');
    });

    it('with no notice served, the window runs its course with no alert, and the closure order is then no ground for one', async () => {
      const { reference } = await closureOrderMade();
      const window = await world.deadline(reference, 'POSSESSION_NOTICE_WINDOW');

      await world.sleepToJustBefore(window);
      expect((await world.deadline(reference, 'POSSESSION_NOTICE_WINDOW', window.id)).status).toBe('PENDING');

      await world.sleepPast(window);
      expect(await world.deadline(reference, 'POSSESSION_NOTICE_WINDOW', window.id)).toMatchObject({ status: 'MET', resolution: `ended at ${window.dueAt}` });
      expect(await cases().refusal(reference, 'recordEnforcementStep', { kind: 'NOTICE_OF_SEEKING_POSSESSION', subjectId: 's1', trigger: 'CLOSURE_ORDER' })).toMatchObject({
        condition: 'NO_POSSESSION_TRIGGER',
      });
      await world.expectNoAlert(reference, 'POSSESSION_NOTICE_WINDOW');
      await world.expectAlertsOnlyForMissedDuties(reference);
    });
  });

  describe("tenant's window to request a review of the possession notice (7 days)", () => {
    it('is open to the end of day 7 after the notice, then ends with no alert', async () => {
      const { reference } = await closureOrderMade();
      await cases().run(reference, 'recordEnforcementStep', { kind: 'NOTICE_OF_SEEKING_POSSESSION', subjectId: 's1', trigger: 'CLOSURE_ORDER' });
      const servedOn = await world.today();
      const window = await world.deadline(reference, 'TENANT_REVIEW_REQUEST');
      expect(window).toMatchObject({ status: 'PENDING', stepId: 'step-2', subjectId: 's1', dueOn: addDays(servedOn, 7) });

      await world.sleepToJustBefore(window);
      expect((await world.deadline(reference, 'TENANT_REVIEW_REQUEST', window.id)).status).toBe('PENDING');

      await world.sleepPast(window);
      expect(await world.deadline(reference, 'TENANT_REVIEW_REQUEST', window.id)).toMatchObject({ status: 'MET', resolution: `ended at ${window.dueAt}` });
      await world.expectNoAlert(reference, 'TENANT_REVIEW_REQUEST');
    });
  });
});
