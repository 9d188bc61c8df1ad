import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CASE_CATEGORIES, CASE_STAGES, CASE_TYPES, type CaseFile, CLOSURE_REASONS, REPORT_CHANNELS } from '../../domain/src';
import { type CaseOutline, normalisedName, PARTY_ROLES, type PartyMatchKind, type SubjectAccessParty } from '../../domain/src/case-file/subject-access';
import type { HeldFile } from '../../domain/src/case-file/subject-access-files';
import { instantColumn, localDateColumn } from './row-columns';
import { textArray } from './text-array';

/** One person on one case, as PostgreSQL holds it: the party row, the case's outline, and its whole file when kept. */
export interface PartyAppearance {
  readonly party: SubjectAccessParty;
  readonly matchedBy: PartyMatchKind;
  readonly outline: CaseOutline;
  /** Null for a case not saved since whole files were kept (case_file). */
  readonly file: CaseFile | null;
}

/** A party row joined to its case's outline; the whole file (case_file.file) is the workflow's own, as it saved it. */
const AppearanceRow = z.looseObject({
  reference: z.string(),
  role: z.enum(PARTY_ROLES),
  party_id: z.string(),
  name: z.string(),
  date_of_birth: localDateColumn.nullable(),
  file: z.custom<CaseFile>((file) => typeof file === 'object').nullable(),
  type: z.enum(CASE_TYPES),
  category: z.enum(CASE_CATEGORIES),
  channel: z.enum(REPORT_CHANNELS),
  stage: z.enum(CASE_STAGES),
  team: z.string(),
  ward: z.string().nullable(),
  opened_at: instantColumn,
  closed_at: instantColumn.nullable(),
  closure_reason: z.enum(CLOSURE_REASONS).nullable(),
});

/**
 * Everyone recorded on any case under this name (whatever its case and spacing), oldest case first. A
 * date of birth narrows the search: a party recorded with another date of birth is someone else; one
 * recorded without any (complainants never have one) still matches, on name alone, and says so.
 * Anonymised cases name no one and are never found.
 */
export async function findPartyAppearances(em: EntityManager, person: { name: string; dateOfBirth?: string }): Promise<PartyAppearance[]> {
  const rows = await em.execute<unknown[]>(
    `select p.reference, p.role, p.party_id, p.name, to_char(p.date_of_birth, 'YYYY-MM-DD') as date_of_birth, f.file,
       c.type, c.category, c.channel, c.stage, c.team, c.ward, c.opened_at, c.closed_at, c.closure_reason
     from case_party p join asb_case c on c.reference = p.reference left join case_file f on f.reference = p.reference
     where lower(regexp_replace(trim(p.name), '\\s+', ' ', 'g')) = ? and c.stage <> 'ANONYMISED'
       and (?::date is null or p.date_of_birth is null or p.date_of_birth = ?::date)
     order by c.opened_at, p.reference, p.role, p.party_id`,
    [normalisedName(person.name), person.dateOfBirth ?? null, person.dateOfBirth ?? null],
  );
  return z
    .array(AppearanceRow)
    .parse(rows)
    .map((row) => ({
      party: { id: row.party_id, role: row.role, name: row.name, ...(row.date_of_birth ? { dateOfBirth: row.date_of_birth } : {}) },
      matchedBy: person.dateOfBirth && row.date_of_birth ? 'NAME_AND_DATE_OF_BIRTH' : 'NAME_ONLY',
      outline: {
        reference: row.reference,
        type: row.type,
        category: row.category,
        channel: row.channel,
        stage: row.stage,
        team: row.team,
        ...(row.ward ? { ward: row.ward } : {}),
        openedAt: row.opened_at,
        ...(row.closed_at ? { closedAt: row.closed_at } : {}),
        ...(row.closure_reason ? { closureReason: row.closure_reason } : {}),
      },
      file: row.file,
    }));
}

const HeldFileRow = z.object({
  reference: z.string(),
  type: z.enum(['DOCUMENT', 'EVIDENCE']),
  id: z.string(),
  kind: z.string().nullable(),
  paper_of: z.string(),
  title: z.string(),
  provided_by: z.string().nullable(),
  at: instantColumn,
  sha256: z.string(),
  size_bytes: z.coerce.number(),
  withdrawn: z.boolean(),
});

/** The generated documents and the evidence still kept on these cases, oldest first, by case. */
export async function findHeldFiles(em: EntityManager, references: readonly string[]): Promise<Map<string, HeldFile[]>> {
  const rows = await em.execute<unknown[]>(
    `select reference, 'DOCUMENT' as type, document_id::text as id, kind, step_id as paper_of, title, null as provided_by, generated_at as at, sha256, size_bytes, false as withdrawn
       from case_document where reference = any(?::text[]) and removed_at is null
     union all
     select reference, 'EVIDENCE', evidence_id::text, null, incident_id, description, provided_by, uploaded_at, sha256, size_bytes, withdrawn_at is not null
       from case_evidence where reference = any(?::text[]) and removed_at is null
     order by at, id`,
    [textArray(references), textArray(references)],
  );
  const held = new Map<string, HeldFile[]>();
  for (const row of z.array(HeldFileRow).parse(rows)) {
    const common = { id: row.id, at: row.at, sha256: row.sha256, sizeBytes: row.size_bytes };
    const file: HeldFile =
      row.type === 'DOCUMENT'
        ? { type: 'DOCUMENT', ...common, kind: row.kind ?? '', paperOf: row.paper_of, title: row.title }
        : { type: 'EVIDENCE', ...common, incidentId: row.paper_of, description: row.title, providedBy: row.provided_by ?? '', withdrawn: row.withdrawn };
    held.set(row.reference, [...(held.get(row.reference) ?? []), file]);
  }
  return held;
}
