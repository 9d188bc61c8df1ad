import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

/**
 * The local OpenID provider's address (`npm run up` starts it; `DEV_ISSUER_URL` moves it). Its ID tokens
 * and `npm run token`'s tokens carry this issuer and are signed with the same key, so one identity serves
 * the console and the API.
 */
export const DEV_ISSUER = 'http://localhost:3100';
export const DEFAULT_AUDIENCE = 'asb-case-service';
const ALGORITHM = 'ES256';

export interface DevKey {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/**
 * The local development issuer: a signing key made on first use and kept (git-ignored) under .data/,
 * so that tokens minted by `npm run token` verify in the API without any identity provider. Never
 * used when OIDC_ISSUER is set.
 */
export async function loadOrCreateDevKey(path: string): Promise<DevKey> {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as DevKey;
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const key: DevKey = { privateJwk: { ...(await exportJWK(privateKey)), alg: ALGORITHM, kid: 'local-dev' }, publicJwk: { ...(await exportJWK(publicKey)), alg: ALGORITHM, kid: 'local-dev' } };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(key), { mode: 0o600 });
  return key;
}

export interface TokenClaims {
  readonly sub: string;
  readonly name?: string;
  readonly roles: readonly string[];
  readonly team?: string;
  readonly agency?: string;
}

export async function mintDevToken(keyPath: string, claims: TokenClaims, options: { audience?: string; ttlSeconds?: number; issuer?: string } = {}): Promise<string> {
  const key = await loadOrCreateDevKey(keyPath);
  const signingKey = await importJWK(key.privateJwk, ALGORITHM);
  return new SignJWT({ ...claims, roles: [...claims.roles] })
    .setProtectedHeader({ alg: ALGORITHM, kid: 'local-dev' })
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 8 * 3600}s`)
    .sign(signingKey);
}
