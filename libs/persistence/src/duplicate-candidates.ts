import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CASE_STAGES, type CaseOutline, type OpenCaseOutline, postcodesIn, STAGES_A_REPORT_MAY_REPEAT } from '../../domain/src';
import { caseFilterClauses } from './case-queries';
import type { CaseSearchFilter } from './case-search';
import { textArray } from './text-array';

const Person = z.object({ name: z.string(), dateOfBirth: z.iso.date().optional() });
const CandidateRow = z
  .object({
    reference: z.string(),
    team: z.string(),
    stage: z.enum(CASE_STAGES),
    opened_at: z.coerce.date(),
    address: z.string().nullable(),
    complainants: z.array(Person),
    subjects: z.array(Person),
  })
  .transform(
    (row): OpenCaseOutline => ({
      reference: row.reference,
      team: row.team,
      stage: row.stage,
      openedAt: row.opened_at.toISOString(),
      ...(row.address !== null ? { address: row.address } : {}),
      complainants: row.complainants,
      subjects: row.subjects,
    }),
  );

/** pg_trgm likeness (0 to 1) a name or address needs to be judged at all; the same words in another order score 1. */
const CANDIDATE_LIKENESS = 0.5;
/** The newest candidates judged; far more than a report ever matches. */
const MAX_CANDIDATES = 200;

/**
 * The open cases in the caller's scope that share a name or look like the same place as `report`: a
 * wide net from the trigram indexes (migration `case_search`), for `possibleDuplicates` in libs/domain
 * to judge. The index only narrows; the rule of what is the same person or place is the domain's.
 */
export async function duplicateCandidates(em: EntityManager, report: CaseOutline, scope: CaseSearchFilter): Promise<OpenCaseOutline[]> {
  const names = [...report.complainants, ...report.subjects].map((person) => person.name);
  const near: string[] = [];
  const nearParams: unknown[] = [];
  for (const name of names) {
    near.push(`select p.reference from case_party p where p.name % ?`);
    nearParams.push(name);
  }
  if (report.address) {
    // Either address may be the other with less written: alike as a whole, or the report's within the case's.
    near.push(`select c.reference from asb_case c where c.address % ? or ? <% c.address`);
    nearParams.push(report.address, report.address);
    for (const postcode of postcodesIn(report.address)) {
      near.push(`select c.reference from asb_case c where c.address ilike ?`);
      nearParams.push(`%${postcode}%`);
    }
  }
  if (near.length === 0) return [];
  const { where, params, add } = caseFilterClauses(scope);
  add(`c.stage = any(?::text[])`, textArray(STAGES_A_REPORT_MAY_REPEAT));
  const rows = await em.transactional(async (tx) => {
    // Likeness enough to keep a name in another order or spelt with other accents, and few namesakes.
    await tx.execute(`select set_config('pg_trgm.similarity_threshold', ?, true), set_config('pg_trgm.word_similarity_threshold', ?, true)`, [
      String(CANDIDATE_LIKENESS),
      String(CANDIDATE_LIKENESS),
    ]);
    return tx.execute<unknown[]>(
    `with near as (${near.join(' union ')})
     select c.reference, c.team, c.stage, c.opened_at, c.address,
       coalesce((select json_agg(json_strip_nulls(json_build_object('name', p.name))) from case_party p where p.reference = c.reference and p.role = 'COMPLAINANT'), '[]') as complainants,
       coalesce((select json_agg(json_strip_nulls(json_build_object('name', p.name, 'dateOfBirth', to_char(p.date_of_birth, 'YYYY-MM-DD'))))
                 from case_party p where p.reference = c.reference and p.role = 'SUBJECT'), '[]') as subjects
     from asb_case c where c.reference in (select reference from near) and ${where.join(' and ')}
     order by c.opened_at desc limit ${MAX_CANDIDATES}`,
      [...nearParams, ...params],
    );
  });
  return rows.map((row) => CandidateRow.parse(row));
}
