/** Dates as GOV.UK writes them ("10 December 2026"), read in England whatever the server's zone. */
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (2026-12-10) as itself; an instant as the day it is in England. */
export function displayDate(value: string): string {
  return CALENDAR_DATE.test(value) ? DAY.format(new Date(`${value}T00:00:00Z`)) : LONDON_DAY.format(new Date(value));
}

/** The style guide's words for the two times that "12:00" leaves ambiguous. */
const NAMED_TIMES: Readonly<Record<string, string>> = { '12:00pm': 'midday', '12:00am': 'midnight' };

/** An instant as "10 December 2026 at 2:05pm", in England's time. */
export function displayDateTime(value: string): string {
  const time = LONDON_TIME.format(new Date(value)).replace(/\s/gu, '').toLowerCase();
  return `${LONDON_DAY.format(new Date(value))} at ${NAMED_TIMES[time] ?? time}`;
}

/** The recorded sentences (a timeline entry, a deadline's reason) with their ISO dates and risk levels as a person writes them. */
export function datesInWords(text: string | null | undefined): string {
  if (!text) return '';
  const worded = text.replace(/\b\d{4}-\d{2}-\d{2}\b/gu, (date) => displayDate(date)).replace(/\b(HIGH|MEDIUM|STANDARD) risk\b/gu, (_, level: string) => `${level.toLowerCase()} risk`);
  return worded.charAt(0).toUpperCase() + worded.slice(1);
}
