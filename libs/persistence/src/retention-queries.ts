import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { instantColumn, localDateColumn } from './row-columns';

export interface RetentionDue {
  readonly reference: string;
  readonly team: string;
  readonly closedAt?: string;
  readonly dueOn: string;
  /** Why it is due then: the retention period, or the legal hold that postponed it. */
  readonly reason: string;
  readonly postponed: boolean;
}

const RetentionDueRow = z
  .looseObject({ reference: z.string(), team: z.string(), closed_at: instantColumn.nullable(), due_on: localDateColumn, reason: z.string(), postponed: z.boolean() })
  .transform(
    (row): RetentionDue => ({
      reference: row.reference,
      team: row.team,
      ...(row.closed_at ? { closedAt: row.closed_at } : {}),
      dueOn: row.due_on,
      reason: row.reason,
      postponed: row.postponed,
    }),
  );

/** Closed cases whose personal data falls to be anonymised on or before `until`, soonest first. */
export async function retentionDue(em: EntityManager, until: string): Promise<RetentionDue[]> {
  const rows = await em.execute<unknown[]>(
    `select c.reference, c.team, c.closed_at, to_char(d.due_on, 'YYYY-MM-DD') as due_on, d.reason,
            exists (select 1 from case_deadline p where p.reference = d.reference and p.kind = 'RETENTION_END' and p.status = 'MET') as postponed
     from case_deadline d join asb_case c on c.reference = d.reference
     where d.kind = 'RETENTION_END' and d.status = 'PENDING' and d.due_on <= ?::date
     order by d.due_on, c.reference`,
    [until],
  );
  return z.array(RetentionDueRow).parse(rows);
}
