import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { type AppConfig, ConfigError, parseEnvironment, projectRoot } from '../../../../libs/config/src';
import type { WebConfig } from '../web-config';

const SignInEnvironment = z.object({
  OIDC_CLIENT_ID: z.string().min(1).default('asb-console'),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile email'),
  SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  SESSION_SECRET_PATH: z.string().min(1).default(() => join(projectRoot(), '.data/web/session-secret')),
});

export interface SignInConfig {
  /** The OpenID provider people sign in with: OIDC_ISSUER, or the local provider. */
  readonly issuer: string;
  readonly clientId: string;
  /** Unset: a public client, which PKCE alone protects (the local provider's). */
  readonly clientSecret?: string;
  readonly scope: string;
  /** Signs the session cookie and binds CSRF tokens. */
  readonly sessionSecret: string;
  /** Behind HTTPS (WEB_BASE_URL is https): cookies are Secure and `__Host-` named, and the proxy's X-Forwarded-Proto is trusted. */
  readonly secure: boolean;
  readonly redirectUri: string;
  readonly signedOutUri: string;
}

export function consoleClientId(env: Record<string, string | undefined> = process.env): string {
  return parseEnvironment(SignInEnvironment, env).OIDC_CLIENT_ID;
}

/**
 * The console's sign-in settings. A deployment with its own identity provider (OIDC_ISSUER) must set
 * SESSION_SECRET, the same on every replica; locally one is made on first use and kept under .data/,
 * as the development issuer's key is.
 */
export function loadSignInConfig(config: AppConfig, web: WebConfig, env: Record<string, string | undefined> = process.env): SignInConfig {
  const e = parseEnvironment(SignInEnvironment, env);
  if (config.auth.issuer && !e.SESSION_SECRET) throw new ConfigError('invalid configuration: SESSION_SECRET: required when OIDC_ISSUER is set');
  return {
    issuer: config.auth.issuer ?? config.auth.devIssuerUrl,
    clientId: e.OIDC_CLIENT_ID,
    ...(e.OIDC_CLIENT_SECRET ? { clientSecret: e.OIDC_CLIENT_SECRET } : {}),
    scope: e.OIDC_SCOPES,
    sessionSecret: e.SESSION_SECRET ?? localSessionSecret(e.SESSION_SECRET_PATH),
    secure: web.baseUrl.startsWith('https:'),
    redirectUri: `${web.baseUrl}/sign-in/callback`,
    signedOutUri: `${web.baseUrl}/signed-out`,
  };
}

function localSessionSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
