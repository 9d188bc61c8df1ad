import { addDays, isoWeekday, type LocalDate } from './calendar';
import { isBankHoliday } from './bank-holidays';

export function isWorkingDay(date: LocalDate): boolean {
  return isoWeekday(date) <= 5 && !isBankHoliday(date);
}

/**
 * The date `count` working days after `from` (the day itself is day 0, so a contact due in
 * "1 working day" from a Friday report is due on Monday, or Tuesday after a bank-holiday Monday).
 */
export function addWorkingDays(from: LocalDate, count: number): LocalDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${count}`);
  let date = from;
  let remaining = count;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) remaining -= 1;
  }
  return date;
}

/** Working days strictly after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(date)) count += 1;
  }
  return count;
}

/** The date `count` working days before `to`, counting back the way `addWorkingDays` counts forward. */
export function subtractWorkingDays(to: LocalDate, count: number): LocalDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${count}`);
  let date = to;
  let remaining = count;
  while (remaining > 0) {
    date = addDays(date, -1);
    if (isWorkingDay(date)) remaining -= 1;
  }
  return date;
}

/** The working day something arising on `date` is dealt with: that day, or the next working day after a weekend or bank holiday. */
export function workingDayOn(date: LocalDate): LocalDate {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}
