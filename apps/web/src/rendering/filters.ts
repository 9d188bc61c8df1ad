import type nunjucks from 'nunjucks';
import { WITHHELD } from '../../../../libs/domain/src';
import { displayDate, displayDateTime } from './dates';
import { sentenceInWords } from './sentence-in-words';
import { inWords, tagClassOf } from './words';

/** Filters the views use to put stored values into words a person reads. */
export function registerFilters(env: nunjucks.Environment): void {
  // `date` is also the name MoJ's timeline calls with its item's `format`: "withTime" adds the time of day.
  env.addFilter('date', (value: string | null | undefined, format?: string) => (value ? (format === 'withTime' ? displayDateTime(value) : displayDate(value)) : ''));
  env.addFilter('words', inWords);
  env.addFilter('plain', (text: string | null | undefined) => (text ? sentenceInWords(text) : ''));
  env.addFilter('tagClass', tagClassOf);
  // What a summary-only share withholds (`summaryShareOf`), said as a person would say it.
  env.addFilter('shown', (value: string | null | undefined) => (value === WITHHELD ? 'Not shared with your agency' : (value ?? '')));
}
