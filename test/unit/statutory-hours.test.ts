import { addHoursDisregarding, isDisregardedDay, localDate } from '../../libs/domain/src';

describe('statutory hour limits (2014 Act s.9(3): Christmas Day, Good Friday and Sundays are not counted)', () => {
  it('counts 24 hours straight through ordinary weekdays', () => {
    expect(addHoursDisregarding(new Date('2026-11-24T10:00:00Z'), 24).toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('skips a Sunday: arrested 10:00 Saturday, before a judge by 10:00 Monday', () => {
    expect(addHoursDisregarding(new Date('2026-11-28T10:00:00Z'), 24).toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('skips Christmas Day: arrested 09:00 on Christmas Eve 2026 (a Thursday), by 09:00 on Boxing Day', () => {
    expect(addHoursDisregarding(new Date('2026-12-24T09:00:00Z'), 24).toISOString()).toBe('2026-12-26T09:00:00.000Z');
  });

  it('skips Good Friday: arrested 12:00 on Thursday 25 March 2027, before a judge by 12:00 on the Saturday', () => {
    // Thursday 12:00 to midnight is 12 hours; Good Friday is not counted; 12 more on Saturday.
    expect(addHoursDisregarding(new Date('2027-03-25T12:00:00Z'), 24).toISOString()).toBe('2027-03-27T12:00:00.000Z');
    // 36 hours run out at the end of Saturday, just as Easter Sunday (not counted) begins.
    expect(addHoursDisregarding(new Date('2027-03-25T12:00:00Z'), 36).toISOString()).toBe('2027-03-28T00:00:00.000Z');
  });

  it('knows which days are disregarded, by the date in England', () => {
    expect(isDisregardedDay(localDate('2026-11-29'))).toBe(true);
    expect(isDisregardedDay(localDate('2026-12-25'))).toBe(true);
    expect(isDisregardedDay(localDate('2026-04-03'))).toBe(true);
    expect(isDisregardedDay(localDate('2026-04-06'))).toBe(false);
    expect(isDisregardedDay(localDate('2026-12-26'))).toBe(false);
  });
});
