import { addMonths, compareDates, type LocalDate } from '../calendar';

/** No fact of a case happened before this year: an earlier date is a typing error (211 for 2011). */
export const EARLIEST_FACT_YEAR = 1900;
/** Nobody the partnership works with is older than this. */
export const OLDEST_AGE_YEARS = 120;

/** Why a date a case records as a fact (a conviction, a hearing, a deadline) cannot be true; undefined when it can. */
export function factDateRefusal(date: LocalDate): string | undefined {
  return Number(date.slice(0, 4)) < EARLIEST_FACT_YEAR ? `is before ${EARLIEST_FACT_YEAR}; check the year` : undefined;
}

/** The same, for a moment (an incident, a breach, an arrest), given as an ISO 8601 date-time. */
export function factInstantRefusal(instant: string): string | undefined {
  return new Date(instant).getUTCFullYear() < EARLIEST_FACT_YEAR ? `is before ${EARLIEST_FACT_YEAR}; check the year` : undefined;
}

/** Why a moment something has already happened at (a notice served, a contact made) cannot be true: it is after `now`. */
export function futureInstantRefusal(instant: string, now: Date): string | undefined {
  return Date.parse(instant) > now.getTime() ? 'is in the future: record it once it has happened' : undefined;
}

/** Why a date of birth cannot be true on `today` (a day in England); undefined when it can. */
export function dateOfBirthRefusal(dateOfBirth: LocalDate, today: LocalDate): string | undefined {
  if (compareDates(dateOfBirth, today) > 0) return 'is in the future';
  if (compareDates(dateOfBirth, addMonths(today, -12 * OLDEST_AGE_YEARS)) < 0) return `is more than ${OLDEST_AGE_YEARS} years ago; check the year`;
  return undefined;
}
