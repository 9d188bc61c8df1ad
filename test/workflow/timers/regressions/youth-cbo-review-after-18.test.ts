import { addDays, addMonths, ageOn, type LocalDate, londonTimeOn } from '../../../../libs/domain/src';
import { HOUR_MS, timerWorld } from '../timer-world';

/**
 * SUSPECTED BUG (docs/domain.md, Legal referrals and orders: a CBO on an under-18 is reviewed every 12
 * months [law]; 2014 Act s.28 requires
 * a review only where the offender will still be under 18 at the end of the review period): after the
 * first review of a CBO made on a 16-year-old, the next 12-monthly review is planned for a date when
 * the subject is 18, and it is then missed with a legal alert.
 */
describe('youth CBO reviews, on the time-skipping server', () => {
  const world = timerWorld();
  const LEGAL = 'legal.team';

  it('no further review is planned for a date when the subject will be 18', async () => {
    const youth = await world.youngPerson(16);
    const reference = await world.open({ subjects: [youth] });
    const run = world.cases.run.bind(world.cases);
    await run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
    await run(reference, 'recordConviction', { subjectId: 's1', offence: 'Criminal damage', convictedOn: await world.today() });
    await run(reference, 'recordEnforcementStep', { kind: 'CRIMINAL_BEHAVIOUR_ORDER', subjectId: 's1', skipReason: 'On conviction.' });
    await run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, LEGAL);
    await run(reference, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Apply.' }, LEGAL);
    const hearingAt = londonTimeOn(addDays(await world.today(), 1), 10);
    await run(reference, 'listHearing', { referralId: 'legal-1', hearingAt: hearingAt.toISOString(), court: 'YOUTH_COURT' }, LEGAL);
    await world.sleepUntil(hearingAt.getTime() + HOUR_MS);
    await run(reference, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Curfew 9pm.', expiresOn: addMonths(await world.today(), 36) }, LEGAL);
    const first = await world.deadline(reference, 'ORDER_REVIEW');
    expect(ageOn(youth.dateOfBirth!, first.dueOn as LocalDate)).toBe(17);

    await world.sleepToJustBefore(first);
    await run(reference, 'recordOrderReview', { referralId: 'legal-1', notes: 'Engaging with the YOT.' }, LEGAL);
    const next = (await world.ledger(reference)).filter((entry) => entry.kind === 'ORDER_REVIEW' && entry.status === 'PENDING');
    expect(next.map((entry) => `${entry.dueOn} (subject aged ${ageOn(youth.dateOfBirth!, entry.dueOn as LocalDate)})`)).toEqual([]);
  });
});
