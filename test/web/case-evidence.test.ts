import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { NOISE_DISPUTE } from '../support/case-requests';
import { NORTH_OFFICER } from '../support/service';
import { newContext } from './support/browser';
import { checkPage, SCRIPTS, signInAs } from './support/journey';
import { expectShelfWithheldFromSummaryShare } from './support/role-journeys';
import { startWebWorld, type WebWorld } from './support/web-world';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4096, 1)]);

describe('the console: evidence added, downloaded and withdrawn on the case page, through the API’s own checks', () => {
  let web: WebWorld;
  let reference: string;

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-evidence');
    const north = await web.world.service.client(NORTH_OFFICER);
    reference = (await north('POST', '/cases', { body: NOISE_DISPUTE })).body.reference;
    const recorded = await north('POST', `/cases/${reference}/incidents`, { body: { occurredAt: '2026-11-20T23:30:00Z', description: 'Music until 3am.', subjectIds: [] } });
    if (recorded.status !== 200) throw new Error(`setup: ${recorded.status} ${JSON.stringify(recorded.body)}`);
    const shared = await north('POST', `/cases/${reference}/shares`, { body: { agency: 'POLICE', summaryOnly: true, reason: 'Patrols near the address at night.' } });
    if (shared.status !== 200) throw new Error(`setup: ${shared.status} ${JSON.stringify(shared.body)}`);
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS)('with JavaScript $scripts', ({ scripts, javaScriptEnabled }) => {
    let context: BrowserContext;
    let page: Page;
    const diary = Buffer.concat([Buffer.from(`%PDF-1.7\n% noise diary (${scripts})\n`), Buffer.alloc(20_000, 0x20)]);
    const description = `Noise diary, 1 to 14 November (scripts ${scripts})`;

    beforeAll(async () => {
      context = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
      page = await context.newPage();
      await page.goto(`/cases/${reference}`);
      await signInAs(page, 'Amira Khan');
      await page.waitForURL(`**/cases/${reference}`);
    });

    afterAll(() => context?.close());

    const fillForm = async () => {
      await page.getByLabel('What is it?').fill(description);
      await page.getByLabel(/Music until 3am/).check();
      await page.getByLabel('Who provided it?').fill('Pat Lee, the complainant');
      await page.getByLabel('Day').fill('15');
      await page.getByLabel('Month').fill('11');
      await page.getByLabel('Year').fill('2026');
    };

    it('asks for each field it needs, then adds a PDF from the upload page and lists it on the case', async () => {
      await page.getByRole('link', { name: 'Add evidence' }).click();
      await page.waitForURL(`**/cases/${reference}/evidence`);
      await checkPage(page);

      await page.getByRole('button', { name: 'Add evidence' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      expect(await summary.innerText()).toContain('Enter what the evidence is');
      await checkPage(page);

      await fillForm();
      await page.getByLabel('The file').setInputFiles({ name: 'noise diary.pdf', mimeType: 'application/pdf', buffer: diary });
      await page.getByRole('button', { name: 'Add evidence' }).click();
      await page.waitForURL(`**/cases/${reference}`);
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Evidence added to the case');
      const table = await page.getByRole('table', { name: 'Evidence kept with the case' }).innerText();
      expect(table).toContain(description);
      expect(table).toContain('Pat Lee, the complainant, 15 November 2026');
      expect(table).toContain('Incident of 20 November 2026');
      await checkPage(page, 'case-evidence');
    });

    it('refuses a ".pdf" that is an executable, saying so beside the file', async () => {
      await page.goto(`/cases/${reference}/evidence`);
      await fillForm();
      await page.getByLabel('The file').setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: ELF });
      await page.getByRole('button', { name: 'Add evidence' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      expect(await summary.innerText()).toContain('not kept as evidence');
      expect(await page.getByLabel('What is it?').inputValue()).toBe(description);
      await checkPage(page);
    });

    it('downloads the file byte for byte, then withdraws it with a reason, shown on the case', async () => {
      await page.goto(`/cases/${reference}`);
      const row = page.getByRole('row').filter({ hasText: description });
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Download/ }).click()]);
      expect(sha256(readFileSync((await download.path())!))).toBe(sha256(diary));

      await row.getByRole('link', { name: /Withdraw/ }).click();
      await page.getByRole('button', { name: 'Withdraw evidence' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await page.getByLabel('Why is it withdrawn?').fill('Scanned from the wrong household’s diary.');
      await page.getByRole('button', { name: 'Withdraw evidence' }).click();
      await page.waitForURL(`**/cases/${reference}`);
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Evidence withdrawn');
      const withdrawn = await page.getByRole('row').filter({ hasText: description }).innerText();
      expect(withdrawn).toContain('Withdrawn');
      expect(withdrawn).toContain('Scanned from the wrong household’s diary.');
      await checkPage(page);
    });
  });

  it('shows a partner with a summary-only share no evidence, and answers its download 404', async () => {
    const north = await web.world.service.client(NORTH_OFFICER);
    await expectShelfWithheldFromSummaryShare(web, reference, 'Evidence', async () => (await north('GET', `/cases/${reference}/evidence`)).body.evidence[0].download);
  });
});
