import { addWorkingDays, isBankHoliday, isWorkingDay, localDate, workingDaysBetween } from '../../libs/domain/src';

const d = localDate;

describe('working days in England and Wales', () => {
  it('does not count Saturdays and Sundays', () => {
    expect(isWorkingDay(d('2026-03-06'))).toBe(true); // Friday
    expect(isWorkingDay(d('2026-03-07'))).toBe(false); // Saturday
    expect(isWorkingDay(d('2026-03-08'))).toBe(false); // Sunday
    expect(isWorkingDay(d('2026-03-09'))).toBe(true); // Monday
  });

  it('does not count Good Friday or Easter Monday', () => {
    expect(isWorkingDay(d('2026-04-03'))).toBe(false);
    expect(isWorkingDay(d('2026-04-06'))).toBe(false);
    expect(isWorkingDay(d('2026-04-07'))).toBe(true);
  });

  it('does not count substitute days when Christmas or Boxing Day falls at a weekend', () => {
    expect(isBankHoliday(d('2026-12-28'))).toBe(true); // Boxing Day (Saturday) substitute
    expect(isBankHoliday(d('2027-12-27'))).toBe(true); // Christmas Day (Saturday) substitute
    expect(isBankHoliday(d('2027-12-28'))).toBe(true); // Boxing Day (Sunday) substitute
    expect(isWorkingDay(d('2026-12-28'))).toBe(false);
    expect(isWorkingDay(d('2027-12-29'))).toBe(true);
  });

  it('does not count the one-off bank holidays: jubilee, state funeral and coronation', () => {
    expect(isWorkingDay(d('2022-06-02'))).toBe(false);
    expect(isWorkingDay(d('2022-06-03'))).toBe(false);
    expect(isWorkingDay(d('2022-09-19'))).toBe(false);
    expect(isWorkingDay(d('2023-05-08'))).toBe(false);
  });

  it('counts days that are bank holidays only in Scotland or Northern Ireland as working days', () => {
    expect(isWorkingDay(d('2026-01-02'))).toBe(true); // Scotland: 2 January
    expect(isWorkingDay(d('2026-03-17'))).toBe(true); // Northern Ireland: St Patrick's Day
    expect(isWorkingDay(d('2026-08-03'))).toBe(true); // Scotland: summer bank holiday
    expect(isWorkingDay(d('2026-11-30'))).toBe(true); // Scotland: St Andrew's Day
  });
});

describe('adding working days to a date', () => {
  it('puts one working day after a Friday on the Monday', () => {
    expect(addWorkingDays(d('2026-03-06'), 1)).toBe('2026-03-09');
  });

  it('puts one working day after a Saturday report on the Monday', () => {
    expect(addWorkingDays(d('2026-03-07'), 1)).toBe('2026-03-09');
  });

  it('puts five working days after a Monday on the following Monday', () => {
    expect(addWorkingDays(d('2026-03-02'), 5)).toBe('2026-03-09');
  });

  it('skips the whole Easter weekend', () => {
    expect(addWorkingDays(d('2026-04-02'), 1)).toBe('2026-04-07');
  });

  it('skips Christmas, the Boxing Day substitute and New Year in 2026', () => {
    expect(addWorkingDays(d('2026-12-24'), 1)).toBe('2026-12-29');
    expect(addWorkingDays(d('2026-12-24'), 3)).toBe('2026-12-31');
    expect(addWorkingDays(d('2026-12-24'), 4)).toBe('2027-01-04');
  });

  it('skips both substitute days at Christmas 2027', () => {
    expect(addWorkingDays(d('2027-12-24'), 1)).toBe('2027-12-29');
  });

  it('skips the one-off bank holidays', () => {
    expect(addWorkingDays(d('2022-06-01'), 1)).toBe('2022-06-06'); // jubilee Thursday and Friday
    expect(addWorkingDays(d('2022-09-16'), 1)).toBe('2022-09-20'); // state funeral Monday
    expect(addWorkingDays(d('2023-05-05'), 1)).toBe('2023-05-09'); // coronation Monday
  });

  it('leaves the date alone when adding zero working days, even at a weekend', () => {
    expect(addWorkingDays(d('2026-03-04'), 0)).toBe('2026-03-04');
    expect(addWorkingDays(d('2026-03-07'), 0)).toBe('2026-03-07');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a working-day count of %p', (count) => {
    expect(() => addWorkingDays(d('2026-03-02'), count)).toThrow(RangeError);
  });
});

describe('counting working days between two dates', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween(d('2026-03-02'), d('2026-03-09'))).toBe(5);
    expect(workingDaysBetween(d('2026-03-06'), d('2026-03-09'))).toBe(1);
  });

  it('counts only one working day between Christmas Eve and 29 December 2026', () => {
    expect(workingDaysBetween(d('2026-12-24'), d('2026-12-29'))).toBe(1);
  });

  it('gives zero when the second date is the same day or earlier', () => {
    expect(workingDaysBetween(d('2026-03-09'), d('2026-03-09'))).toBe(0);
    expect(workingDaysBetween(d('2026-03-09'), d('2026-03-02'))).toBe(0);
  });

  it('agrees with addWorkingDays across the bank holidays of a year', () => {
    const from = d('2026-03-30');
    for (const count of [1, 5, 10, 20, 60, 200]) {
      expect(workingDaysBetween(from, addWorkingDays(from, count))).toBe(count);
    }
  });
});
