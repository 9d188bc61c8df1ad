import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localReturnPath } from '../../apps/web/src/sign-in/session';
import { loadSignInConfig } from '../../apps/web/src/sign-in/sign-in-config';
import { loadWebConfig } from '../../apps/web/src/web-config';
import { ConfigError, loadConfig } from '../../libs/config/src';

describe('where sign-in returns a person to', () => {
  it.each([
    ['/cases/ASB-2026-000123', '/cases/ASB-2026-000123'],
    ['/cases?sort=next&q=Reed', '/cases?sort=next&q=Reed'],
    ['//evil.example/cases', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['cases', '/'],
    ['/cases\r\nSet-Cookie: x=1', '/'],
    [undefined, '/'],
    [['/cases', '/other'], '/'],
  ])('%j → %s', (asked, returned) => {
    expect(localReturnPath(asked)).toBe(returned);
  });
});

describe('the console’s sign-in settings', () => {
  const secretPath = () => join(mkdtempSync(join(tmpdir(), 'asb-session-')), 'session-secret');

  it('locally: the local provider, a public client, and a session secret made once and kept, readable by its owner alone', () => {
    const path = secretPath();
    const env = { SESSION_SECRET_PATH: path };
    const first = loadSignInConfig(loadConfig({}), loadWebConfig(loadConfig({}), {}), env);
    expect(first).toMatchObject({
      issuer: 'http://localhost:3100',
      clientId: 'asb-console',
      scope: 'openid profile email',
      secure: false,
      redirectUri: 'http://localhost:3001/sign-in/callback',
      signedOutUri: 'http://localhost:3001/signed-out',
    });
    expect(first).not.toHaveProperty('clientSecret');
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path, 'utf8')).toBe(first.sessionSecret);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadSignInConfig(loadConfig({}), loadWebConfig(loadConfig({}), {}), env).sessionSecret).toBe(first.sessionSecret);
  });

  it('with a partnership’s identity provider, a session secret must be given: replicas must share it', () => {
    const config = loadConfig({ OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0' });
    expect(() => loadSignInConfig(config, loadWebConfig(config, {}), { SESSION_SECRET_PATH: secretPath() })).toThrow(ConfigError);
    expect(() => loadSignInConfig(config, loadWebConfig(config, {}), { SESSION_SECRET_PATH: secretPath() })).toThrow(/SESSION_SECRET/);
    const signIn = loadSignInConfig(config, loadWebConfig({ ...config, http: { ...config.http, consoleBaseUrl: 'https://asb.melton.gov.uk' } }, {}), {
      SESSION_SECRET: 'x'.repeat(40),
      OIDC_CLIENT_ID: 'melton-asb',
      OIDC_CLIENT_SECRET: 'from-the-vault',
    });
    expect(signIn).toMatchObject({
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      clientId: 'melton-asb',
      clientSecret: 'from-the-vault',
      secure: true,
      redirectUri: 'https://asb.melton.gov.uk/sign-in/callback',
    });
  });

  it('refuses a short session secret, naming the variable', () => {
    expect(() => loadSignInConfig(loadConfig({}), loadWebConfig(loadConfig({}), {}), { SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });
});
