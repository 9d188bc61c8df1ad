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
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}
