import type { EntityManager } from '@mikro-orm/postgresql';
import { postcodesIn, withoutPostcodes } from '../../domain/src';
import { caseFilterClauses, type CaseListFilter } from './case-queries';
import { type CaseListItem, caseListItemsOf } from './case-list-rows';
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

/** Splits `q` into dates of birth, postcodes and words; a token shaped like a date that is no day of the calendar stays a word. */
export function searchTerms(q: string): SearchTerms {
  const postcodes = postcodesIn(q);
  const words: string[] = [];
  const dates: string[] = [];
  for (const token of withoutPostcodes(q).split(/\s+/).filter(Boolean)) {
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

/** A search's scope: a partner's reaches only cases shared with their agency in full (`sharedInFullWith`). */
export type CaseSearchFilter = Omit<CaseListFilter, 'sharedWith'>;

/**
 * How alike a typed word and a word of a name or address must be (pg_trgm word similarity). Its default,
 * 0.6, misses one letter left out of an eight-letter surname ("Whitfeld", 0.58); 0.4 would let two
 * swapped letters through ("Whitfeild", 0.43) but also every surname that merely starts alike, each one
 * more row to check (`npm run bench`). Every word must match.
 */
const WORD_LIKENESS = 0.5;

/** What the search answers: the cases of a list, best match first. */
export type CaseSearchHit = CaseListItem;

/**
 * The cases in scope that match `q`, best first (then by reference), at most `limit`. A case scores
 * the best of its matches:
 * - a party (complainant, subject or witness) whose name holds each of the words, or a word like it
 *   (pg_trgm word similarity of at least WORD_LIKENESS), with one of the dates of birth if any were
 *   given; scored by the word similarity of all the words (0 to 1); a date of birth alone scores 1;
 * - the address, likewise, or a postcode contained whole (scores 1);
 * - the summary (full text, English stemming), among the newest `limit` cases whose summary holds the
 *   words; scored by PostgreSQL's `ts_rank`, mostly below 0.1, so a person or a place ranks above a
 *   word of the account.
 * A typed word is first looked up among the words of every name and address (`search_word`, migration
 * `search_words`), which says which words are like it; names and addresses holding one of those are then
 * read off their words' index. Each match is confined to the caller's scope and filters as it is found,
 * so a common word costs only the cases the caller may see.
 */
export async function searchCases(em: EntityManager, filter: CaseSearchFilter, q: string, limit: number): Promise<CaseSearchHit[]> {
  const { text, datesOfBirth, postcodes } = searchTerms(q);
  const { where, params } = caseFilterClauses(filter);
  const inScope = where.map((clause) => ` and ${clause}`).join('');
  const dates = datesOfBirth.length > 0 ? textArray(datesOfBirth) : undefined;
  if (!text && !dates && postcodes.length === 0) return [];
  return em.transactional(async (tx) => {
    await tx.execute(`select set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(WORD_LIKENESS)]);
    const hits: string[] = [];
    const hitParams: unknown[] = [];
    const hit = (sql: string, ...values: unknown[]) => {
      hits.push(sql);
      hitParams.push(...values, ...params);
    };
    /**
     * The people matched, best first, kept to the `limit` best cases in scope. A common surname names
     * hundreds of people: they are scored and ranked on their own rows, and only as many cases are looked
     * up for the scope as it takes to find `limit` (`offset 0` keeps that look-up a step of its own).
     */
    const partyHit = (score: { sql: string; values: unknown[] }, matches: { sql: string; values: unknown[] }) => {
      const scored = `select p.reference, max(${score.sql}) as score from case_party p where ${matches.sql} group by p.reference order by score desc, p.reference`;
      hits.push(
        inScope
          ? `(select m.reference, m.score from (${scored}) m cross join lateral (select 1 from asb_case c where c.reference = m.reference${inScope} offset 0) s
              order by m.score desc, m.reference limit ?)`
          : `(${scored} limit ?)`,
      );
      hitParams.push(...score.values, ...matches.values, ...params, limit);
    };
    const alike = text ? await wordsAlike(tx, text) : [];
    if (alike.length > 0) {
      const eachWordIn = (words: string) => alike.map(() => `${words} && ?::text[]`).join(' and ');
      const alikeParams = alike.map((words) => textArray(words));
      partyHit(
        { sql: 'word_similarity(?, p.name)', values: [text] },
        { sql: `${eachWordIn('search_words(p.name)')}${dates ? ' and p.date_of_birth = any(?::date[])' : ''}`, values: [...alikeParams, ...(dates ? [dates] : [])] },
      );
      hit(`select c.reference, word_similarity(?, c.address) as score from asb_case c where ${eachWordIn('search_words(c.address)')}${inScope}`, text, ...alikeParams);
    }
    if (text) {
      // A word of many summaries ("noise") would rank thousands of cases alike: the newest that hold it are the ones asked for.
      hits.push(
        `(select c.reference, ts_rank(c.summary_words, q.query) as score from asb_case c, websearch_to_tsquery('english', ?) q(query)
          where c.summary_words @@ q.query${inScope} order by c.opened_at desc limit ?)`,
      );
      hitParams.push(text, ...params, limit);
    } else if (dates) {
      partyHit({ sql: '1::real', values: [] }, { sql: 'p.date_of_birth = any(?::date[])', values: [dates] });
    }
    for (const postcode of postcodes) hit(`select c.reference, 1::real as score from asb_case c where c.address ilike ?${inScope}`, `%${postcode}%`);
    if (hits.length === 0) return [];
    const rows = await tx.execute<Record<string, unknown>[]>(
      `with hit as (${hits.join(' union all ')}),
         best as (select reference, max(score) as score from hit group by reference order by max(score) desc, reference limit ?)
       select c.reference, c.version, c.stage, c.type, c.category, c.risk_level, c.forum, c.team, c.caseworker, c.ward, c.opened_at,
         to_char(c.next_review_due_on, 'YYYY-MM-DD') as next_review_due_on, c.review_overdue as overdue
       from best b join asb_case c on c.reference = b.reference order by b.score desc, c.reference`,
      [...hitParams, limit],
    );
    return caseListItemsOf(rows);
  });
}

/**
 * Each word of `text` as names and addresses are split into words (`search_words`), with the words of
 * names and addresses like it (`search_word`, WORD_LIKENESS) and itself: a word as typed always counts,
 * so that an exact word finds its case whatever `search_word` holds. Asked apart from the search itself so that
 * PostgreSQL plans that with the words in hand: how many rows they hold decides how to join.
 */
async function wordsAlike(tx: EntityManager, text: string): Promise<string[][]> {
  const rows = await tx.execute<{ alike: string[] }[]>(
    `select array_append(array(select s.word from search_word s where t.word <% s.word), t.word) as alike
     from unnest(search_words(?)) with ordinality t(word, n) order by t.n`,
    [text],
  );
  return rows.map((row) => row.alike);
}
