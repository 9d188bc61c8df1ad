import { openApiConformance } from './openapi-conformance';

/**
 * A small fetch wrapper for the end-to-end tests: JSON in, status, headers and parsed body out.
 *
 * Every response is checked against the OpenAPI document the service serves (/openapi.json): the
 * status must be one the operation documents and the body must match its documented schema, or the
 * call throws and the test fails. That is how the end-to-end tests prove the document true.
 */
export interface HttpResult<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface HttpOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /**
   * Leaves this one response unchecked against the OpenAPI document, and says why: only for a request
   * the document deliberately cannot describe (a path that does not exist, say). Any other request,
   * including an invalid one the API answers with a documented 4xx, is checked: leave this out.
   */
  readonly outsideOpenApi?: { readonly reason: string };
  /** The body is a file (a PDF): returned as its bytes, and checked against the document as text. */
  readonly binary?: boolean;
}

export async function http<T = any>(baseUrl: string, method: string, path: string, options: HttpOptions = {}): Promise<HttpResult<T>> {
  if (options.outsideOpenApi !== undefined && !options.outsideOpenApi.reason.trim()) {
    throw new Error(`${method} ${path}: outsideOpenApi needs the reason the OpenAPI document cannot describe this request`);
  }
  // Fetched alongside the request (once per service), not after it: a test may stop the service while
  // its request is in flight, and the answer must still be checked.
  const conformance = options.outsideOpenApi ? undefined : openApiConformance(baseUrl);
  conformance?.catch(() => {}); // awaited below; a failure is reported there, not as an unhandled rejection
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const type = response.headers.get('content-type') ?? '';
  const bytes = options.binary && !type.includes('json') ? Buffer.from(await response.arrayBuffer()) : undefined;
  const text = bytes ? bytes.toString('latin1') : await response.text();
  const parsed = type.includes('json') && text ? JSON.parse(text) : text;
  const body = (bytes ?? parsed) as T;
  if (conformance) (await conformance).assertConforms(method, path, response.status, response.headers.get('content-type'), parsed);
  return { status: response.status, headers: response.headers, body };
}
