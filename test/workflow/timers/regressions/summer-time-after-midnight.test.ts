import { addDays, localDate, type LocalDate, londonTimeOn } from '../../../../libs/domain/src';
import { HOUR_MS, timerWorld } from '../timer-world';

/**
 * BUG (found by running the timer tests on a host set to Tokyo): a workflow's Date is Temporal's
 * replacement, and the TZDate the calendar used became a plain Date in the host's time zone there. On a
 * UTC host, the hour after midnight in British Summer Time was still the day before inside a case, so a
 * warning served at 00:30 on 11 July ran its 14 days from 10 July, and a CPN was allowed a day early.
 */
describe('a case worked in the hour after midnight in British Summer Time, on the time-skipping server', () => {
  const world = timerWorld();

  /** 00:30 in England (23:30 UTC the day before) on the next 11 July still to come on the server's clock. */
  const nextSummerNightAfterMidnight = async (): Promise<{ date: LocalDate; at: number }> => {
    const today = await world.today();
    const year = Number(today.slice(0, 4)) + (today >= `${today.slice(0, 4)}-07-11` ? 1 : 0);
    const date = localDate(`${year}-07-11`);
    return { date, at: londonTimeOn(date, 0).getTime() + HOUR_MS / 2 };
  };

  it('a CPW served at 00:30 on 11 July runs its 14 days from 11 July, to the end of 25 July', async () => {
    const night = await nextSummerNightAfterMidnight();
    await world.sleepUntil(night.at);
    expect(await world.today()).toBe(night.date);
    expect(new Date(await world.now()).toISOString().slice(0, 10)).toBe(addDays(night.date, -1));

    const reference = await world.open();
    await world.cases.run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
    await world.cases.run(reference, 'recordEnforcementStep', {
      kind: 'COMMUNITY_PROTECTION_WARNING',
      subjectId: 's1',
      conductConfirmed: true,
      skipReason: 'Months of late-night parties reported by four households; police support going straight to a CPW.',
    });

    const period = await world.deadline(reference, 'CPW_COMPLIANCE');
    expect(period.dueOn).toBe(addDays(night.date, 14));
    expect(period.dueAt).toBe(`${addDays(night.date, 14)}T22:59:59.999Z`);
  });
});
