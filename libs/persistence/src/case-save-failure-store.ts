import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseSaveFailure } from '../../domain/src';
import { CaseSaveFailureRecord } from './service-records.entity';

/** Keeps a refused change once, however often the recording activity is retried. */
export async function recordCaseSaveFailure(em: EntityManager, failure: CaseSaveFailure): Promise<void> {
  await em.execute(
    `insert into case_save_failure (failure_id, reference, operation, sql_state, condition, message, failed_at)
     values (?, ?, ?, ?, ?, ?, ?) on conflict (failure_id) do nothing`,
    [failure.id, failure.reference, failure.operation, failure.sqlState, failure.condition, failure.message, failure.at],
  );
}

/**
 * Cases with a change refused in the last `withinDays` days and not saved since (a refused opening never
 * is): the cases someone should look at. A case saved after its failure is working again. Both sides
 * are PostgreSQL's clock, so a workflow's clock (skipped ahead in tests) does not enter into it.
 */
export async function countStuckCases(em: EntityManager, withinDays: number): Promise<number> {
  const [row] = await em.execute<{ stuck: string | number }[]>(
    `select count(distinct f.reference) as stuck from case_save_failure f
     left join asb_case c on c.reference = f.reference
     where f.recorded_at > now() - make_interval(days => ?) and (c.updated_at is null or c.updated_at < f.recorded_at)`,
    [withinDays],
  );
  return Number(row?.stuck ?? 0);
}

/** Refused changes, newest first, optionally of one case. */
export async function listCaseSaveFailures(em: EntityManager, filter: { reference?: string; limit: number }): Promise<CaseSaveFailure[]> {
  const rows = await em.find(CaseSaveFailureRecord, filter.reference ? { reference: filter.reference } : {}, {
    orderBy: [{ failedAt: 'desc' }, { failureId: 'asc' }],
    limit: filter.limit,
    disableIdentityMap: true,
  });
  return rows.map((row) => ({ id: row.failureId, reference: row.reference, operation: row.operation, sqlState: row.sqlState, condition: row.condition, message: row.message, at: row.failedAt.toISOString() }));
}
