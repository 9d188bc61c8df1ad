import { isoWeekday, type LocalDate, londonDateOf } from './calendar';
import { goodFriday } from './bank-holidays';

const HOUR_MS = 3_600_000;

/** Days the 2014 Act leaves out when counting its hour limits (s.9(3): Christmas Day, Good Friday, Sundays). */
export function isDisregardedDay(date: LocalDate): boolean {
  return isoWeekday(date) === 7 || date.slice(5) === '12-25' || date === goodFriday(Number(date.slice(0, 4)));
}

/**
 * The moment `hours` have passed after `from`, not counting time on disregarded days (counted in
 * England's local days). An arrest at 10:00 on a Saturday must be before a judge by 10:00 on Monday.
 */
export function addHoursDisregarding(from: Date, hours: number): Date {
  let remaining = hours * HOUR_MS;
  let at = from.getTime();
  // Step a quarter-hour at a time: exact enough for a statutory limit, and simple across clock changes.
  const step = HOUR_MS / 4;
  while (remaining > 0) {
    const slice = Math.min(step, remaining);
    if (!isDisregardedDay(londonDateOf(new Date(at)))) remaining -= slice;
    at += slice;
  }
  return new Date(at);
}
