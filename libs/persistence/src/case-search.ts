import type { EntityManager } from '@mikro-orm/postgresql';
import { caseFilterClauses, type CaseListFilter } from './case-queries';
import { textArray } from './text-array';

/** What a search asks for, read from the words a person typed: dates of birth and postcodes apart from the rest. */
export interface SearchTerms {
  /** The other words, for names (trigram similarity), addresses (trigram word similarity) and summaries (full text). */
  readonly text: string;
  /** Dates of birth typed as YYYY-MM-DD or DD/MM/YYYY. */
  readonly datesOfBirth: readonly string[];
  /** UK postcodes, upper case with their one space, however they were typed. */
  readonly postcodes: readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/**
 * A UK postcode, with or without its space. Matched whole against the address: by trigram likeness,
 * every postcode of a district shares its outward code ("LE13") and so looks alike.
 */
const POSTCODE = /(?<![A-Za-z0-9])([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})(?![A-Za-z0-9])/g;

/** Splits `q` into dates of birth, postcodes and words; a token shaped like a date that is no day of the calendar stays a word. */
export function searchTerms(q: string): SearchTerms {
  const postcodes = [...q.matchAll(POSTCODE)].map((match) => `${match[1]} ${match[2]}`.toUpperCase());
  const words: string[] = [];
  const dates: string[] = [];
  for (const token of q.replace(POSTCODE, ' ').split(/\s+/).filter(Boolean)) {
    const iso = ISO_DATE.exec(token);
    const uk = UK_DATE.exec(token);
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
    const date = year && month && day ? calendarDate(Number(year), Number(month), Number(day)) : undefined;
    if (date) dates.push(date);
    else words.push(token);
  }
  return { text: words.join(' '), datesOfBirth: dates, postcodes };
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export interface CaseSearchFilter extends Omit<CaseListFilter, 'sharedWith'> {
  /** A partner agency: only cases shared with it in full (a summary-only share withholds the names, the address and the summary). */
  readonly sharedInFullWith?: string;
}

/**
 * How alike a typed word and a word of a name or address must be (pg_trgm word similarity). Its default,
 * 0.6, misses one letter left out of an eight-letter surname ("Whitfeld", 0.58); 0.4 would let two
 * swapped letters through ("Whitfeild", 0.43) but also every surname that merely starts alike, each one
 * more row to check (`npm run bench`). Every word must match.
 */
const WORD_LIKENESS = 0.5;

/**
 * The cases in scope that match `q`, best first (then by reference), at most `limit`. A case scores
 * the best of its matches:
 * - a party whose name holds each of the words, or a word like it (pg_trgm word similarity of at least
 *   WORD_LIKENESS), with one of the dates of birth if any were given; scored by the word similarity
 *   of all the words (0 to 1); a date of birth alone scores 1;
 * - the address, likewise, or a postcode contained whole (scores 1);
 * - the summary (full text, English stemming), among the newest `limit` cases whose summary holds the
 *   words; scored by PostgreSQL's `ts_rank`, mostly below 0.1, so a person or a place ranks above a
 *   word of the account.
 * Each match is read off its own index (migration `case_search`) and confined to the caller's scope
 * and filters as it is found, so a common word costs only the cases the caller may see.
 */
export async function searchCases(em: EntityManager, filter: CaseSearchFilter, q: string, limit: number): Promise<Record<string, unknown>[]> {
  const { text, datesOfBirth, postcodes } = searchTerms(q);
  const { sharedInFullWith, ...listFilter } = filter;
  const { where, params, add } = caseFilterClauses(listFilter);
  if (sharedInFullWith) add(`exists (select 1 from case_share s where s.reference = c.reference and s.agency = ? and not s.summary_only)`, sharedInFullWith);
  const inScope = where.map((clause) => ` and ${clause}`).join('');
  const hits: string[] = [];
  const hitParams: unknown[] = [];
  const hit = (sql: string, ...values: unknown[]) => {
    hits.push(sql);
    hitParams.push(...values, ...params);
  };
  const dates = datesOfBirth.length > 0 ? textArray(datesOfBirth) : undefined;
  if (text) {
    const words = text.split(' ');
    const eachWordIn = (column: string) => words.map(() => `? <% ${column}`).join(' and ');
    hit(
      `select c.reference, word_similarity(?, p.name) as score from case_party p join asb_case c on c.reference = p.reference
       where ${eachWordIn('p.name')} ${dates ? 'and p.date_of_birth = any(?::date[])' : ''}${inScope}`,
      text,
      ...words,
      ...(dates ? [dates] : []),
    );
    hit(`select c.reference, word_similarity(?, c.address) as score from asb_case c where ${eachWordIn('c.address')}${inScope}`, text, ...words);
    // A word of many summaries ("noise") would rank thousands of cases alike: the newest that hold it are the ones asked for.
    hits.push(
      `(select c.reference, ts_rank(c.summary_words, q.query) as score from asb_case c, websearch_to_tsquery('english', ?) q(query)
        where c.summary_words @@ q.query${inScope} order by c.opened_at desc limit ?)`,
    );
    hitParams.push(text, ...params, limit);
  } else if (dates) {
    hit(`select c.reference, 1::real as score from case_party p join asb_case c on c.reference = p.reference where p.date_of_birth = any(?::date[])${inScope}`, dates);
  }
  for (const postcode of postcodes) hit(`select c.reference, 1::real as score from asb_case c where c.address ilike ?${inScope}`, `%${postcode}%`);
  if (hits.length === 0) return [];
  return em.transactional(async (tx) => {
    await tx.execute(`select set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(WORD_LIKENESS)]);
    return tx.execute<Record<string, unknown>[]>(
      `with hit as (${hits.join(' union all ')}),
         best as (select reference, max(score) as score from hit group by reference order by max(score) desc, reference limit ?)
       select c.*, to_char(c.next_review_due_on, 'YYYY-MM-DD') as next_review_due_on, c.review_overdue as overdue, b.score
       from best b join asb_case c on c.reference = b.reference order by b.score desc, c.reference`,
      [...hitParams, limit],
    );
  });
}
