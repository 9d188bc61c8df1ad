import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type SwaggerDocumentOptions } from '@nestjs/swagger';

type StandardSchemaConverter = NonNullable<SwaggerDocumentOptions['standardSchemaConverter']>;
/** A Standard Schema that can describe itself as JSON Schema (zod 4 is one). */
type JsonSchemaCapable = { '~standard'?: { jsonSchema?: Record<'input' | 'output', (options: { target: string }) => unknown> } };

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('ASB case service')
    .setDescription(
      'Anti-social behaviour case orchestration for a Community Safety Partnership. Every case is a durable workflow: ' +
        'commands return once the change is recorded, deadlines are planned by the policy in force and a missed one is recorded and alerted. ' +
        'Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from the partnership’s identity provider (OIDC), or locally: npm run token -- --user amira.khan --role caseworker --team north' })
    .build();
  return retryAfterOn503(errorsAsProblemJson(SwaggerModule.createDocument(app, config, { standardSchemaConverter: jsonSchema2020 })));
}

/**
 * Every error leaves as application/problem+json (RFC 9457; ProblemDetailsFilter writes them all), while
 * @nestjs/swagger documents every response as application/json. Corrected here, once for every route,
 * so that no operation can be documented otherwise.
 */
function errorsAsProblemJson(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { responses?: Record<string, { content?: Record<string, unknown> }> }[]) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        const json = response.content?.['application/json'];
        if (!/^[45]/.test(status) || json === undefined) continue;
        const { 'application/json': _json, ...others } = response.content!;
        response.content = { 'application/problem+json': json, ...others };
      }
    }
  }
  return document;
}

/**
 * Every 503 carries Retry-After (ProblemDetailsFilter sees to it): a client, or a load balancer in front
 * of several instances, needs to know when to try again while a dependency is down. Documented here,
 * once for every route.
 */
function retryAfterOn503(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { responses?: Record<string, { headers?: Record<string, unknown> }> }[]) {
      const unavailable = operation?.responses?.['503'];
      if (!unavailable) continue;
      unavailable.headers = {
        ...unavailable.headers,
        'Retry-After': {
          description: 'Seconds to wait before retrying (with the same Idempotency-Key, for a request that changes something): a dependency is down or busy.',
          required: true,
          schema: { type: 'integer', minimum: 1 },
        },
      };
    }
  }
  return document;
}

/**
 * The document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12; @nestjs/swagger's default
 * conversion asks zod for OpenAPI 3.0 schemas (boolean exclusiveMinimum, `nullable`), which 3.1 readers
 * misread. Named schemas ($defs) become components, as with the default.
 */
const jsonSchema2020: StandardSchemaConverter = (schema, { schemaType }) => {
  const convert = (schema as JsonSchemaCapable)['~standard']?.jsonSchema?.[schemaType];
  if (!convert) return undefined;
  const { $defs, $schema: _dialect, ...converted } = convert({ target: 'draft-2020-12' }) as Record<string, unknown> & { $defs?: Record<string, unknown> };
  return { schema: converted, components: $defs ?? {} };
};

/** `/openapi.json` for machines and `/docs` for people, from the same document. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    raw: ['json'],
    customSiteTitle: 'ASB case service API',
  });
}
