import { type LocalDate, londonDateOf } from '../calendar';

const IN_WORDS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });
const DAY_IN_ENGLAND = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "10 December 2026": how a notice states a date, never as digits a reader could take either way. */
export function dateInWords(date: LocalDate): string {
  return IN_WORDS.format(new Date(`${date}T00:00:00Z`));
}

/** "14:30 on 10 December 2026", as the clock in England reads: how a notice states a moment its hours run from or to. */
export function momentInWords(instant: Date): string {
  return `${CLOCK.format(instant)} on ${DAY_IN_ENGLAND.format(instant)}`;
}

/** The day in England an instant falls on, and the same in words. */
export function dayOf(instant: string): { readonly on: LocalDate; readonly inWords: string } {
  const on = londonDateOf(new Date(instant));
  return { on, inWords: dateInWords(on) };
}
