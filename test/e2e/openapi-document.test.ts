import { http } from '../support/http';
import { escapePointer, OpenApiConformance, type OpenApiDocument } from '../support/openapi-conformance';
import { createTestDatabase } from '../support/runtime';
import { type RunningService, startService } from '../support/service';

/**
 * The document the API serves at /openapi.json is a valid OpenAPI 3.1 document, and holds to the
 * rules this API's clients rely on. That every response matches it is proven by every other
 * end-to-end test: test/support/http.ts checks each response they receive against it.
 */
describe('the OpenAPI document', () => {
  let service: RunningService;
  let document: OpenApiDocument;
  let openApi: OpenApiConformance;

  beforeAll(async () => {
    // The document is built from the controllers alone; nothing here reaches Temporal or sends mail,
    // so none is started (as for the degraded service in operations.test.ts).
    service = await startService(
      { temporalAddress: '127.0.0.1:1', databaseUrl: await createTestDatabase(), smtpUrl: 'smtp://127.0.0.1:1', taskQueue: 'asb-openapi-document' },
      { worker: false },
    );
    const served = await http<OpenApiDocument>(service.baseUrl, 'GET', '/openapi.json');
    expect(served.status).toBe(200);
    document = served.body;
    openApi = new OpenApiConformance(document);
  });

  afterAll(() => service?.stop());

  it('validates as OpenAPI 3.1', async () => {
    // ESM only; the tests are compiled to CommonJS, so it is loaded with import().
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('lists no parameter of an operation twice (a MUST of OpenAPI the schema above cannot check)', () => {
    // A parameter is its name and location; HTTP header names are case-insensitive (RFC 9110 §5.1).
    const duplicated = openApi.operations().flatMap(({ method, path, operation }) => {
      const seen = new Map<string, number>();
      for (const parameter of (operation as { parameters?: { name: string; in: string }[] }).parameters ?? []) {
        const key = `${parameter.in} ${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return [...seen].filter(([, count]) => count > 1).map(([key]) => `${method.toUpperCase()} ${path}: ${key}`);
    });
    expect(duplicated).toEqual([]);
  });

  it('names every operation with an operationId or a summary', () => {
    const unnamed = openApi
      .operations()
      .filter(({ operation }) => !operation.operationId?.trim() && !operation.summary?.trim())
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(unnamed).toEqual([]);
  });

  it('describes every 4xx and 5xx response as a Problem', () => {
    const problem = '#/components/schemas/Problem';
    expect(document.components?.schemas?.Problem).toBeDefined();
    // The Problem schema itself, or one that extends it by allOf (a problem type with extension members).
    const refersToProblem = (schema: unknown, pointer: string): boolean => {
      if ((schema as { $ref?: unknown } | undefined)?.$ref === problem) return true;
      const { value, pointer: at } = openApi.resolve<{ allOf?: unknown[] } | undefined>(schema, pointer);
      return (value?.allOf ?? []).some((part, index) => refersToProblem(part, `${at}/allOf/${index}`));
    };
    const notProblems = openApi.operations().flatMap(({ method, path, pointer, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => /^[45]/.test(status))
        .flatMap(([status, declared]) => {
          const { value: response, pointer: responsePointer } = openApi.resolve<{ content?: Record<string, { schema?: unknown }> }>(declared, `${pointer}/responses/${status}`);
          const content = Object.entries(response.content ?? {});
          if (content.length === 0) return [`${method.toUpperCase()} ${path} ${status}: no content`];
          return content
            .filter(([mediaType, media]) => !refersToProblem(media.schema, `${responsePointer}/content/${escapePointer(mediaType)}/schema`))
            .map(([mediaType, media]) => `${method.toUpperCase()} ${path} ${status} ${mediaType}: ${JSON.stringify(media.schema)?.slice(0, 200)}`);
        }),
    );
    expect(notProblems).toEqual([]);
  });

  it('shows an example, valid against its own schema, for every request body and every response', () => {
    const faults: string[] = [];
    for (const { method, path, pointer, operation } of openApi.operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const body = (operation as { requestBody?: { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> } }).requestBody;
      // JSON for every body but an upload's (multipart/form-data).
      const [bodyType = 'application/json', bodyMedia] = Object.entries(body?.content ?? {})[0] ?? [];
      const bodyExamples = Object.values(bodyMedia?.examples ?? {});
      if (body && bodyExamples.length === 0) faults.push(`${where}: request body without an example`);
      bodyExamples.forEach((example, index) => {
        const validate = openApi.validatorAt(`${pointer}/requestBody/content/${escapePointer(bodyType)}/schema`);
        if (!validate(example.value)) faults.push(`${where}: request example ${index} does not match its schema: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      });
      for (const [status, declared] of Object.entries(operation.responses ?? {})) {
        const content = (declared as { content?: Record<string, { schema?: { $ref?: string }; example?: unknown }> }).content ?? {};
        for (const [mediaType, media] of Object.entries(content).filter(([type]) => type === 'application/json' || type === 'application/problem+json')) {
          if (!media.schema) continue;
          if (media.example === undefined) {
            faults.push(`${where} ${status} ${mediaType}: no example`);
            continue;
          }
          const validate = openApi.validatorAt(`${pointer}/responses/${status}/content/${escapePointer(mediaType)}/schema`);
          if (!validate(media.example)) faults.push(`${where} ${status}: example does not match its schema: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
        }
      }
    }
    expect(faults).toEqual([]);
  });

  it('documents every error response as application/problem+json, the one media type errors are sent as', () => {
    const otherwise = openApi.operations().flatMap(({ method, path, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => /^[45]/.test(status))
        .map(([status, declared]) => [status, Object.keys((declared as { content?: Record<string, unknown> }).content ?? {})] as const)
        .filter(([, mediaTypes]) => mediaTypes.join() !== 'application/problem+json')
        .map(([status, mediaTypes]) => `${method.toUpperCase()} ${path} ${status}: ${mediaTypes.join(', ') || 'no content'}`),
    );
    expect(otherwise).toEqual([]);
  });

  it('documents, for every operation, the 503 a dependency that is down is answered with, and its Retry-After', () => {
    // The scrape reads this process's own counters, and liveness asks only whether the process answers: no dependency can be down for them.
    const dependingOnNothing = new Set(['GET /metrics', 'GET /health/live']);
    const missing = openApi.operations().flatMap(({ method, path, operation }) => {
      if (dependingOnNothing.has(`${method.toUpperCase()} ${path}`)) return [];
      const unavailable = operation.responses?.['503'] as { headers?: Record<string, { required?: boolean }> } | undefined;
      if (!unavailable) return [`${method.toUpperCase()} ${path}: no 503`];
      return unavailable.headers?.['Retry-After']?.required === true ? [] : [`${method.toUpperCase()} ${path}: 503 without a required Retry-After`];
    });
    expect(missing).toEqual([]);
  });

  it('documents 401 for every operation that needs a bearer token', () => {
    const needsToken = (security: unknown) => Array.isArray(security) && security.length > 0 && security.every((requirement) => Object.keys(requirement as object).length > 0);
    const missing = openApi
      .operations()
      .filter(({ operation }) => needsToken((operation as { security?: unknown }).security ?? document.security))
      .filter(({ operation }) => !['401', '4XX', 'default'].some((status) => operation.responses?.[status] !== undefined))
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
  });

  it('takes every request body as an object', () => {
    const notObjects = openApi.operations().flatMap(({ method, path, pointer, operation }) => {
      if (operation.requestBody === undefined) return [];
      const { value: body, pointer: bodyPointer } = openApi.resolve<{ content?: Record<string, { schema?: unknown }> }>(operation.requestBody, `${pointer}/requestBody`);
      const content = Object.entries(body.content ?? {});
      if (content.length === 0) return [`${method.toUpperCase()} ${path}: a request body with no content`];
      return content
        .filter(([mediaType, media]) => {
          const { value: schema } = openApi.resolve<{ type?: unknown } | undefined>(media.schema, `${bodyPointer}/content/${escapePointer(mediaType)}/schema`);
          return schema?.type !== 'object';
        })
        .map(([mediaType, media]) => `${method.toUpperCase()} ${path} ${mediaType}: ${JSON.stringify(media.schema)?.slice(0, 200)}`);
    });
    expect(notObjects).toEqual([]);
  });

  it('has a response schema that compiles as strict JSON Schema 2020-12 for every documented response', () => {
    const broken = openApi.operations().flatMap(({ method, path, pointer, operation }) =>
      Object.entries(operation.responses ?? {}).flatMap(([status, declared]) => {
        const { value: response, pointer: responsePointer } = openApi.resolve<{ content?: Record<string, { schema?: unknown }> }>(declared, `${pointer}/responses/${status}`);
        return Object.entries(response.content ?? {})
          .filter(([, media]) => media.schema !== undefined)
          .flatMap(([mediaType]) => {
            try {
              openApi.validatorAt(`${responsePointer}/content/${escapePointer(mediaType)}/schema`);
              return [];
            } catch (error) {
              return [`${method.toUpperCase()} ${path} ${status} ${mediaType}: ${error instanceof Error ? error.message : String(error)}`];
            }
          });
      }),
    );
    expect(broken).toEqual([]);
  });

  it('documents the 400 an invalid query is answered with (each response checked by http())', async () => {
    const admin = await service.client({ sub: 'asb-admin', roles: ['admin'] });
    expect((await admin('GET', '/audit?limit=0')).status).toBe(400);
    expect((await admin('GET', '/statistics?from=not-a-date&to=2027-01-01')).status).toBe(400);
  });

  it('refuses, through the same check http() runs, a response the document does not describe', () => {
    const problem = { type: 'https://asb-case-service.example/problems/not-found', title: 'Not found', status: 404, detail: 'case ASB-2026-999999 does not exist' };
    // Errors are problem+json, as the document says; the same body as application/json is not what it documents.
    expect(() => openApi.assertConforms('GET', '/cases/ASB-2026-999999', 404, 'application/problem+json', problem)).not.toThrow();
    expect(() => openApi.assertConforms('GET', '/cases/ASB-2026-999999', 404, 'application/json', problem)).toThrow(/documents 404 only as application\/problem\+json/);
    expect(() => openApi.assertConforms('GET', '/cases/ASB-2026-999999', 404, 'application/problem+json', { ...problem, title: undefined })).toThrow(
      /must have required property 'title'/,
    );
    expect(() => openApi.assertConforms('GET', '/cases/ASB-2026-999999', 418, 'application/problem+json', { ...problem, status: 418 })).toThrow(
      /answered 418, which GET \/cases\/\{reference\} \(CasesController_read\) does not document/,
    );
    expect(() => openApi.assertConforms('GET', '/cases/ASB-2026-999999', 200, 'application/json', { reference: 'ASB-2026-999999' })).toThrow(/must have required property 'version'/);
    expect(() => openApi.assertConforms('GET', '/cases/ASB-2026-999999', 200, 'text/html', '<html></html>')).toThrow(/documents 200 only as application\/json/);
    expect(() => openApi.assertConforms('POST', '/cases/ASB-2026-999999/enforcement-steps/step-1/breaches', 409, 'application/problem+json', { ...problem, status: 409 })).not.toThrow();
    expect(() => openApi.assertConforms('DELETE', '/cases/ASB-2026-999999', 404, 'application/problem+json', problem)).toThrow(/no DELETE operation/);
    expect(() => openApi.assertConforms('GET', '/nowhere', 404, 'application/problem+json', problem)).toThrow(/no path in the document matches it/);
    // The document itself and the page rendered from it are not operations it describes.
    expect(() => openApi.assertConforms('GET', '/docs', 200, 'text/html', '<html></html>')).not.toThrow();
  });
});
