import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDevKey, mintDevToken, TokenVerifier } from '../../libs/auth/src';
import { createLocalProviderServer } from '../../libs/auth/src/local-provider';
import { loadConfig } from '../../libs/config/src';
import { StaffDirectory } from '../../libs/directory/src';
import { freePort } from '../support/free-port';

/**
 * The local OpenID provider over HTTP, as any relying party meets it: discovery, the authorization
 * endpoint with PKCE, the sign-in page, the token endpoint, and an ID token that the API's own token
 * verifier accepts, carrying the staff directory's roles, team and agency.
 */
const CONSOLE = 'http://127.0.0.1:1/console';
let server: Server;
let issuer: string;
let keyPath: string;

beforeAll(async () => {
  keyPath = join(mkdtempSync(join(tmpdir(), 'asb-issuer-')), 'signing-key.json');
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  ({ server } = createLocalProviderServer({
    issuer,
    directory: StaffDirectory.fromFile(loadConfig({}).directoryPath),
    key: await loadOrCreateDevKey(keyPath),
    client: { clientId: 'asb-console', name: 'Manage ASB cases', baseUrl: CONSOLE },
  }));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A browser's cookie jar, reduced to what the provider needs: every cookie it set, sent back. */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }
}

async function follow(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  return jar.take(await fetch(new URL(url, issuer), { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } }));
}

/** The authorization code flow, with a person picked on the sign-in page; the token endpoint's answer. */
async function signIn(accountId: string, options: { redeemWith?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const verifier = randomBytes(32).toString('base64url');
  const jar = new Jar();
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL('/auth', issuer);
  authorize.search = new URLSearchParams({
    client_id: 'asb-console',
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: `${CONSOLE}/sign-in/callback`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-1',
    nonce: 'nonce-1',
  }).toString();
  let response = await follow(jar, authorize.href);
  expect(response.status).toBe(303);
  const interaction = response.headers.get('location')!;
  const page = await (await follow(jar, interaction)).text();
  expect(page).toContain(`value="${accountId}"`);
  response = await follow(jar, `${interaction}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `accountId=${accountId}` });
  for (let hops = 0; hops < 5 && !response.headers.get('location')!.startsWith(CONSOLE); hops++) response = await follow(jar, response.headers.get('location')!);
  const callback = new URL(response.headers.get('location')!);
  expect(callback.searchParams.get('state')).toBe('state-1');
  const token = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: `${CONSOLE}/sign-in/callback`, client_id: 'asb-console', code_verifier: options.redeemWith ?? verifier }),
  });
  return { status: token.status, body: (await token.json()) as Record<string, unknown> };
}

test('discovery names the endpoints, the code flow with PKCE (S256) and the ES256 development key', async () => {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
  expect(discovery).toMatchObject({
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    end_session_endpoint: `${issuer}/session/end`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
  });
  expect(discovery.claims_supported).toEqual(expect.arrayContaining(['sub', 'name', 'roles', 'team', 'agency']));
  const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
  const { publicJwk } = await loadOrCreateDevKey(keyPath);
  expect(jwks.keys).toEqual([expect.objectContaining({ kid: 'local-dev', kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y })]);
  expect(jwks.keys[0]).not.toHaveProperty('d');
});

test('a partner signs in: the ID token carries the directory’s role and agency, and the API’s token verifier reads the same caller', async () => {
  const { status, body } = await signIn('pc.lewis');
  expect(status).toBe(200);
  const verifier = await TokenVerifier.create({ devKeyPath: keyPath, devIssuerUrl: issuer, audience: 'asb-console' });
  expect(await verifier.verify(body.id_token as string)).toEqual({ id: 'pc.lewis', name: 'PC Lewis', roles: ['partner'], agency: 'police' });
});

test('a caseworker’s ID token names their team', async () => {
  const { body } = await signIn('amira.khan');
  const verifier = await TokenVerifier.create({ devKeyPath: keyPath, devIssuerUrl: issuer, audience: 'asb-console' });
  expect(await verifier.verify(body.id_token as string)).toEqual({ id: 'amira.khan', name: 'Amira Khan', roles: ['caseworker'], team: 'north' });
});

test('the token endpoint refuses a code redeemed with another PKCE verifier than the one it was asked for with', async () => {
  const { status, body } = await signIn('amira.khan', { redeemWith: randomBytes(32).toString('base64url') });
  expect(status).toBe(400);
  expect(body.error).toBe('invalid_grant');
});

test('npm run token’s tokens and the provider’s are from one issuer with one key: the API accepts a minted token for that issuer', async () => {
  const token = await mintDevToken(keyPath, { sub: 'jo.bennett', name: 'Jo Bennett', roles: ['manager'], team: 'north' }, { issuer });
  const verifier = await TokenVerifier.create({ devKeyPath: keyPath, devIssuerUrl: issuer, audience: 'asb-case-service' });
  expect(await verifier.verify(token)).toEqual({ id: 'jo.bennett', name: 'Jo Bennett', roles: ['manager'], team: 'north' });
});
