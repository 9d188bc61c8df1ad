import { Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * The query string of a route, validated by `schema` (400 with one entry per field, like a body) and
 * documented from the same schema, one OpenAPI parameter per property: `@Query({ schema })` alone
 * validates but leaves the parameters out of the document, so a client built from it could not know
 * them.
 */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query({ schema })(target, key, index);
    if (key === undefined) throw new Error('ValidQuery decorates a route handler’s parameter');
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    for (const parameter of queryParameters(schema)) ApiQuery(parameter)(target, key, descriptor);
  };
}

/**
 * A whole number in a query string, written as digits only: what JSON Schema's `integer` allows.
 * (`z.coerce.number()` would also take " 5", "0x10", "1e1" and "", which the document says are not
 * integers.)
 */
export function queryInteger(range: { min: number; max: number; default: number }) {
  return z.preprocess((value) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value), z.int({ error: 'must be a whole number' }).min(range.min).max(range.max).default(range.default)).meta({ default: range.default });
}

function queryParameters(schema: z.ZodObject): { name: string; required: boolean; description?: string; schema: Record<string, unknown> }[] {
  type ObjectSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', reused: 'inline' }) as ObjectSchema & { $ref?: string; $defs?: Record<string, ObjectSchema> };
  // A schema with an id converts to a reference to itself in $defs.
  const object = converted.$ref ? converted.$defs?.[converted.$ref.replace('#/$defs/', '')] : converted;
  if (Object.keys(converted.$defs ?? {}).length > (converted.$ref ? 1 : 0)) throw new Error('a query parameter’s schema must be self-contained (no named schema inside)');
  return Object.entries(object?.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    required: object?.required?.includes(name) ?? false,
    ...(typeof description === 'string' ? { description } : {}),
    schema: property,
  }));
}
