import { Client } from 'pg';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { BrowserContext, Page } from 'playwright-core';
import { createWeb } from '../../apps/web/src/create-web';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../apps/web/src/sign-in/session-limits';
import { loadWebConfig } from '../../apps/web/src/web-config';
import { NOISE_DISPUTE } from '../support/case-requests';
import { aboutOtherPeople } from '../support/distinct-reports';
import { freePort } from '../support/free-port';
import { NORTH_OFFICER } from '../support/service';
import { newContext } from './support/browser';
import { checkPage, SCRIPTS, signInAs } from './support/journey';
import { startWebWorld, type WebWorld } from './support/web-world';

const CONSOLE_PAGES = ['/', '/cases'];

describe('sign-in to the console: the local OpenID provider, PostgreSQL sessions, CSRF and security headers, in a real browser', () => {
  let web: WebWorld;
  let caseUrl: string;
  let subjectName: string;
  let database: Client;

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-sign-in');
    const north = await web.world.service.client(NORTH_OFFICER);
    const opened = await north('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) });
    if (opened.status !== 201) throw new Error(`setup: ${opened.status} ${JSON.stringify(opened.body)}`);
    caseUrl = `/cases/${opened.body.reference as string}`;
    subjectName = (opened.body.subjects as { name: string }[])[0]!.name;
    database = new Client({ connectionString: web.world.databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await web?.stop();
  });

  const atProviderSignIn = async (page: Page) => {
    expect(page.url().startsWith(web.issuerUrl)).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in to Manage ASB cases');
  };

  const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name === 'asb-session');

  describe.each(SCRIPTS)('with JavaScript $scripts', ({ javaScriptEnabled }) => {
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      context = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
      page = await context.newPage();
    });

    afterEach(() => context.close());

    it('a deep link (the case link in an email) goes to sign-in, and after it to that case', async () => {
      await page.goto(caseUrl);
      await atProviderSignIn(page);
      await checkPage(page, javaScriptEnabled ? 'sign-in' : undefined);
      await signInAs(page, 'Amira Khan');
      await page.waitForURL(`**${caseUrl}`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(caseUrl.split('/').pop());
    });

    it('sign-out ends the session here and at the provider (both audited): the next page asks who you are again', async () => {
      await page.goto('/cases');
      await signInAs(page, 'Amira Khan');
      await page.waitForURL('**/cases');
      const signedInCookie = (await sessionCookie(context))!;

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL('**/signed-out');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You have signed out');
      await checkPage(page, javaScriptEnabled ? 'signed-out' : undefined);

      const { rows: audited } = await database.query<{ action: string }>(
        `select action from audit_event where actor = 'amira.khan' and action like 'console.sign-%' and at > now() - interval '1 minute' order by id desc limit 2`,
      );
      expect(audited.map((row) => row.action)).toEqual(['console.sign-out', 'console.sign-in']);

      await page.goto('/cases');
      await atProviderSignIn(page);
      // The old cookie, kept by someone, opens nothing: the session is gone from PostgreSQL.
      const replay = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
      await replay.addCookies([signedInCookie]);
      const replayed = await replay.request.get('/cases', { maxRedirects: 0 });
      expect(replayed.status()).toBe(303);
      await replay.close();
    });
  });

  describe('with a signed-in caseworker', () => {
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      context = await newContext(web.browser, { javaScriptEnabled: true, baseURL: web.baseUrl });
      page = await context.newPage();
      await page.goto('/cases');
      await signInAs(page, 'Amira Khan');
      await page.waitForURL('**/cases');
    });

    afterEach(() => context.close());

    it('the session cookie is HttpOnly, SameSite=Lax, for the whole console, and expires after 30 minutes idle (pushed on by each request)', async () => {
      const cookie = (await sessionCookie(context))!;
      expect({ httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, path: cookie.path, secure: cookie.secure }).toEqual({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
      expect(cookie.expires * 1000).toBeGreaterThan(Date.now() + IDLE_TIMEOUT_MS - 60_000);
      expect(cookie.expires * 1000).toBeLessThanOrEqual(Date.now() + IDLE_TIMEOUT_MS + 1000);
      // Not readable by a page's script.
      expect(await page.evaluate('document.cookie')).not.toContain('asb-session');
      const { rows } = await database.query<{ expire: Date }>(`select expire from web_session where sess->'caller'->>'id' = 'amira.khan' order by expire desc limit 1`);
      expect(Math.abs(rows[0]!.expire.getTime() - cookie.expires * 1000)).toBeLessThan(2000);

      await new Promise((resolve) => setTimeout(resolve, 1100));
      await page.reload();
      expect((await sessionCookie(context))!.expires).toBeGreaterThan(cookie.expires);
    });

    it('after 30 minutes without a request the session has expired: the next page asks to sign in, and returns to it', async () => {
      const before = (await sessionCookie(context))!;
      // 30 minutes pass without a request: the row's expiry (what the server honours) is behind us.
      await database.query(`update web_session set expire = now() - interval '1 second' where sess->'caller'->>'id' = 'amira.khan'`);
      const lapsed = await context.request.get(caseUrl, { maxRedirects: 0 });
      expect(lapsed.status()).toBe(303);
      expect(lapsed.headers().location).toBe(`/sign-in?returnTo=${encodeURIComponent(caseUrl)}`);
      // Through the provider and back to the case. Amira proved who she is there moments ago, within the
      // 30 minutes the console asks for (max_age), so the provider does not ask again; after a real
      // 30 idle minutes it would.
      await page.goto(caseUrl);
      expect(new URL(page.url()).pathname).toBe(caseUrl);
      expect((await sessionCookie(context))!.value).not.toBe(before.value);
    });

    it('8 hours after sign-in the session ends, however active it was', async () => {
      const signedInAt = Date.now() - ABSOLUTE_TIMEOUT_MS - 60_000;
      await database.query(`update web_session set sess = jsonb_set(sess::jsonb, '{signedInAt}', to_jsonb($1::bigint))::json where sess->'caller'->>'id' = 'amira.khan'`, [signedInAt]);
      const response = await context.request.get('/cases', { maxRedirects: 0 });
      expect(response.status()).toBe(303);
      expect(response.headers().location).toBe('/sign-in?returnTo=%2Fcases');
    });

    it('a form posted without its CSRF token is refused, and nothing is done', async () => {
      await page.locator('form[action="/sign-out"] input[name="_csrf"]').evaluate((input) => input.remove());
      const [refusedInBrowser] = await Promise.all([page.waitForResponse((response) => response.url().endsWith('/sign-out')), page.getByRole('button', { name: 'Sign out' }).click()]);
      expect(refusedInBrowser.status()).toBe(403);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('This form has expired');
      const refused = await context.request.post('/sign-out', { form: { _csrf: 'not-the-token' }, maxRedirects: 0 });
      expect(refused.status()).toBe(403);
      // Still signed in.
      await page.goto('/cases');
      expect(new URL(page.url()).pathname).toBe('/cases');
    });

    it('every page carries a Content-Security-Policy with no inline script and nothing from elsewhere, and the other security headers', async () => {
      const response = await context.request.get('/cases');
      const csp = response.headers()['content-security-policy']!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('nonce-');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
      expect(response.headers()['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers()['x-powered-by']).toBeUndefined();
    });
  });

  it.each(CONSOLE_PAGES)('no page is served without a session: %s sends the browser to sign in', async (path) => {
    const context = await newContext(web.browser, { javaScriptEnabled: false, baseURL: web.baseUrl });
    const response = await context.request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe(`/sign-in?returnTo=${encodeURIComponent(path)}`);
    await context.close();
  });

  it('a case page without a session sends the browser to sign in, not to the case', async () => {
    const context = await newContext(web.browser, { javaScriptEnabled: false, baseURL: web.baseUrl });
    const response = await context.request.get(caseUrl, { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(await response.text()).not.toContain(subjectName);
    await context.close();
  });

  it('answers the load balancer and the probes without a session: /health and /health/live', async () => {
    for (const path of ['/health', '/health/live']) {
      const response = await fetch(`${web.baseUrl}${path}`, { redirect: 'manual' });
      expect({ path, status: response.status, body: await response.text() }).toEqual({ path, status: 200, body: 'ok' });
    }
  });

  it('sign-in returns only to a page of the console, never to another site', async () => {
    const context = await newContext(web.browser, { javaScriptEnabled: false, baseURL: web.baseUrl });
    const page = await context.newPage();
    await page.goto('/sign-in?returnTo=//evil.example/cases');
    await signInAs(page, 'Amira Khan');
    await page.waitForURL(`${web.baseUrl}/**`);
    expect(new URL(page.url()).host).toBe(new URL(web.baseUrl).host);
    await context.close();
  });

  describe('behind HTTPS', () => {
    let secure: NestExpressApplication;
    let secureUrl: string;

    beforeAll(async () => {
      const port = await freePort();
      secureUrl = `http://127.0.0.1:${port}`;
      const service = web.world.service.config;
      const behindHttps = { ...service, http: { ...service.http, consoleBaseUrl: 'https://console.melton.example' }, auth: { ...service.auth, devIssuerUrl: web.issuerUrl } };
      secure = await createWeb(behindHttps, loadWebConfig(behindHttps, { WEB_PORT: String(port) }), { logger: false });
      await secure.listen(port, '127.0.0.1');
    });

    afterAll(() => secure?.close());

    it('the session cookie is also Secure and __Host- named, and HSTS is sent', async () => {
      // The TLS-terminating proxy says the browser came over HTTPS.
      const response = await fetch(`${secureUrl}/sign-in?returnTo=%2Fcases`, { redirect: 'manual', headers: { 'x-forwarded-proto': 'https' } });
      expect(response.status).toBe(303);
      const cookie = response.headers.getSetCookie().find((line) => line.startsWith('__Host-asb-session='))!;
      expect(cookie.split('; ').slice(1).sort()).toEqual(expect.arrayContaining(['HttpOnly', 'Path=/', 'SameSite=Lax', 'Secure']));
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    });
  });
});
