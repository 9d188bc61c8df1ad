import { ApiHeader } from '@nestjs/swagger';
import { z } from 'zod';
import { problems } from '../http/problem';
import { plainText } from '../http/request-fields';
import type { CaseView } from './case.schemas';

// Each header is validated by its schema and documented from the same schema (see the decorators below).

/** Stored with the first answer it got, so held to the same rule as any text a person sends. */
const IdempotencyKey = plainText(200);

/**
 * If-Match (RFC 9110 §13.1.1): `*`, or a comma-separated list of entity tags, each `"…"` or `W/"…"`
 * (the spaces around commas that HTTP allows included).
 */
const ENTITY_TAG = '(?:W/)?"[!#-~]*"';
const IfMatch = z.string().regex(new RegExp(`^(?:\\*|${ENTITY_TAG}(?:[ \\t]*,[ \\t]*${ENTITY_TAG})*)$`), 'must be * or one or more entity tags, e.g. "12" or "11", "12"');

export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success) throw problems.validation(parsed.error.issues.map((issue) => ({ field: 'Idempotency-Key', message: issue.message })));
  return parsed.data;
}

/**
 * The case versions `If-Match` accepts: those its strong entity tags name (an ETag is `"<version>"`).
 * Undefined when any version will do: no If-Match, or `*` (the case exists, or the route answers 404).
 * An If-Match that names no version (`W/"3"`: If-Match compares strongly, RFC 9110 §8.8.3.2; `"abc"`)
 * gives an empty list, which no version matches.
 */
export function parseIfMatch(raw: string | undefined): readonly number[] | undefined {
  if (raw === undefined) return undefined;
  const parsed = IfMatch.safeParse(raw.trim());
  if (!parsed.success) throw problems.validation(parsed.error.issues.map((issue) => ({ field: 'If-Match', message: issue.message })));
  if (parsed.data === '*') return undefined;
  return [...parsed.data.matchAll(/(W\/)?"([^"]*)"/g)].filter(([, weak, tag]) => !weak && /^\d{1,15}$/.test(tag!)).map(([, , tag]) => Number(tag));
}

export const IdempotencyKeyHeader = (description: string) =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description, schema: headerSchema(IdempotencyKey) });

export const IfMatchHeader = () =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The ETag of the case as you last read it (`"12"`), or several (`"11", "12"`): the command acts only if the case is at one of them, and otherwise answers 409 ' +
      '(CONCURRENT_CHANGE) instead of acting on a stale view. `*` acts on the case as it is. Entity tags compare strongly: a weak one (`W/"12"`) matches no version.',
    schema: headerSchema(IfMatch),
  });

function headerSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...converted } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return converted;
}

export function etagOf(view: CaseView): string {
  return `"${view.version}"`;
}
