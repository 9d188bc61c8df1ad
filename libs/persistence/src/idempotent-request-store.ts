import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

export type IdempotentClaim =
  | { readonly outcome: 'new'; readonly reference: string }
  /** Seen before with the same request; `response` is its first answer once that was given. */
  | { readonly outcome: 'replay'; readonly reference: string; readonly response?: StoredResponse }
  | { readonly outcome: 'conflict'; readonly reference: string };

/**
 * Binds an `Idempotency-Key` (scoped to what it was used for) to its first request and, once given,
 * its first answer. A retry with the same key and body gets that answer and acts no more; the same
 * key with a different body is a client error, never a second action.
 */
export async function claimIdempotencyKey(
  em: EntityManager,
  key: string,
  request: unknown,
  proposeReference: () => Promise<string>,
): Promise<IdempotentClaim> {
  const requestHash = fingerprintOf(request);
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

/** What a key was claimed for, without claiming it: undefined when it is new. */
export async function earlierClaim(em: EntityManager, key: string, request: unknown): Promise<IdempotentClaim | undefined> {
  const existing = await findClaim(em, key);
  return existing ? judge(existing, fingerprintOf(request)) : undefined;
}

/** What makes two requests under one key the same request: their SHA-256, as JSON. */
function fingerprintOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** Whose turn a key is: this request's to act on, or another's that answered, is still acting, or had another body. */
export type KeyTurn =
  | { readonly turn: 'ours' }
  | { readonly turn: 'answered'; readonly response: StoredResponse }
  | { readonly turn: 'still-pending' }
  | { readonly turn: 'conflict' };

/**
 * For an action with no other guard against a second (a document, an upload): claims the key, or waits
 * up to `waitMs` for the answer of the request that claimed it first (a double press sends both at once),
 * taking the key over should that request give it up (`releaseIdempotencyKey`).
 */
/** How long a request waits for another under the same key to answer: making a document or keeping an upload takes seconds. */
export const FIRST_ANSWER_WAIT_MS = 20_000;

export async function claimOrAwaitFirstAnswer(em: EntityManager, key: string, request: unknown, reference: string, waitMs = FIRST_ANSWER_WAIT_MS): Promise<KeyTurn> {
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    const claim = await claimIdempotencyKey(em, key, request, async () => reference);
    if (claim.outcome === 'conflict') return { turn: 'conflict' };
    if (claim.outcome === 'new') return { turn: 'ours' };
    if (claim.response) return { turn: 'answered', response: claim.response };
    if (Date.now() > giveUpAt) return { turn: 'still-pending' };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Gives up a claim whose request failed before it answered, so that a retry under the key acts afresh. */
export async function releaseIdempotencyKey(em: EntityManager, key: string): Promise<void> {
  await em.execute(`delete from idempotent_request where idempotency_key = ? and response is null`, [key]);
}

/** Records the first answer; later calls for the same key leave it as it was. */
export async function recordIdempotentResponse(em: EntityManager, key: string, response: StoredResponse): Promise<void> {
  await em.execute(`update idempotent_request set response_status = ?, response = ? where idempotency_key = ? and response is null`, [
    response.status,
    JSON.stringify(response.body),
    key,
  ]);
}

interface ClaimRow {
  reference: string;
  request_hash: string;
  response_status: number | null;
  response: unknown;
}

async function findClaim(em: EntityManager, key: string): Promise<ClaimRow | undefined> {
  const [row] = await em.execute<ClaimRow[]>(`select reference, request_hash, response_status, response from idempotent_request where idempotency_key = ?`, [key]);
  return row;
}

function judge(row: ClaimRow, requestHash: string): IdempotentClaim {
  if (row.request_hash !== requestHash) return { outcome: 'conflict', reference: row.reference };
  return {
    outcome: 'replay',
    reference: row.reference,
    ...(row.response_status !== null ? { response: { status: row.response_status, body: row.response } } : {}),
  };
}
