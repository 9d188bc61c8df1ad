import type { LocalDate } from '../calendar';

const IN_WORDS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "10 December 2026": how a notice states a date, never as digits a reader could take either way. */
export function dateInWords(date: LocalDate): string {
  return IN_WORDS.format(new Date(`${date}T00:00:00Z`));
}
