import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The read model's copy of an anonymised case loses what the case file lost: the people on it, and
 * the timeline's accounts (each entry keeps its kind and time, which the statistics and the history
 * of what was done need).
 */
export async function forgetPersonalData(tx: EntityManager, reference: string): Promise<void> {
  await tx.execute(`delete from case_party where reference = ?`, [reference]);
  await tx.execute(
    `update case_timeline_entry set summary = initcap(replace(lower(kind), '_', ' ')), data = null
     where reference = ? and (data is not null or summary <> initcap(replace(lower(kind), '_', ' ')))`,
    [reference],
  );
}
