import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type Caller, CallerClaims, callerFrom } from './caller';
import { DEV_ISSUER, loadOrCreateDevKey } from './dev-issuer';

export interface AuthConfig {
  /** An OIDC issuer (Entra ID, say); unset means the local development issuer. */
  readonly issuer?: string;
  readonly audience: string;
  /** Where the issuer publishes its keys; discovered from the issuer when unset. */
  readonly jwksUri?: string;
  readonly devKeyPath: string;
  /** The local OpenID provider's issuer, trusted (with the local key) when `issuer` is unset. */
  readonly devIssuerUrl?: string;
}

export class InvalidTokenError extends Error {}

/** Verifies bearer tokens: signature against the issuer's keys, issuer, audience, expiry, then the claims. */
export class TokenVerifier {
  private constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  static async create(config: AuthConfig): Promise<TokenVerifier> {
    if (!config.issuer) {
      const key = await loadOrCreateDevKey(config.devKeyPath);
      return new TokenVerifier(createLocalJWKSet({ keys: [key.publicJwk] }), config.devIssuerUrl ?? DEV_ISSUER, config.audience);
    }
    const jwksUri = config.jwksUri ?? (await discoverJwksUri(config.issuer));
    return new TokenVerifier(createRemoteJWKSet(new URL(jwksUri)), config.issuer, config.audience);
  }

  async verify(token: string): Promise<Caller> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, { issuer: this.issuer, audience: this.audience }));
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : String(error));
    }
    const claims = CallerClaims.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError(`token claims: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return callerFrom(claims.data);
  }
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery for ${issuer} answered ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
  if (!jwksUri) throw new Error(`OIDC discovery for ${issuer} names no jwks_uri`);
  return jwksUri;
}
