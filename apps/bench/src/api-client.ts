import { mintDevToken, type TokenClaims } from '../../../libs/auth/src';

/** Calls the service's HTTP API as one person, with a bearer token from the development issuer. */
export class ApiClient {
  private constructor(
    readonly baseUrl: string,
    private readonly authorization: string,
  ) {}

  static async as(baseUrl: string, devKeyPath: string, claims: TokenClaims): Promise<ApiClient> {
    return new ApiClient(baseUrl, `Bearer ${await mintDevToken(devKeyPath, claims, { ttlSeconds: 6 * 3600 })}`);
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>('POST', path, body, headers);
  }

  /**
   * A POST with an Idempotency-Key, retried as a client should when the service answers 503 (a command
   * not finished in time: it may still finish, and the key makes the retry return what it did).
   */
  async postRetrying<T>(path: string, body: unknown, idempotencyKey: string, attempts = 6): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.post<T>(path, body, { 'idempotency-key': idempotencyKey });
      } catch (error) {
        if (!(error instanceof ServiceUnavailable) || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, error.retryAfterSeconds * 1000));
      }
    }
  }

  async get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  private async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: this.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status === 503) throw new ServiceUnavailable(`${method} ${path}: 503 ${text.slice(0, 300)}`, Number(response.headers.get('retry-after')) || 1);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

/** 503: the service could not finish in time or a dependency is down; Retry-After says when to try again. */
export class ServiceUnavailable extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
