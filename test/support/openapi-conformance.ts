import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Checks responses against the OpenAPI document the service itself serves at /openapi.json: the
 * operation the request reached, the status it answered (which the document must list) and the body
 * (which must match the documented schema). `http()` runs it on every response the end-to-end tests
 * receive, so the document is proven true by every test, not by a separate hand-kept list.
 */

/** What this module reads from an OpenAPI 3.1 document. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths?: Record<string, PathItem>;
  readonly components?: Record<string, Record<string, unknown>>;
  readonly [field: string]: unknown;
}
type PathItem = Record<string, unknown>;
interface Operation {
  readonly operationId?: string;
  readonly summary?: string;
  readonly responses?: Record<string, unknown>;
  readonly requestBody?: unknown;
}
interface ResponseObject {
  readonly description?: string;
  readonly content?: Record<string, { readonly schema?: unknown }>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Paths that are not API operations and so are not in the document: /openapi.json is the document
 * itself (test/e2e/openapi-document.test.ts validates it as OpenAPI 3.1), and /docs is the HTML page
 * (and its script and style assets) that Swagger UI renders from it for people. /health IS checked:
 * it is a documented operation like any other.
 */
export function isOutsideTheDocument(pathname: string): boolean {
  return pathname === '/openapi.json' || pathname === '/docs' || pathname.startsWith('/docs/');
}

/** Thrown when a response contradicts the document (or the document does not describe it). */
export class OpenApiMismatch extends Error {
  override readonly name = 'OpenApiMismatch';
}

/** The document the service at `baseUrl` serves, with a validator for its responses. */
export class OpenApiConformance {
  /** Base URI under which the whole document is registered with Ajv, so every `#/components/...` $ref resolves. */
  private static readonly DOCUMENT_ID = 'https://openapi.test/openapi.json';
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: readonly { readonly template: string; readonly pattern: RegExp; readonly parameters: number }[];

  constructor(readonly document: OpenApiDocument) {
    // JSON Schema 2020-12 is the dialect of OpenAPI 3.1 Schema Objects. Strict, so that a keyword the
    // document misspells fails here instead of being silently ignored; union types ("type": ["string",
    // "null"]) are how a nullable field is written in 3.1.
    this.ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(this.ajv);
    // OpenAPI's own annotation keywords in Schema Objects (its "base" vocabulary): no validation meaning.
    this.ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
    // The document's top-level fields, so that the document can be registered as one schema resource and
    // any schema inside it compiled by JSON pointer, its $refs resolving against the document.
    this.ajv.addVocabulary(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags'].filter((field) => field in document));
    this.ajv.addSchema({ ...document, $id: OpenApiConformance.DOCUMENT_ID });
    this.templates = Object.keys(document.paths ?? {}).map((template) => {
      const parts = template.split(/\{[^}/]+\}/);
      return {
        template,
        pattern: new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`),
        parameters: parts.length - 1,
      };
    });
  }

  /** Every operation in the document, with its path template and method. */
  operations(): { path: string; method: string; pointer: string; operation: Operation }[] {
    return Object.entries(this.document.paths ?? {}).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
        path,
        method,
        pointer: `#/paths/${escapePointer(path)}/${method}`,
        operation: item[method] as Operation,
      })),
    );
  }

  /** Follows `$ref` (local to the document) until it reaches the object itself; returns it and its pointer. */
  resolve<T>(value: unknown, pointer: string): { value: T; pointer: string } {
    const seen = new Set<string>();
    while (isObject(value) && typeof value.$ref === 'string') {
      const ref = value.$ref;
      if (!ref.startsWith('#/')) throw new OpenApiMismatch(`${pointer}: only local $refs are supported, found ${ref}`);
      if (seen.has(ref)) throw new OpenApiMismatch(`${pointer}: $ref cycle through ${ref}`);
      seen.add(ref);
      value = valueAt(this.document, ref.slice(1));
      if (value === undefined) throw new OpenApiMismatch(`${pointer}: $ref ${ref} points at nothing in the document`);
      pointer = ref;
    }
    return { value: value as T, pointer };
  }

  /** Compiles (once) the schema at `pointer`; throws if it is not a valid JSON Schema 2020-12. */
  validatorAt(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${OpenApiConformance.DOCUMENT_ID}${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  /**
   * Fails (throws OpenApiMismatch) unless the document has an operation for `method` on the path of
   * `url`, lists `status` among its responses, and documents a body schema for `contentType` that
   * `body` (the parsed JSON, or the text for anything else) matches.
   */
  assertConforms(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
    const pathname = new URL(url, 'http://service.invalid').pathname;
    const request = `${method.toUpperCase()} ${url}`;
    if (isOutsideTheDocument(pathname)) return;

    // A concrete path wins over a templated one (OpenAPI 3.1 §4.8.8.2); among templates, the fewest parameters.
    const matches = this.templates.filter(({ pattern }) => pattern.test(pathname)).sort((a, b) => a.parameters - b.parameters);
    const match = matches.find(({ template }) => isObject(this.document.paths?.[template]?.[method.toLowerCase()]));
    if (!match) {
      const where = matches.length
        ? `the document has ${matches.map(({ template }) => template).join(', ')} but no ${method.toUpperCase()} operation on it`
        : 'no path in the document matches it';
      throw new OpenApiMismatch(`${request} answered ${status}, but ${where}`);
    }
    const operationPointer = `#/paths/${escapePointer(match.template)}/${method.toLowerCase()}`;
    const operation = this.document.paths![match.template]![method.toLowerCase()] as Operation;
    const name = `${method.toUpperCase()} ${match.template} (${operation.operationId ?? operation.summary ?? 'no operationId'})`;

    const responses = operation.responses ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => responses[candidate] !== undefined);
    if (!key) {
      throw new OpenApiMismatch(
        `${request} answered ${status}, which ${name} does not document (it documents ${Object.keys(responses).join(', ') || 'no response'}).\n` +
          `Body: ${preview(body)}`,
      );
    }
    const { value: response, pointer: responsePointer } = this.resolve<ResponseObject>(responses[key], `${operationPointer}/responses/${key}`);
    const content = response.content ?? {};
    const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const hasBody = body !== undefined && body !== '';

    if (Object.keys(content).length === 0) {
      if (!hasBody) return;
      throw new OpenApiMismatch(`${request} answered ${status} with a ${mediaType || 'typeless'} body, but ${name} documents no body for ${key}.\nBody: ${preview(body)}`);
    }
    // The media type must be the one documented: an error is application/problem+json, and the document says so.
    const documented = content[mediaType] !== undefined ? mediaType : undefined;
    if (documented === undefined) {
      throw new OpenApiMismatch(
        `${request} answered ${status} as ${mediaType || 'no content type'}, but ${name} documents ${key} only as ${Object.keys(content).join(', ')}.\nBody: ${preview(body)}`,
      );
    }
    const schema = content[documented]!.schema;
    if (schema === undefined) return;

    const schemaPointer = `${responsePointer}/content/${escapePointer(documented)}/schema`;
    const validate = this.validatorAt(schemaPointer);
    if (validate(body)) return;
    const errors = (validate.errors ?? []).slice(0, 20).map((error) => `  - ${describeError(error, body, OpenApiConformance.DOCUMENT_ID)}`);
    const more = (validate.errors?.length ?? 0) > errors.length ? `\n  … and ${validate.errors!.length - errors.length} more` : '';
    throw new OpenApiMismatch(
      `${request} answered ${status} ${mediaType}, and the body does not match the schema ${name} documents for ${key} ` +
        `(${schemaPointer}${isObject(schema) && typeof schema.$ref === 'string' ? ` → ${schema.$ref}` : ''}):\n` +
        `${errors.join('\n')}${more}\nBody: ${preview(body)}`,
    );
  }
}

const documents = new Map<string, Promise<OpenApiConformance>>();

/**
 * The conformance checker for the service at `baseUrl`, from its /openapi.json, fetched once per base
 * URL. A failed fetch is not cached, so a later call tries again.
 */
export function openApiConformance(baseUrl: string): Promise<OpenApiConformance> {
  let loading = documents.get(baseUrl);
  if (!loading) {
    loading = fetchDocument(baseUrl);
    documents.set(baseUrl, loading);
    loading.catch(() => documents.delete(baseUrl));
  }
  return loading;
}

async function fetchDocument(baseUrl: string): Promise<OpenApiConformance> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/openapi.json`);
  } catch (error) {
    throw new OpenApiMismatch(`could not fetch ${baseUrl}/openapi.json to check the response against: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (response.status !== 200) throw new OpenApiMismatch(`${baseUrl}/openapi.json answered ${response.status}: ${text.slice(0, 500)}`);
  return new OpenApiConformance(JSON.parse(text) as OpenApiDocument);
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((value, segment) => (isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined), root);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeError(error: ErrorObject, body: unknown, documentId: string): string {
  const where = error.instancePath || '(the body)';
  const params = error.params as Record<string, unknown>;
  const message =
    error.keyword === 'additionalProperties'
      ? `has a property the schema does not allow: '${String(params.additionalProperty)}'`
      : error.keyword === 'enum'
        ? `must be one of ${JSON.stringify(params.allowedValues)}`
        : error.keyword === 'pattern'
          ? `must match the pattern ${preview(params.pattern, 60)}`
          : (error.message ?? error.keyword);
  const value = error.keyword === 'additionalProperties' || error.keyword === 'required' ? '' : `, is ${preview(valueAt(body, error.instancePath), 120)}`;
  return `${where} ${message}${value} [${error.schemaPath.replace(documentId, '')}]`;
}

function preview(value: unknown, max = 1500): string {
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
