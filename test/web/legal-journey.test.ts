import type { BrowserContext, Page } from 'playwright-core';
import { NORTH_OFFICER } from '../support/service';
import { checkPage } from './support/journey';
import { noiseReport, type OpenedCase, opened, SCRIPTS, sent, signedIn } from './support/role-journeys';
import { startWebWorld, type WebWorld } from './support/web-world';

/** "10 December 2026": the GOV.UK way of writing a date. */
const LONG_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/u;

describe('the console: the legal team’s referral queue, and acknowledging a referral from it', () => {
  let web: WebWorld;
  /** One referred case for each run of the journey (scripts on, scripts off). */
  const referred: { case: OpenedCase; referralId: string }[] = [];

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-legal-journey');
    const north = await web.world.service.client(NORTH_OFFICER);
    for (let run = 0; run < SCRIPTS.length; run++) {
      const opening = await opened(north, noiseReport('north', { riskLevel: 'HIGH', caseworker: 'amira.khan' }));
      // A civil injunction is a level-5 step: taking it refers the case to the legal team.
      const file = await sent(north, opening.reference, 'enforcement-steps', { kind: 'CIVIL_INJUNCTION', subjectId: 's1', skipReason: 'Threats with a weapon at the door.' });
      referred.push({ case: opening, referralId: file.legalReferrals[0].id });
    }
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS.map((scripts, run) => ({ ...scripts, run })))('with JavaScript $scripts', ({ javaScriptEnabled, run }) => {
    let context: BrowserContext;
    let page: Page;
    const referral = () => referred[run]!;
    const section = () => page.locator('section', { has: page.getByRole('heading', { name: `on case ${referral().case.reference}` }) });

    beforeAll(async () => {
      ({ context, page } = await signedIn(web, javaScriptEnabled, 'Council Legal Team', '/cases'));
    });
    afterAll(() => context?.close());

    it('the queue shows the referral with its case, its step, its deadlines in words and its hearing', async () => {
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Legal referrals' }).click();
      await page.waitForURL('**/legal');
      const { reference } = referral().case;
      expect(await section().getByRole('heading', { level: 2 }).innerText()).toMatch(new RegExp(`^Civil injunction.* on case ${reference}$`, 'u'));
      expect(await section().getByRole('link', { name: reference, exact: true }).getAttribute('href')).toBe(`/cases/${reference}`);
      const deadlines = section().getByRole('table', { name: 'Deadlines of this referral' });
      for (const title of ['Legal acknowledgement of the referral', 'Legal decision on the referral']) {
        const row = deadlines.getByRole('row').filter({ hasText: title });
        expect(await row.locator('.govuk-tag').innerText()).toBe('Due');
        expect(await row.innerText()).toMatch(LONG_DATE);
      }
      expect(await section().locator('.govuk-summary-list__row', { hasText: 'Hearing' }).locator('dd').innerText()).toBe('Not listed');
      await checkPage(page, javaScriptEnabled ? 'legal-queue' : undefined);
    });

    it('legal follows “Acknowledge”, sends the form, and the queue then shows it acknowledged', async () => {
      const { case: { reference }, referralId } = referral();
      await section().getByRole('link', { name: `Acknowledge the referral on case ${reference}` }).click();
      await page.waitForURL(`**/cases/${reference}/legal-referrals/${referralId}/acknowledgement`);
      await checkPage(page);
      await page.locator('main form').getByRole('button').click();
      await page.waitForURL(`**/cases/${reference}`);

      await page.goto('/legal');
      const acknowledged = section().getByRole('table', { name: 'Deadlines of this referral' }).getByRole('row').filter({ hasText: 'Legal acknowledgement of the referral' });
      expect(await acknowledged.locator('.govuk-tag').innerText()).toBe('Done');
      expect(await section().locator('.govuk-summary-list__row', { hasText: 'Status' }).locator('dd').innerText()).toBe('Acknowledged');
      expect(await section().getByRole('link', { name: /^Acknowledge/u }).count()).toBe(0);
      await checkPage(page);
    });

    it('a caseworker has no legal queue: no menu entry, and 403 by URL', async () => {
      const caseworker = await signedIn(web, javaScriptEnabled, 'Amira Khan', '/cases');
      try {
        expect(await caseworker.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Legal referrals' }).count()).toBe(0);
        expect((await caseworker.page.goto('/legal'))?.status()).toBe(403);
        expect(await caseworker.page.getByRole('heading', { level: 1 }).innerText()).toBe('You cannot do this');
      } finally {
        await caseworker.context.close();
      }
    });
  });
});
