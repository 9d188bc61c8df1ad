import { addDays, addHoursDisregarding, addMonths, addWorkingDays, type Court, type LocalDate, londonDateOf, londonTimeOn, type Subject } from '../../../libs/domain/src';
import { DAY_MS, HOUR_MS, RECIPIENT, timerWorld } from './timer-world';

/**
 * Level 5, in the legal team's hands: acknowledgement (2 working days) and decision (10 working
 * days) on a referral, the hearing, the order's expiry, the review of a youth CBO (12 months) and
 * the 24 hours to bring someone arrested for breach before a judge. The first level-5 step on a case
 * is step-1 and its referral legal-1.
 */
describe('legal deadlines, on the time-skipping server', () => {
  const world = timerWorld();
  const cases = () => world.cases;
  const LEGAL = 'legal.team';

  const referInjunction = async () => {
    const reference = await world.open();
    await cases().run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
    await cases().run(reference, 'recordEnforcementStep', {
      kind: 'CIVIL_INJUNCTION',
      subjectId: 's1',
      skipReason: 'Threats of violence to neighbours: straight to an injunction.',
    });
    const referredOn = await world.today();
    const acknowledgement = await world.deadline(reference, 'LEGAL_ACKNOWLEDGEMENT');
    const decision = await world.deadline(reference, 'LEGAL_DECISION');
    expect(acknowledgement).toMatchObject({ status: 'PENDING', stepId: 'step-1', dueOn: addWorkingDays(referredOn, 2) });
    expect(decision).toMatchObject({ status: 'PENDING', stepId: 'step-1', dueOn: addWorkingDays(referredOn, 10) });
    return { reference, acknowledgement, decision };
  };

  /** The referral acknowledged and decided, and a hearing listed for 10:00, `daysAhead` days from today. */
  const listHearing = async (reference: string, court: Court, daysAhead = 3) => {
    await cases().run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, LEGAL);
    await cases().run(reference, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Evidence is strong.' }, LEGAL);
    const hearingAt = londonTimeOn(addDays(await world.today(), daysAhead), 10).toISOString();
    await cases().run(reference, 'listHearing', { referralId: 'legal-1', hearingAt, court }, LEGAL);
    const hearing = await world.deadline(reference, 'HEARING');
    expect(hearing).toMatchObject({ status: 'PENDING', stepId: 'step-1', dueOn: londonDateOf(new Date(hearingAt)) });
    return { hearingAt, hearing };
  };

  /** Heard at 10:00 the next day, with an order made there for `months`; the outcome is recorded at 11:00. */
  const orderMade = async (reference: string, court: Court, months: number) => {
    const { hearingAt, hearing } = await listHearing(reference, court, 1);
    await world.sleepUntil(Date.parse(hearingAt) + HOUR_MS);
    const madeOn = await world.today();
    expect(madeOn).toBe(hearing.dueOn);
    const expiresOn = addMonths(madeOn, months);
    await cases().run(reference, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Not to enter Wyndham Avenue.', expiresOn }, LEGAL);
    expect((await world.deadline(reference, 'HEARING', hearing.id)).status).toBe('MET');
    return { madeOn, expiresOn };
  };

  describe('legal acknowledgement of a referral (2 working days)', () => {
    it('acknowledged on the second working day: met, and legal are not alerted', async () => {
      const { reference, acknowledgement } = await referInjunction();

      await world.sleepToJustBefore(acknowledgement);
      await cases().run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, LEGAL);

      await world.sleepPast(acknowledgement);
      const met = await world.deadline(reference, 'LEGAL_ACKNOWLEDGEMENT', acknowledgement.id);
      expect(met).toMatchObject({ status: 'MET', resolution: 'acknowledged by legal.team' });
      await world.expectNoAlert(reference, 'LEGAL_ACKNOWLEDGEMENT');
    });

    it('not acknowledged within 2 working days: recorded as missed, and legal are alerted once', async () => {
      const { reference, acknowledgement } = await referInjunction();

      await world.sleepToJustBefore(acknowledgement);
      expect((await world.deadline(reference, 'LEGAL_ACKNOWLEDGEMENT', acknowledgement.id)).status).toBe('PENDING');

      await world.sleepPast(acknowledgement);
      const alert = await world.expectMissedWithOneAlert(reference, acknowledgement.id);
      expect(alert.to).toEqual([RECIPIENT.LEGAL]);
      expect(alert.text).toContain('acknowledge the referral');
    });
  });

  describe('legal decision on a referral (10 working days)', () => {
    it('decided on the tenth working day: met, and legal are not alerted', async () => {
      const { reference, acknowledgement, decision } = await referInjunction();
      await cases().run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, LEGAL);

      await world.sleepToJustBefore(decision);
      await cases().run(reference, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Evidence is strong.' }, LEGAL);

      await world.sleepPast(decision);
      expect((await world.deadline(reference, 'LEGAL_ACKNOWLEDGEMENT', acknowledgement.id)).status).toBe('MET');
      const met = await world.deadline(reference, 'LEGAL_DECISION', decision.id);
      expect(met).toMatchObject({ status: 'MET', resolution: 'decided by legal.team: proceed: Evidence is strong.' });
      await world.expectNoAlert(reference, 'LEGAL_DECISION');
      await world.expectAlertsOnlyForMissedDuties(reference);
    });

    it('acknowledged but not decided within 10 working days: recorded as missed, and legal are alerted once', async () => {
      const { reference, decision } = await referInjunction();
      await cases().run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, LEGAL);

      await world.sleepToJustBefore(decision);
      expect((await world.deadline(reference, 'LEGAL_DECISION', decision.id)).status).toBe('PENDING');

      await world.sleepPast(decision);
      const alert = await world.expectMissedWithOneAlert(reference, decision.id);
      expect(alert.to).toEqual([RECIPIENT.LEGAL]);
      expect(alert.text).toContain('record the decision to proceed or decline');
      expect(world.alertsFor(reference, 'LEGAL_ACKNOWLEDGEMENT')).toHaveLength(0);
    });
  });

  describe('court hearing (the outcome recorded by the hearing day)', () => {
    it('outcome recorded on the hearing day: met, and legal are not alerted', async () => {
      const { reference } = await referInjunction();
      const { hearingAt, hearing } = await listHearing(reference, 'COUNTY_COURT');

      await world.sleepUntil(Date.parse(hearingAt) + 5 * HOUR_MS);
      expect(await world.today()).toBe(hearing.dueOn);
      await cases().run(reference, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ADJOURNED' }, LEGAL);

      await world.sleepPast(hearing);
      expect(await world.deadline(reference, 'HEARING', hearing.id)).toMatchObject({ status: 'MET', resolution: 'heard: adjourned' });
      await world.expectNoAlert(reference, 'HEARING');
    });

    it('no outcome by the end of the hearing day: recorded as missed, and legal are alerted once', async () => {
      const { reference } = await referInjunction();
      const { hearing } = await listHearing(reference, 'COUNTY_COURT');

      await world.sleepToJustBefore(hearing);
      expect((await world.deadline(reference, 'HEARING', hearing.id)).status).toBe('PENDING');

      await world.sleepPast(hearing);
      const alert = await world.expectMissedWithOneAlert(reference, hearing.id);
      expect(alert.to).toEqual([RECIPIENT.LEGAL]);
      expect(alert.text).toContain('record the hearing outcome');
    });

    it('a hearing re-listed to a later date moves the deadline: nothing at the old date, one alert when the new date is missed', async () => {
      const { reference } = await referInjunction();
      const { hearing: first } = await listHearing(reference, 'COUNTY_COURT', 2);
      const relistedAt = londonTimeOn(addDays(await world.today(), 9), 14).toISOString();
      await cases().run(reference, 'listHearing', { referralId: 'legal-1', hearingAt: relistedAt, court: 'COUNTY_COURT' }, LEGAL);
      const second = await world.deadline(reference, 'HEARING');
      expect(second.id).not.toBe(first.id);
      expect(second).toMatchObject({ status: 'PENDING', dueOn: londonDateOf(new Date(relistedAt)) });
      expect(await world.deadline(reference, 'HEARING', first.id)).toMatchObject({ status: 'CANCELLED', resolution: `re-listed for ${relistedAt}` });

      await world.sleepPast(first);
      await world.expectNoAlert(reference, 'HEARING');
      expect((await world.deadline(reference, 'HEARING', second.id)).status).toBe('PENDING');

      await world.sleepPast(second);
      await world.expectMissedWithOneAlert(reference, second.id);
      expect((await world.deadline(reference, 'HEARING', first.id)).status).toBe('CANCELLED');
    });
  });

  describe('order in force until its expiry date', () => {
    it('in force to the end of its expiry day, then ends with no alert; the case may close while it runs', async () => {
      const { reference } = await referInjunction();
      const { expiresOn } = await orderMade(reference, 'COUNTY_COURT', 2);
      const expiry = await world.deadline(reference, 'ORDER_EXPIRY');
      expect(expiry).toMatchObject({ status: 'PENDING', stepId: 'step-1', dueOn: expiresOn });

      await world.sleepToJustBefore(expiry);
      expect((await world.deadline(reference, 'ORDER_EXPIRY', expiry.id)).status).toBe('PENDING');
      expect((await cases().file(reference)).legalReferrals[0]?.status).toBe('ORDER_MADE');
      // The order does not hold the case open (it holds its records from anonymisation): it may close now.
      expect((await cases().nextSteps(reference)).find((step) => step.command === 'requestClosure')).toMatchObject({ available: true });

      await world.sleepPast(expiry);
      expect(await world.deadline(reference, 'ORDER_EXPIRY', expiry.id)).toMatchObject({ status: 'MET', resolution: `order expired at ${expiry.dueAt}` });
      expect((await cases().file(reference)).legalReferrals[0]?.status).toBe('ORDER_ENDED');
      await world.expectNoAlert(reference, 'ORDER_EXPIRY');
      await world.expectAlertsOnlyForMissedDuties(reference);
      const closing = await cases().run(reference, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'The order ran its course with no breach.' });
      expect(closing.stage).toBe('CLOSURE_REVIEW');
    });
  });

  describe('arrested for breach: before a judge within 24 hours', () => {
    const arrestForBreach = async () => {
      const { reference } = await referInjunction();
      await orderMade(reference, 'COUNTY_COURT', 12);
      await world.env.sleep(5 * DAY_MS);
      const arrestedAt = new Date(await world.now()).toISOString();
      await cases().run(reference, 'recordOrderBreach', { referralId: 'legal-1', description: 'Seen in Wyndham Avenue shouting at number 12.', arrestedAt }, 'pc.lewis');
      const beforeJudge = await world.deadline(reference, 'BREACH_BEFORE_JUDGE');
      expect(beforeJudge.status).toBe('PENDING');
      // 24 hours, not counting Sundays, Christmas Day or Good Friday (pinned day by day in test/unit/statutory-hours).
      expect(beforeJudge.dueAt).toBe(addHoursDisregarding(new Date(arrestedAt), 24).toISOString());
      return { reference, arrestedAt, beforeJudge };
    };

    it('brought before a judge 23 hours after the arrest: met, and legal are not alerted', async () => {
      const { reference, beforeJudge } = await arrestForBreach();

      await world.sleepUntil(Date.parse(beforeJudge.dueAt) - HOUR_MS);
      await cases().run(reference, 'recordBeforeJudge', { referralId: 'legal-1' }, LEGAL);

      await world.sleepPast(beforeJudge);
      expect(await world.deadline(reference, 'BREACH_BEFORE_JUDGE', beforeJudge.id)).toMatchObject({ status: 'MET', resolution: 'brought before a judge' });
      await world.expectNoAlert(reference, 'BREACH_BEFORE_JUDGE');
    });

    it('not before a judge 24 hours after the arrest: recorded as missed, and legal are alerted once', async () => {
      const { reference, beforeJudge } = await arrestForBreach();

      await world.sleepUntil(Date.parse(beforeJudge.dueAt) - HOUR_MS);
      expect((await world.deadline(reference, 'BREACH_BEFORE_JUDGE', beforeJudge.id)).status).toBe('PENDING');
      await world.expectNoAlert(reference, 'BREACH_BEFORE_JUDGE');

      await world.sleepUntil(Date.parse(beforeJudge.dueAt) + HOUR_MS);
      const alert = await world.expectMissedWithOneAlert(reference, beforeJudge.id);
      expect(alert.to).toEqual([RECIPIENT.LEGAL]);
      expect(alert.text).toContain('the statutory 24 hours have passed');
    });
  });

  describe('review of a Criminal Behaviour Order on an under-18 (every 12 months)', () => {
    const youthOrder = async (age: number) => {
      const youth: Subject = await world.youngPerson(age);
      const reference = await world.open({ subjects: [youth] });
      await cases().run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
      await cases().run(reference, 'recordConviction', { subjectId: 's1', offence: 'Criminal damage', convictedOn: await world.today() });
      await cases().run(reference, 'recordEnforcementStep', { kind: 'CRIMINAL_BEHAVIOUR_ORDER', subjectId: 's1', skipReason: 'On conviction the prosecution applies for a CBO.' });
      expect((await cases().file(reference)).legalReferrals[0]?.youth).toBe(true);
      const { madeOn, expiresOn } = await orderMade(reference, 'YOUTH_COURT', 36);
      const review = await world.deadline(reference, 'ORDER_REVIEW');
      expect(review).toMatchObject({ status: 'PENDING', stepId: 'step-1', dueOn: addMonths(madeOn, 12) });
      return { reference, review, expiresOn };
    };

    it('reviewed on the day it falls due at 12 months: met, the next review is set 12 months on, and legal are not alerted', async () => {
      // 14 now: still under 18 at the next review too.
      const { reference, review } = await youthOrder(14);

      await world.sleepToJustBefore(review);
      expect(await world.today()).toBe(review.dueOn);
      await cases().run(reference, 'recordOrderReview', { referralId: 'legal-1', notes: 'Engaging with the youth offending team.' }, LEGAL);
      const next = (await world.ledger(reference)).filter((entry) => entry.kind === 'ORDER_REVIEW' && entry.status === 'PENDING');
      expect(next.map((entry) => entry.dueOn)).toEqual([addMonths(review.dueOn as LocalDate, 12)]);

      await world.sleepPast(review);
      expect(await world.deadline(reference, 'ORDER_REVIEW', review.id)).toMatchObject({ status: 'MET', resolution: 'reviewed by legal.team' });
      await world.expectNoAlert(reference, 'ORDER_REVIEW');
    });

    it('not reviewed within 12 months: recorded as missed, and legal are alerted once', async () => {
      const { reference, review } = await youthOrder(16);

      await world.sleepToJustBefore(review);
      expect((await world.deadline(reference, 'ORDER_REVIEW', review.id)).status).toBe('PENDING');

      await world.sleepPast(review);
      const alert = await world.expectMissedWithOneAlert(reference, review.id);
      expect(alert.to).toEqual([RECIPIENT.LEGAL]);
    });
  });
});
