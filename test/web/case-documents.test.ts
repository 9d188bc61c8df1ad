import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/case-driver';
import { NOISE_DISPUTE } from '../support/case-requests';
import { NORTH_OFFICER } from '../support/service';
import { newContext } from './support/browser';
import { checkPage, SCRIPTS, signInAs } from './support/journey';
import { startWebWorld, type WebWorld } from './support/web-world';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const SKIP = 'Music every night for a month; earlier steps would not be proportionate to the harm.';

interface DocumentView { id: string; stepId: string; version: number; current: boolean; madeOnRecord: boolean; sha256: string; download: string }

/** Two subjects: Jordan, warned with the conduct on the file (the service makes the notice), and Kim, warned without it (it cannot). */
const REPORT = {
  ...NOISE_DISPUTE,
  subjects: [
    { id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14' },
    { id: 's2', name: 'Kim Reed', dateOfBirth: '1990-02-03' },
  ],
};

describe('the console: the case’s notices listed with their versions, generated and downloaded through the API’s own service', () => {
  let web: WebWorld;
  let reference: string;
  const documents = async (): Promise<DocumentView[]> => (await (await web.world.service.client(NORTH_OFFICER))('GET', `/cases/${reference}/documents`)).body.documents;

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-documents');
    const north = await web.world.service.client(NORTH_OFFICER);
    reference = (await north('POST', '/cases', { body: REPORT })).body.reference;
    for (const step of [
      { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: SKIP, notes: 'Amplified music most nights after midnight.' },
      { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's2', conductConfirmed: true, skipReason: SKIP },
    ]) {
      const recorded = await north('POST', `/cases/${reference}/enforcement-steps`, { body: step });
      if (recorded.status !== 200) throw new Error(`setup: ${recorded.status} ${JSON.stringify(recorded.body)}`);
    }
    const shared = await north('POST', `/cases/${reference}/shares`, { body: { agency: 'POLICE', summaryOnly: true, reason: 'Patrols near the address at night.' } });
    if (shared.status !== 200) throw new Error(`setup: ${shared.status} ${JSON.stringify(shared.body)}`);
    // Jordan's warning was made by the service a moment after it was recorded.
    await eventually(async () => (await documents()).some((document) => document.madeOnRecord) || undefined);
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS)('with JavaScript $scripts', ({ javaScriptEnabled }) => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
      page = await context.newPage();
      await page.goto(`/cases/${reference}`);
      await signInAs(page, 'Amira Khan');
      await page.waitForURL(`**/cases/${reference}`);
    });

    afterAll(() => context?.close());

    it('lists the notice the service made when the step was recorded, and says which step has none and why', async () => {
      await page.goto(`/cases/${reference}`);
      const table = page.getByRole('table', { name: 'Documents made for the case' });
      const made = await table.getByRole('row').filter({ hasText: 'the service, when the step was recorded' }).innerText();
      expect(made).toContain('Community Protection Warning');
      expect(made).toContain('Jordan Reed');
      expect(made).toContain('Version 1');
      expect(await page.locator('.govuk-inset-text').filter({ hasText: 'No notice has been made for this step' }).innerText()).toContain('Community Protection Warning for Kim Reed');
      await checkPage(page, 'case-documents');
    });

    it('refuses to make a notice the file cannot support, saying what the law needs', async () => {
      await page.getByRole('link', { name: 'Generate notice' }).click();
      await page.waitForURL(`**/cases/${reference}/documents`);
      await checkPage(page);
      await page.getByRole('button', { name: 'Generate notice' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select the step whose notice to make');

      await page.getByLabel(/Community Protection Warning for Kim Reed/).check();
      await page.getByRole('button', { name: 'Generate notice' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      expect(await summary.innerText()).toContain('The notice cannot be made yet. A Community Protection Warning states the conduct it is about: record it in the step’s notes.');
      await checkPage(page);
    });

    it('makes the warning again as a new version, marks it current and the first replaced, and downloads it as it was stored', async () => {
      await page.goto(`/cases/${reference}/documents`);
      await page.getByLabel(/Community Protection Warning for Jordan Reed/).check();
      await page.getByRole('button', { name: 'Generate notice' }).click();
      await page.waitForURL(`**/cases/${reference}#documents`);
      const latest = (await documents()).filter((document) => document.current && document.stepId === 'step-1')[0]!;
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`Community Protection Warning made: version ${latest.version}`);

      const rows = page.getByRole('table', { name: 'Documents made for the case' }).getByRole('row');
      expect(await rows.filter({ hasText: `Version ${latest.version}` }).innerText()).toContain('Current');
      expect(await rows.filter({ hasText: 'Version 1' }).innerText()).toContain('Replaced');
      const [download] = await Promise.all([page.waitForEvent('download'), rows.filter({ hasText: `Version ${latest.version}` }).getByRole('link', { name: /Download/ }).click()]);
      expect(download.suggestedFilename()).toBe(`${reference}-community-protection-warning-v${latest.version}.pdf`);
      expect(sha256(readFileSync((await download.path())!))).toBe(latest.sha256);
      await checkPage(page);
    });
  });

  it('shows a partner with a summary-only share no documents, and answers the download 404', async () => {
    const context = await newContext(web.browser, { javaScriptEnabled: false, baseURL: web.baseUrl });
    try {
      const page = await context.newPage();
      await page.goto(`/cases/${reference}`);
      await signInAs(page, 'PC Lewis');
      await page.waitForURL(`**/cases/${reference}`);
      expect(await page.getByRole('heading', { name: 'Documents' }).count()).toBe(0);
      const first = (await documents())[0]!;
      expect((await page.goto(`/cases/${reference}/documents/${first.id}`))?.status()).toBe(404);
    } finally {
      await context.close();
    }
  });
});
