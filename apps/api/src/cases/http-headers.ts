import { z } from 'zod';
import { problems } from '../http/problem';
import type { CaseView } from './case.schemas';

const IdempotencyKey = z.string().trim().min(1).max(200).optional();

export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success) throw problems.validation([{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
  return parsed.data;
}

/** `If-Match: "12"` (or `W/"12"`) → 12. */
export function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(raw);
  if (!match) throw problems.validation([{ field: 'If-Match', message: 'must be the ETag of the case as read, e.g. "12"' }]);
  return Number(match[1]);
}

export function etagOf(view: CaseView): string {
  return `"${view.version}"`;
}
