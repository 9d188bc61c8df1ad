import type { BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/case-driver';
import { aboutOtherPeople } from '../support/distinct-reports';
import { type ApiClient, NORTH_OFFICER, SOUTH_OFFICER } from '../support/service';
import { newContext } from './support/browser';
import { checkPage, SCRIPTS, signInAs } from './support/journey';
import { startWebWorld, type WebWorld } from './support/web-world';

const report = (riskLevel: string, team: string, caseworker: string) =>
  aboutOtherPeople({
    type: 'ANTI_SOCIAL_BEHAVIOUR',
    category: 'NOISE_DISPUTE',
    channel: 'ONLINE_REPORT',
    summary: 'Loud music from the flat above most nights after midnight.',
    riskLevel,
    team,
    caseworker,
    location: { address: '14 Egerton View, Melton Mowbray LE13 0AB', ward: 'Egerton', priorityNeighbourhood: false },
    complainants: [{ id: 'c1', name: 'Pat Lee', vulnerable: true }],
    subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' }],
  });

/** "10 December 2026": the GOV.UK way of writing a date. */
const LONG_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/u;

async function opened(client: ApiClient, body: object): Promise<{ reference: string; complainants: { name: string }[]; subjects: { name: string }[] }> {
  const response = await client('POST', '/cases', { body });
  if (response.status !== 201) throw new Error(`setup: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

describe('the console: your cases and the case page, in a real browser, scoped as the API scopes the caller', () => {
  let web: WebWorld;
  let overdue: Awaited<ReturnType<typeof opened>>;
  let onTime: Awaited<ReturnType<typeof opened>>;
  let otherTeams: Awaited<ReturnType<typeof opened>>;
  /** A child sexual exploitation case of north, worked by the caseworker who holds the safeguarding role. */
  let restricted: Awaited<ReturnType<typeof opened>>;

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-case-pages');
    const north = await web.world.service.client(NORTH_OFFICER);
    const south = await web.world.service.client(SOUTH_OFFICER);
    overdue = await opened(north, report('HIGH', 'north', 'amira.khan'));
    onTime = await opened(north, report('STANDARD', 'north', 'amira.khan'));
    otherTeams = await opened(south, report('HIGH', 'south', 'tom.price'));
    restricted = await opened(north, { ...report('STANDARD', 'north', 'priya.shah'), type: 'CHILD_SEXUAL_EXPLOITATION', category: 'OTHER', location: { ward: 'Egerton', priorityNeighbourhood: false } });
    const shared = await north('POST', `/cases/${overdue.reference}/shares`, { body: { agency: 'POLICE', summaryOnly: true, reason: 'Patrols near the address at night.' } });
    if (shared.status !== 200) throw new Error(`setup: ${shared.status} ${JSON.stringify(shared.body)}`);
    const linked = await north('POST', `/cases/${overdue.reference}/links`, { body: { linkedReference: onTime.reference, reason: 'SAME_LOCATION', note: 'Both about the same block of flats.' } });
    if (linked.status !== 200) throw new Error(`setup: ${linked.status} ${JSON.stringify(linked.body)}`);
    // A HIGH risk case is reviewed every 7 days: 8 days on, its review is missed; the STANDARD one's (28 days) is not.
    await web.world.env.sleep('8 days');
    await eventually(async () => ((await north('GET', '/cases?overdue=true')).body.items as { reference: string }[]).some((item) => item.reference === overdue.reference));
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS)('with JavaScript $scripts', ({ javaScriptEnabled }) => {
    let context: BrowserContext;
    let page: Page;
    // Screenshots from the journey with scripts on: the pages as most people see them.
    const check = (target: Page, screenshot?: string) => checkPage(target, javaScriptEnabled ? screenshot : undefined);

    beforeAll(async () => {
      context = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
      page = await context.newPage();
    });

    afterAll(() => context?.close());

    it('a deep link to a case signs the caseworker in and lands on that case: summary, people, deadlines, linked cases and history in words', async () => {
      await page.goto(`/cases/${overdue.reference}`);
      await signInAs(page, 'Amira Khan');
      await page.waitForURL(`**/cases/${overdue.reference}`);

      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Case ${overdue.reference}`);
      const summary = page.locator('.govuk-summary-list');
      expect(await summary.innerText()).toContain('Loud music from the flat above most nights after midnight.');
      expect(await summary.innerText()).toContain('High');
      expect(await summary.locator('.govuk-summary-list__row', { hasText: 'Next review' }).locator('.govuk-tag').innerText()).toBe('Overdue');
      const people = await page.getByRole('table', { name: 'People on this case' }).innerText();
      expect(people).toContain(overdue.complainants[0]!.name);
      expect(people).toContain('Complainant, recorded as vulnerable');
      expect(people).toContain(overdue.subjects[0]!.name);
      expect(people).toContain('Person complained about, born 14 July 1991, council tenant');

      const deadlines = page.getByRole('table', { name: 'Deadlines, earliest first' });
      const missedReview = deadlines.getByRole('row').filter({ hasText: 'Case review' }).filter({ hasText: 'Missed' });
      expect(await missedReview.count()).toBe(1);
      expect(await missedReview.innerText()).toMatch(LONG_DATE);
      expect(await page.locator('.moj-timeline').innerText()).toMatch(LONG_DATE);
      const link = page.getByRole('link', { name: onTime.reference });
      expect(await link.getAttribute('href')).toBe(`/cases/${onTime.reference}`);
      expect(await link.locator('xpath=..').innerText()).toBe(`${onTime.reference}: same place (Both about the same block of flats.)`);
      await check(page, 'case-page');
    });

    it('your cases: the caseworker’s own cases, the overdue one first and tagged, then by next review, no other team’s', async () => {
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Your cases' }).click();
      await page.waitForURL('**/cases');
      const rows = page.getByRole('table', { name: 'Your cases' }).locator('tbody tr');
      const listed = await rows.locator('th').allInnerTexts();
      expect(listed.map((text) => text.trim())).toEqual([overdue.reference, onTime.reference]);
      expect(await rows.nth(0).locator('.govuk-tag', { hasText: 'Overdue' }).count()).toBe(1);
      expect(await rows.nth(1).locator('.govuk-tag', { hasText: 'Overdue' }).count()).toBe(0);
      expect(await rows.nth(1).innerText()).toMatch(LONG_DATE);
      await check(page, 'your-cases');
    });

    it('your cases: search by a name, filter by risk, sort newest first, all as a plain form that works without scripts', async () => {
      await page.goto('/cases');
      const listed = async () => (await page.getByRole('table', { name: 'Your cases' }).locator('tbody th').allInnerTexts()).map((text) => text.trim());

      await page.getByLabel('Search').fill(overdue.subjects[0]!.name.split(' ').at(-1)!);
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(/[?&]q=/u);
      expect(await listed()).toEqual([overdue.reference]);
      expect(await page.locator('#what-is-listed').innerText()).toContain('best match first');

      await page.goto('/cases');
      await page.getByLabel('Risk').selectOption({ label: 'Standard' });
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(/riskLevel=STANDARD/u);
      expect(await listed()).toEqual([onTime.reference]);

      await page.goto('/cases');
      await page.getByLabel('Sort by').selectOption({ label: 'Newest first' });
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(/sort=newest/u);
      expect(await listed()).toEqual([onTime.reference, overdue.reference]);
      await check(page, 'your-cases-filtered');
      if (javaScriptEnabled) {
        // The Ministry of Justice sortable table: a column's heading becomes a button that sorts the page in place.
        const risk = page.getByRole('table', { name: 'Your cases' }).getByRole('button', { name: 'Risk' });
        await risk.click();
        expect(await listed()).toEqual([overdue.reference, onTime.reference]);
        await risk.click();
        expect(await listed()).toEqual([onTime.reference, overdue.reference]);
        await check(page);
      }

      // A hand-edited link: the filter it does not understand is named, and the list still shows.
      await page.goto('/cases?riskLevel=EXTREME');
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Risk: choose one of the options given');
      expect(await listed()).toEqual([overdue.reference, onTime.reference]);
      await check(page);
    });

    it('another team’s case is not found: 404, as if it did not exist', async () => {
      const response = await page.goto(`/cases/${otherTeams.reference}`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
      expect(await page.locator('body').innerText()).not.toContain(otherTeams.subjects[0]!.name);
      await check(page);
    });

    it('a child sexual exploitation case of the caseworker’s own team is not found either, without the safeguarding role', async () => {
      const response = await page.goto(`/cases/${restricted.reference}`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
      expect(await page.locator('body').innerText()).not.toContain(restricted.subjects[0]!.name);
    });

    it('a partner sees the case shared with their agency as a summary only, without names or the address, and no unshared case', async () => {
      const partner = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
      try {
        const partnerPage = await partner.newPage();
        await partnerPage.goto('/cases');
        await signInAs(partnerPage, 'PC Lewis');
        await partnerPage.waitForURL('**/cases');
        const listed = await partnerPage.getByRole('table', { name: 'Your cases' }).locator('tbody th').allInnerTexts();
        expect(listed.map((text) => text.trim())).toEqual([overdue.reference]);

        await partnerPage.getByRole('link', { name: overdue.reference }).click();
        await partnerPage.waitForURL(`**/cases/${overdue.reference}`);
        const text = await partnerPage.locator('main').innerText();
        expect(text).toContain('shared with your agency as a summary only');
        for (const hidden of [overdue.complainants[0]!.name, overdue.subjects[0]!.name, 'Egerton View', 'Loud music', '14 July 1991', 'same block of flats']) expect(text).not.toContain(hidden);
        expect(text).toContain('Not shared with your agency');
        expect(text).toContain('The case history is not shared with your agency.');
        await check(partnerPage, 'case-page-summary-share');

        expect((await partnerPage.goto(`/cases/${onTime.reference}`))?.status()).toBe(404);
      } finally {
        await partner.close();
      }
    });
  });
});
