import Holidays from 'date-holidays';
import { type LocalDate, yearOf } from './calendar';

/**
 * England and Wales bank holidays, including substitute days and one-off days (jubilees, a state
 * funeral, a coronation) as the library records them. Scotland and Northern Ireland differ, and a
 * Community Safety Partnership in England counts working days by England and Wales.
 */
const englandAndWales = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlySet<string>>();

export function bankHolidaysIn(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      englandAndWales
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}

export function isBankHoliday(date: LocalDate): boolean {
  return bankHolidaysIn(yearOf(date)).has(date);
}

/** Good Friday in England and Wales that year, from the same calendar as the bank holidays. */
export function goodFriday(year: number): string {
  const day = englandAndWales.getHolidays(year).find((holiday) => holiday.type === 'public' && holiday.name === 'Good Friday');
  if (!day) throw new RangeError(`no Good Friday found for ${year}`);
  return day.date.slice(0, 10);
}
