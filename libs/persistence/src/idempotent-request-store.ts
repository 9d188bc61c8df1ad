import type { EntityManager } from '@mikro-orm/postgresql';

export type IdempotentClaim =
  | { readonly outcome: 'new' | 'replay'; readonly reference: string }
  | { readonly outcome: 'conflict'; readonly reference: string };

/**
 * Binds an `Idempotency-Key` to the case reference its first request was given. A retry with the same
 * key and body finds the same reference (so it reaches the same workflow, where the update id
 * de-duplicates); the same key with a different body is a client error, not a second case.
 */
export async function claimIdempotencyKey(
  em: EntityManager,
  key: string,
  requestHash: string,
  proposeReference: () => Promise<string>,
): Promise<IdempotentClaim> {
  const existing = await findClaim(em, key);
  if (existing) return judge(existing, requestHash);
  const reference = await proposeReference();
  const inserted = await em.execute<{ reference: string }[]>(
    `insert into idempotent_request (idempotency_key, request_hash, reference) values (?, ?, ?)
     on conflict (idempotency_key) do nothing returning reference`,
    [key, requestHash, reference],
  );
  if (inserted.length > 0) return { outcome: 'new', reference };
  const winner = await findClaim(em, key);
  if (!winner) throw new Error(`idempotency key ${key} vanished while being claimed`);
  return judge(winner, requestHash);
}

async function findClaim(em: EntityManager, key: string) {
  const [row] = await em.execute<{ reference: string; request_hash: string }[]>(
    `select reference, request_hash from idempotent_request where idempotency_key = ?`,
    [key],
  );
  return row;
}

function judge(row: { reference: string; request_hash: string }, requestHash: string): IdempotentClaim {
  return row.request_hash === requestHash
    ? { outcome: 'replay', reference: row.reference }
    : { outcome: 'conflict', reference: row.reference };
}
