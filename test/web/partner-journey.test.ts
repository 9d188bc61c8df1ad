import type { BrowserContext, Page } from 'playwright-core';
import { NORTH_OFFICER } from '../support/service';
import { checkPage } from './support/journey';
import { noiseReport, type OpenedCase, opened, SCRIPTS, sent, signedIn } from './support/role-journeys';
import { startWebWorld, type WebWorld } from './support/web-world';

describe('the console: a partner agency’s shared cases and actions, summary-only respected', () => {
  let web: WebWorld;
  /** One case shared with the police as a summary, with a police action, for each run of the journey. */
  const shared: OpenedCase[] = [];
  let unshared: OpenedCase;

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-partner-journey');
    const north = await web.world.service.client(NORTH_OFFICER);
    const dueOn = new Date((await web.world.env.currentTimeMs()) + 14 * 86_400_000).toISOString().slice(0, 10);
    for (let run = 0; run < SCRIPTS.length; run++) {
      const opening = await opened(north, noiseReport('north', { caseworker: 'amira.khan' }));
      await sent(north, opening.reference, 'shares', { agency: 'POLICE', summaryOnly: true, reason: 'Patrols near the address at night.' });
      await sent(north, opening.reference, 'partner-actions', { agency: 'POLICE', description: 'Patrol the street on Friday and Saturday nights.', dueOn });
      shared.push(opening);
    }
    unshared = await opened(north, noiseReport('north', { caseworker: 'amira.khan' }));
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS.map((scripts, run) => ({ ...scripts, run })))('with JavaScript $scripts', ({ javaScriptEnabled, run }) => {
    let context: BrowserContext;
    let page: Page;
    const mine = () => shared[run]!;
    const actionRow = () => page.getByRole('table', { name: 'Your agency’s actions' }).locator('tbody tr', { hasText: mine().reference });

    beforeAll(async () => {
      ({ context, page } = await signedIn(web, javaScriptEnabled, 'PC Lewis', '/cases'));
    });
    afterAll(() => context?.close());

    it('lists the cases shared with the police, without names or the address, and no unshared case', async () => {
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Shared with your agency' }).click();
      await page.waitForURL('**/shared');
      const listed = (await page.getByRole('table', { name: 'Cases shared with your agency' }).locator('tbody th').allInnerTexts()).map((text) => text.trim());
      expect(listed.sort()).toEqual(shared.map((c) => c.reference).sort());
      const text = await page.locator('main').innerText();
      for (const opening of [...shared, unshared]) {
        for (const hidden of [opening.complainants[0]!.name, opening.subjects[0]!.name, opening.location.address!, 'Loud music']) expect(text).not.toContain(hidden);
      }
      expect(text).not.toContain(unshared.reference);
      expect(await actionRow().innerText()).toContain('Patrol the street on Friday and Saturday nights.');
      expect(await actionRow().locator('.govuk-tag').innerText()).toBe('Due');
      await checkPage(page, javaScriptEnabled ? 'shared-with-agency' : undefined);
    });

    it('completes the agency’s action from the list, and the list then shows it done', async () => {
      const { reference } = mine();
      await actionRow().getByRole('link', { name: `Complete the action on case ${reference}` }).click();
      await page.waitForURL(`**/cases/${reference}/partner-actions/action-1/completion`);
      await checkPage(page);
      await page.locator('textarea[name="outcome"]').fill('Patrolled both nights; no music heard after 11pm.');
      await page.locator('main form').getByRole('button').click();
      await page.waitForURL(`**/cases/${reference}`);

      await page.goto('/shared');
      expect(await actionRow().locator('.govuk-tag').innerText()).toBe('Done');
      expect(await actionRow().innerText()).toContain('Patrolled both nights; no music heard after 11pm.');
      expect(await actionRow().getByRole('link', { name: /^Complete/u }).count()).toBe(0);
      await checkPage(page);
    });

    it('an unshared case is not found by URL: 404, as if it did not exist', async () => {
      expect((await page.goto(`/cases/${unshared.reference}`))?.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
      expect(await page.locator('body').innerText()).not.toContain(unshared.subjects[0]!.name);
      await checkPage(page);
    });
  });
});
