import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

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
  return SwaggerModule.createDocument(app, config);
}

/** `/openapi.json` for machines and `/docs` for people, from the same document. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'openapi.json',
    raw: ['json'],
    customSiteTitle: 'ASB case service API',
  });
}
