import { tzOffset } from '@date-fns/tz';

/**
 * A calendar date as a caseworker says it ("due on 3 December"), as an ISO string `YYYY-MM-DD`.
 * Deadlines are reasoned about in dates and turned into an instant only at the edge, because
 * "due on the 3rd" means "by the end of the 3rd in England", whatever the clocks are doing.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

export const PARTNERSHIP_TIME_ZONE = 'Europe/London';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Further from a clock change than any change moves the clocks: England's offset either side of one. */
const CLOCK_CHANGE_MARGIN_MS = 3 * 3_600_000;

export function localDate(iso: string): LocalDate {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${iso}`);
  const [, y, m, d] = match;
  const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (check.toISOString().slice(0, 10) !== iso) throw new RangeError(`no such calendar date: ${iso}`);
  return iso as LocalDate;
}

/*
 * These read England's offset with tzOffset and do their own arithmetic in UTC, rather than use TZDate: a
 * workflow's Date is Temporal's replacement, which answers `new Date(...)` with a plain Date even inside a
 * subclass's constructor, so a TZDate in a workflow quietly becomes a Date in the host's time zone (on a
 * UTC host, the hour after midnight in British Summer Time was the day before).
 */

/** The date it is in England at `instant`. */
export function londonDateOf(instant: Date): LocalDate {
  return fromUtcMs(instant.getTime() + tzOffset(PARTNERSHIP_TIME_ZONE, instant) * MINUTE_MS);
}

/** The last millisecond of `date` in England: the moment a deadline "due on `date`" is missed. */
export function endOfLondonDay(date: LocalDate): Date {
  return new Date(londonWallClockToInstant(date, 23, 59, 59, 999));
}

/** `hour`:`minute` on `date` in England, whatever the clocks are doing. */
export function londonTimeOn(date: LocalDate, hour: number, minute = 0): Date {
  return new Date(londonWallClockToInstant(date, hour, minute, 0, 0));
}

/**
 * The instant England's clocks show this time on `date`. A time the clocks show twice (01:30 on the last
 * Sunday of October) is the first; a time they skip (01:30 on the last Sunday of March) counts forward an hour.
 */
function londonWallClockToInstant(date: LocalDate, hour: number, minute: number, second: number, ms: number): number {
  const [y, m, d] = parts(date);
  const asIfUtc = Date.UTC(y, m - 1, d, hour, minute, second, ms);
  const offsetOf = (instant: number) => tzOffset(PARTNERSHIP_TIME_ZONE, new Date(instant)) * MINUTE_MS;
  const before = asIfUtc - offsetOf(asIfUtc - CLOCK_CHANGE_MARGIN_MS);
  if (asIfUtc - offsetOf(before) === before) return before;
  const after = asIfUtc - offsetOf(asIfUtc + CLOCK_CHANGE_MARGIN_MS);
  return asIfUtc - offsetOf(after) === after ? after : before;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parts(date);
  return fromUtcMs(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = parts(date);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: LocalDate): number {
  return parts(date)[0];
}

function parts(date: LocalDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10) as LocalDate;
}

function toLocalDate(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as LocalDate;
}

/** The same day `months` later, or the month's last day where it has no such day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toLocalDate(year, month + 1, Math.min(d, lastDay));
}

/** Whole years of age on `on` for someone born on `dateOfBirth` (a 29 February birthday counts on 28 February). */
export function ageOn(dateOfBirth: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(on);
  const hadBirthday = m > bm || (m === bm && d >= bd) || (bm === 2 && bd === 29 && m === 2 && d === 28 && !isLeapYear(y));
  return y - by - (hadBirthday ? 0 : 1);
}

/** The day someone born on `dateOfBirth` reaches `age`. */
export function birthdayAt(dateOfBirth: LocalDate, age: number): LocalDate {
  return addMonths(dateOfBirth, age * 12);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
