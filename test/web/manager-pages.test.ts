import type { BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/case-driver';
import { NORTH_OFFICER, SOUTH_OFFICER } from '../support/service';
import { checkPage } from './support/journey';
import { noiseReport, type OpenedCase, opened, SCRIPTS, sent, signedIn } from './support/role-journeys';
import { startWebWorld, type WebWorld } from './support/web-world';

/**
 * The overview's "next 7 days" is read against the clock of the API (this machine's), while the
 * time-skipping Temporal server runs ahead once a test sleeps: what falls due this week is therefore
 * looked at before the 8 days pass, and the overdue review after.
 */
describe('the console: a manager’s team overview, scoped as the API scopes it', () => {
  let web: WebWorld;
  let overdue: OpenedCase;
  let unallocated: OpenedCase;
  let closing: OpenedCase;
  let southern: OpenedCase;

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-manager-pages');
    const north = await web.world.service.client(NORTH_OFFICER);
    const south = await web.world.service.client(SOUTH_OFFICER);
    // A HIGH risk case is reviewed every 7 days; its initial contact is due within a working day.
    overdue = await opened(north, noiseReport('north', { riskLevel: 'HIGH', caseworker: 'amira.khan' }));
    unallocated = await opened(north, noiseReport('north'));
    closing = await opened(north, noiseReport('north', { caseworker: 'amira.khan' }));
    await sent(north, closing.reference, 'closure-request', { reason: 'RESOLVED', explanationToComplainant: 'No noise reported for six weeks.' });
    southern = await opened(south, noiseReport('south', { caseworker: 'tom.price' }));
  });

  afterAll(() => web?.stop());

  const contexts: BrowserContext[] = [];
  const as = async (javaScriptEnabled: boolean, name: string, path: string): Promise<Page> => {
    const { context, page } = await signedIn(web, javaScriptEnabled, name, path);
    contexts.push(context);
    return page;
  };
  afterAll(() => Promise.all(contexts.map((context) => context.close())));

  const teamPage = async (javaScriptEnabled: boolean): Promise<Page> => {
    const page = await as(javaScriptEnabled, 'Jo Bennett', '/cases');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team' }).click();
    await page.waitForURL('**/teams/north');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('The north team');
    return page;
  };

  describe('this week', () => {
    describe.each(SCRIPTS)('with JavaScript $scripts', ({ javaScriptEnabled }) => {
      it('the north manager sees what falls due in the next 7 days, and what waits for them: allocation, closure, escalation', async () => {
        const page = await teamPage(javaScriptEnabled);
        expect(await page.locator('main').innerText()).toContain('No review is overdue.');
        const comingDue = page.getByRole('table', { name: 'Due in the next 7 days' }).locator('tbody tr');
        const initialContact = comingDue.filter({ hasText: overdue.reference }).filter({ hasText: 'Initial contact with the complainant' });
        expect(await initialContact.count()).toBe(1);
        expect(await initialContact.innerText()).toContain('Amira Khan');
        // Earliest first.
        const dueOn = (await comingDue.locator('td:nth-child(3)').allInnerTexts()).map((text) => Date.parse(text.trim()));
        expect(dueOn.length).toBeGreaterThan(0);
        expect(dueOn).toEqual([...dueOn].sort((a, b) => a - b));

        expect(await page.getByRole('link', { name: `Allocate case ${unallocated.reference}` }).getAttribute('href')).toBe(`/cases/${unallocated.reference}/allocation`);
        expect(await page.getByRole('link', { name: `Decide on closure case ${closing.reference}` }).getAttribute('href')).toBe(`/cases/${closing.reference}/closure-decision`);
        expect(await page.getByRole('link', { name: `Escalate to MAG case ${overdue.reference}` }).getAttribute('href')).toBe(`/cases/${overdue.reference}/forum-changes?to=MAG`);
        expect(await page.locator('main').innerText()).not.toContain(southern.reference);
        await checkPage(page);
      });

      it('a manager of another team sees their own team, and is refused this one', async () => {
        const page = await as(javaScriptEnabled, 'Sam Okafor', '/cases');
        await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team' }).click();
        await page.waitForURL('**/teams/south');
        const text = await page.locator('main').innerText();
        expect(text).toContain(southern.reference);
        for (const northern of [overdue, unallocated, closing]) expect(text).not.toContain(northern.reference);

        expect((await page.goto('/teams/north'))?.status()).toBe(403);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You cannot do this');
        expect(await page.locator('main').innerText()).not.toContain(overdue.reference);
        await checkPage(page);
      });

      it('the head of service, who oversees every team, picks a team and sees its overview', async () => {
        const page = await as(javaScriptEnabled, 'Helen Ward', '/cases');
        await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Teams', exact: true }).click();
        await page.waitForURL('**/team');
        const teams = (await page.locator('main .govuk-list a').allInnerTexts()).map((text) => text.trim());
        expect(teams).toEqual(expect.arrayContaining(['The north team', 'The south team']));
        await checkPage(page);
        await page.getByRole('link', { name: 'The south team' }).click();
        await page.waitForURL('**/teams/south');
        expect(await page.locator('main').innerText()).toContain(southern.reference);
      });

      it('a caseworker has no team page: no menu entry, and 403 by URL', async () => {
        const page = await as(javaScriptEnabled, 'Amira Khan', '/cases');
        expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team' }).count()).toBe(0);
        expect((await page.goto('/team'))?.status()).toBe(403);
        expect((await page.goto('/teams/north'))?.status()).toBe(403);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You cannot do this');
        await checkPage(page);
      });
    });
  });

  describe('8 days on', () => {
    beforeAll(async () => {
      const north = await web.world.service.client(NORTH_OFFICER);
      await web.world.env.sleep('8 days');
      await eventually(async () => ((await north('GET', '/cases?overdue=true')).body.items as { reference: string }[]).some((item) => item.reference === overdue.reference));
    });

    describe.each(SCRIPTS)('with JavaScript $scripts', ({ javaScriptEnabled }) => {
      it('the missed review comes first, tagged overdue, before what falls due in the next 7 days', async () => {
        const page = await teamPage(javaScriptEnabled);
        const headings = (await page.locator('main h2').allInnerTexts()).map((text) => text.trim());
        expect(headings.slice(0, 2)).toEqual(['Overdue reviews', 'Due in the next 7 days']);
        const overdueRows = page.getByRole('table', { name: 'Overdue reviews' }).locator('tbody tr');
        expect((await overdueRows.locator('th').allInnerTexts()).map((text) => text.trim())).toEqual([overdue.reference]);
        expect(await overdueRows.first().innerText()).toContain('Case review');
        expect(await overdueRows.first().locator('.govuk-tag').innerText()).toBe('Overdue');
        await checkPage(page, javaScriptEnabled ? 'team-overview' : undefined);
      });
    });
  });
});
