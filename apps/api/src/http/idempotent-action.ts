import type { EntityManager } from '@mikro-orm/postgresql';
import { claimOrAwaitFirstAnswer, FIRST_ANSWER_WAIT_MS, recordIdempotentResponse, releaseIdempotencyKey } from '../../../../libs/persistence/src';
import { problems } from './problem';

/**
 * Acts once under an `Idempotency-Key` (scoped by `claimKey`): a retry with the same body gets the first
 * answer and acts no more, a second request still waiting for the first is made to wait for its answer,
 * the same key with another body is refused (422), and an action that failed gives its key up so that a
 * retry acts afresh. Without a key it simply acts.
 */
export async function actOnce<T>(em: EntityManager, idempotencyKey: string | undefined, claimKey: string, request: unknown, reference: string, act: () => Promise<T>): Promise<{ body: T; replayed: boolean }> {
  if (!idempotencyKey) return { body: await act(), replayed: false };
  const key = await claimOrAwaitFirstAnswer(em.fork(), claimKey, request, reference);
  if (key.turn === 'conflict') throw problems.idempotencyKeyReused(idempotencyKey);
  if (key.turn === 'still-pending') throw problems.keyStillInUse(FIRST_ANSWER_WAIT_MS / 1000);
  if (key.turn === 'answered') return { body: key.response.body as T, replayed: true };
  try {
    const body = await act();
    await recordIdempotentResponse(em.fork(), claimKey, { status: 201, body });
    return { body, replayed: false };
  } catch (error) {
    await releaseIdempotencyKey(em.fork(), claimKey);
    throw error;
  }
}
