import type { EntityManager } from '@mikro-orm/postgresql';
import { formatCaseReference } from '../../domain/src';

/** Takes the next `ASB-<year>-NNNNNN` reference. The upsert holds the year's row lock, so two callers never share one. */
export async function allocateCaseReference(em: EntityManager, year: number): Promise<string> {
  const [row] = await em.execute<{ last_sequence: number }[]>(
    `insert into case_reference_sequence (year, last_sequence) values (?, 1)
     on conflict (year) do update set last_sequence = case_reference_sequence.last_sequence + 1
     returning last_sequence`,
    [year],
  );
  if (!row) throw new Error(`no case reference could be allocated for ${year}`);
  return formatCaseReference(year, row.last_sequence);
}
