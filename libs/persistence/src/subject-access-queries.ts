import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseFile } from '../../domain/src';
import { type CaseOutline, normalisedName, type PartyMatchKind, type PartyRole, type SubjectAccessParty } from '../../domain/src/case-file/subject-access';
import { isoInstant } from './iso-instant';

/** One person on one case, as PostgreSQL holds it: the party row, the case's outline, and its whole file when kept. */
export interface PartyAppearance {
  readonly party: SubjectAccessParty;
  readonly matchedBy: PartyMatchKind;
  readonly outline: CaseOutline;
  /** Null for a case not saved since whole files were kept (case_file). */
  readonly file: CaseFile | null;
}

/**
 * Everyone recorded on any case under this name (whatever its case and spacing), oldest case first. A
 * date of birth narrows the search: a party recorded with another date of birth is someone else; one
 * recorded without any (complainants never have one) still matches, on name alone, and says so.
 * Anonymised cases name no one and are never found.
 */
export async function findPartyAppearances(em: EntityManager, person: { name: string; dateOfBirth?: string }): Promise<PartyAppearance[]> {
  const rows = await em.execute<
    {
      reference: string;
      role: PartyRole;
      party_id: string;
      name: string;
      date_of_birth: string | null;
      file: CaseFile | null;
      type: CaseOutline['type'];
      category: CaseOutline['category'];
      channel: CaseOutline['channel'];
      stage: CaseOutline['stage'];
      team: string;
      ward: string | null;
      opened_at: string | Date;
      closed_at: string | Date | null;
      closure_reason: CaseOutline['closureReason'] | null;
    }[]
  >(
    `select p.reference, p.role, p.party_id, p.name, to_char(p.date_of_birth, 'YYYY-MM-DD') as date_of_birth, f.file,
       c.type, c.category, c.channel, c.stage, c.team, c.ward, c.opened_at, c.closed_at, c.closure_reason
     from case_party p join asb_case c on c.reference = p.reference left join case_file f on f.reference = p.reference
     where lower(regexp_replace(trim(p.name), '\\s+', ' ', 'g')) = ? and c.stage <> 'ANONYMISED'
       and (?::date is null or p.date_of_birth is null or p.date_of_birth = ?::date)
     order by c.opened_at, p.reference, p.role, p.party_id`,
    [normalisedName(person.name), person.dateOfBirth ?? null, person.dateOfBirth ?? null],
  );
  return rows.map((row) => ({
    party: {
      id: row.party_id,
      role: row.role,
      name: row.name,
      ...(row.date_of_birth ? { dateOfBirth: row.date_of_birth as SubjectAccessParty['dateOfBirth'] } : {}),
    },
    matchedBy: person.dateOfBirth && row.date_of_birth ? 'NAME_AND_DATE_OF_BIRTH' : 'NAME_ONLY',
    outline: {
      reference: row.reference,
      type: row.type,
      category: row.category,
      channel: row.channel,
      stage: row.stage,
      team: row.team,
      ...(row.ward ? { ward: row.ward } : {}),
      openedAt: isoInstant(row.opened_at),
      ...(row.closed_at ? { closedAt: isoInstant(row.closed_at) } : {}),
      ...(row.closure_reason ? { closureReason: row.closure_reason } : {}),
    },
    file: row.file,
  }));
}
