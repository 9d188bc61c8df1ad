import type { EntityManager } from '@mikro-orm/postgresql';
import { type NextDeadlineItem, nextDeadlineItemsOf } from './case-list-rows';
import { textArray } from './text-array';

/**
 * Each case's earliest deadline still pending, of the cases named: read off the ledger's primary key
 * (reference, deadline_id), so a caseworker's few hundred cases cost one index scan each.
 */
export async function nextDeadlinesOf(em: EntityManager, references: readonly string[]): Promise<Map<string, NextDeadlineItem>> {
  if (references.length === 0) return new Map();
  const rows = await em.execute<unknown[]>(
    `select distinct on (d.reference) d.reference, d.deadline_id, d.kind, to_char(d.due_on, 'YYYY-MM-DD') as due_on, d.due_at
       from case_deadline d where d.reference = any(?::text[]) and d.status = 'PENDING'
      order by d.reference, d.due_at, d.deadline_id`,
    [textArray(references)],
  );
  return new Map(nextDeadlineItemsOf(rows).map((row) => [row.reference, row]));
}
