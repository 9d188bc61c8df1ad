import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CASE_STAGES, CLOSURE_REASONS, type Closure } from '../../domain/src';

const StoredClosure = z.looseObject({
  reason: z.enum(CLOSURE_REASONS),
  explanationToComplainant: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  stageBefore: z.enum(CASE_STAGES),
  approvedBy: z.string().optional(),
  closedAt: z.string().optional(),
}) satisfies z.ZodType<Closure>;

/** The case's closure as its stored file holds it (requested, then approved), checked as it is read; undefined while none is requested. */
export async function findCaseClosure(em: EntityManager, reference: string): Promise<Closure | undefined> {
  const [row] = await em.execute<{ closure: unknown }[]>(`select file -> 'closure' as closure from case_file where reference = ?`, [reference]);
  if (!row?.closure) return undefined;
  const parsed = StoredClosure.safeParse(row.closure);
  if (!parsed.success) throw new Error(`the stored closure of ${reference} is not of the shape the read side knows: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
