import { addDays, endOfLondonDay, isoWeekday, localDate, londonDateOf, londonTimeOn } from '../../libs/domain/src';

const d = localDate;

describe('the date it is in England', () => {
  it('changes at midnight UTC in winter, when England is on GMT', () => {
    expect(londonDateOf(new Date('2026-12-03T23:59:59.999Z'))).toBe('2026-12-03');
    expect(londonDateOf(new Date('2026-12-04T00:00:00.000Z'))).toBe('2026-12-04');
  });

  it('changes at 23:00 UTC in summer, when England is on BST', () => {
    expect(londonDateOf(new Date('2026-07-01T22:59:59.999Z'))).toBe('2026-07-01');
    expect(londonDateOf(new Date('2026-07-01T23:30:00.000Z'))).toBe('2026-07-02');
  });

  it('follows the clocks going forward on 29 March 2026', () => {
    expect(londonDateOf(new Date('2026-03-29T00:30:00.000Z'))).toBe('2026-03-29');
    expect(londonDateOf(new Date('2026-03-29T22:59:59.999Z'))).toBe('2026-03-29');
    expect(londonDateOf(new Date('2026-03-29T23:00:00.000Z'))).toBe('2026-03-30');
  });

  it('follows the clocks going back on 25 October 2026', () => {
    expect(londonDateOf(new Date('2026-10-24T22:59:59.999Z'))).toBe('2026-10-24');
    expect(londonDateOf(new Date('2026-10-24T23:00:00.000Z'))).toBe('2026-10-25');
    expect(londonDateOf(new Date('2026-10-25T23:30:00.000Z'))).toBe('2026-10-25');
  });
});

describe('a time on a date in England, as an instant', () => {
  it('is that time GMT in winter and BST in summer, to the minute', () => {
    expect(londonTimeOn(d('2026-12-03'), 9, 30).toISOString()).toBe('2026-12-03T09:30:00.000Z');
    expect(londonTimeOn(d('2026-07-10'), 0, 30).toISOString()).toBe('2026-07-09T23:30:00.000Z');
  });

  it('counts a time the clocks skip on 29 March 2026 forward an hour, and reads the first 01:30 of 25 October', () => {
    expect(londonTimeOn(d('2026-03-29'), 1, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonTimeOn(d('2026-10-25'), 1, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('the moment a deadline due on a date is missed', () => {
  it('is 23:59:59.999 GMT on a winter date', () => {
    expect(endOfLondonDay(d('2026-12-03')).toISOString()).toBe('2026-12-03T23:59:59.999Z');
  });

  it('is 23:59:59.999 BST on a summer date', () => {
    expect(endOfLondonDay(d('2026-07-10')).toISOString()).toBe('2026-07-10T22:59:59.999Z');
  });

  it('is in BST on the day the clocks go forward, and GMT the day before', () => {
    expect(endOfLondonDay(d('2026-03-28')).toISOString()).toBe('2026-03-28T23:59:59.999Z');
    expect(endOfLondonDay(d('2026-03-29')).toISOString()).toBe('2026-03-29T22:59:59.999Z');
  });

  it('is in GMT on the day the clocks go back, and BST the day before', () => {
    expect(endOfLondonDay(d('2026-10-24')).toISOString()).toBe('2026-10-24T22:59:59.999Z');
    expect(endOfLondonDay(d('2026-10-25')).toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });

  it('is still the same London date one millisecond before, and the next date one millisecond after', () => {
    for (const date of ['2026-03-29', '2026-07-10', '2026-10-25', '2026-12-03']) {
      const end = endOfLondonDay(d(date)).getTime();
      expect(londonDateOf(new Date(end))).toBe(date);
      expect(londonDateOf(new Date(end + 1))).toBe(addDays(d(date), 1));
    }
  });
});

describe('adding calendar days', () => {
  it('crosses the end of a month and of a year', () => {
    expect(addDays(d('2026-01-31'), 1)).toBe('2026-02-01');
    expect(addDays(d('2026-12-25'), 7)).toBe('2027-01-01');
    expect(addDays(d('2027-01-01'), -1)).toBe('2026-12-31');
  });

  it('knows 2028 is a leap year and 2026 is not', () => {
    expect(addDays(d('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(d('2028-02-29'), 1)).toBe('2028-03-01');
    expect(addDays(d('2026-02-28'), 1)).toBe('2026-03-01');
  });

  it('adds whole days across the clock changes without drifting', () => {
    expect(addDays(d('2026-03-28'), 2)).toBe('2026-03-30');
    expect(addDays(d('2026-10-24'), 2)).toBe('2026-10-26');
  });

  it('numbers the weekdays from Monday 1 to Sunday 7', () => {
    expect(isoWeekday(d('2026-03-02'))).toBe(1);
    expect(isoWeekday(d('2026-03-08'))).toBe(7);
  });
});

describe('reading a calendar date', () => {
  it('accepts a real date, including 29 February in a leap year', () => {
    expect(localDate('2026-12-03')).toBe('2026-12-03');
    expect(localDate('2028-02-29')).toBe('2028-02-29');
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-1', '03/12/2026', '2026-12-03T00:00:00Z', ''])(
    'rejects %p',
    (input) => {
      expect(() => localDate(input)).toThrow(RangeError);
    },
  );
});
