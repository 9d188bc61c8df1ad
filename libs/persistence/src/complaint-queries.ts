import type { EntityManager } from '@mikro-orm/postgresql';
import type { Complaint } from '../../domain/src';
import { normalisedName } from '../../domain/src/case-file/subject-access';
import { textArray } from './text-array';
import { instantColumn } from './row-columns';
import { camelized } from './camelized';
import { z } from 'zod';

const ComplaintRow = z.object({ reference: z.string(), incident_id: z.string(), occurred_at: instantColumn, reported_at: instantColumn }).transform((row): Complaint => camelized(row));

/**
 * Incidents on other cases about the same victim (a complainant of the same name) or the same place
 * (the same address), for the ASB Case Review threshold: complaints about one problem count together
 * whichever case they were logged on. Anonymised cases no longer name anyone, so they never match.
 */
export async function complaintsOnOtherCases(em: EntityManager, about: { reference: string; complainantNames: readonly string[]; address?: string }): Promise<Complaint[]> {
  const rows = await em.execute<unknown[]>(
    `select i.reference, i.incident_id, i.occurred_at, i.reported_at
     from case_incident i join asb_case c on c.reference = i.reference
     where i.reference <> ? and c.stage <> 'ANONYMISED' and (
       exists (select 1 from case_party p where p.reference = i.reference and p.role = 'COMPLAINANT'
               and lower(regexp_replace(trim(p.name), '\\s+', ' ', 'g')) = any(?::text[]))
       or (?::text is not null and lower(regexp_replace(trim(c.address), '\\s+', ' ', 'g')) = ?))
     order by i.reported_at`,
    [about.reference, textArray(about.complainantNames.map(normalisedName)), about.address ? normalisedName(about.address) : null, about.address ? normalisedName(about.address) : null],
  );
  return z.array(ComplaintRow).parse(rows);
}
