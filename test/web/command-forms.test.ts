import type { Page } from 'playwright-core';
import { aboutOtherPeople } from '../support/distinct-reports';
import { type ApiClient, NORTH_OFFICER } from '../support/service';
import { checkPage, SCRIPTS } from './support/journey';
import { signedIn } from './support/role-journeys';
import { startWebWorld, type WebWorld } from './support/web-world';

const REPORT = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Dogs barking in the garden for hours every evening.',
  team: 'north',
  location: { address: '3 Burton Road, Melton Mowbray LE13 1DL' },
  complainants: [{ id: 'c1', name: 'Sam Hill' }],
  subjects: [{ id: 's1', name: 'Alex Dunn', dateOfBirth: '1985-03-02' }],
};

async function opened(client: ApiClient, body: object): Promise<{ reference: string; stage: string; caseworker: string | null; forum: string }> {
  const response = await client('POST', '/cases', { body: aboutOtherPeople(body) });
  if (response.status !== 201) throw new Error(`setup: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

describe('the console: command forms are scoped and refused as the API scopes and refuses them', () => {
  let web: WebWorld;
  let north: ApiClient;

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-command-forms');
    north = await web.world.service.client(NORTH_OFFICER);
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS)('with JavaScript $scripts', ({ javaScriptEnabled }) => {
    const check = (target: Page, screenshot?: string) => checkPage(target, javaScriptEnabled ? screenshot : undefined);
    let unallocated: Awaited<ReturnType<typeof opened>>;
    let allocated: Awaited<ReturnType<typeof opened>>;

    beforeAll(async () => {
      unallocated = await opened(north, { ...REPORT, riskLevel: 'MEDIUM' });
      allocated = await opened(north, { ...REPORT, riskLevel: 'MEDIUM', caseworker: 'amira.khan' });
    });

    it('another team’s caseworker gets “Page not found” for a north case’s form, as for the case itself', async () => {
      const { context, page } = await signedIn(web, javaScriptEnabled, 'Tom Price', '/cases');
      try {
        const response = await page.goto(`/cases/${allocated.reference}/incidents`);
        expect(response?.status()).toBe(404);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
        await check(page);
      } finally {
        await context.close();
      }
    });

    it('a caseworker may not allocate: “You cannot do this”', async () => {
      const { context, page } = await signedIn(web, javaScriptEnabled, 'Amira Khan', `/cases/${allocated.reference}`);
      try {
        const response = await page.goto(`/cases/${unallocated.reference}/allocation`);
        expect(response?.status()).toBe(403);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You cannot do this');
        expect(await page.getByRole('link', { name: 'Allocate or re-allocate' }).count()).toBe(0);
        await check(page);
      } finally {
        await context.close();
      }
    });

    it('the manager allocates from a list of the team’s caseworkers, then escalates to the MAG from a link that fills the form', async () => {
      const { context, page } = await signedIn(web, javaScriptEnabled, 'Jo Bennett', `/cases/${unallocated.reference}/allocation`);
      try {
        await check(page, 'allocate');
        await page.getByRole('button', { name: 'Save' }).click();
        expect(await page.locator('.govuk-error-summary').getByRole('link', { name: 'Select the caseworker' }).getAttribute('href')).toBe('#caseworker');
        await page.getByLabel('Amira Khan').check();
        await page.getByRole('button', { name: 'Save' }).click();
        await page.waitForURL(`**/cases/${unallocated.reference}`);
        expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('Case allocated');
        expect(await page.locator('.govuk-summary-list__row', { hasText: 'Caseworker' }).locator('dd').innerText()).toBe('Amira Khan');

        await page.goto(`/cases/${unallocated.reference}/forum-changes?to=MAG`);
        expect(await page.getByLabel('Melton Action Group (MAG)').isChecked()).toBe(true);
        await page.getByLabel('Why').fill('Repeated reports from three neighbours; a housing tenancy is involved.');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.waitForURL(`**/cases/${unallocated.reference}`);
        expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('Forum changed');
        expect(await page.locator('.govuk-summary-list__row', { hasText: 'Discussed at' }).locator('dd').innerText()).toBe('Melton Action Group (MAG)');
        await check(page);
      } finally {
        await context.close();
      }
    });

    it('closure is requested by the caseworker and approved by the manager, each through “check your answers”', async () => {
      const caseworker = await signedIn(web, javaScriptEnabled, 'Amira Khan', `/cases/${allocated.reference}`);
      try {
        await caseworker.page.getByRole('link', { name: 'Request closure' }).click();
        await caseworker.page.getByLabel('Resolved', { exact: true }).check();
        await caseworker.page.getByLabel('What the complainant is told').fill('The barking stopped after the visit; call us if it starts again.');
        await caseworker.page.getByRole('button', { name: 'Continue' }).click();
        expect(await caseworker.page.locator('.govuk-summary-list').innerText()).toContain('The barking stopped after the visit');
        await check(caseworker.page, 'check-your-answers-closure');
        await caseworker.page.getByRole('button', { name: 'Confirm and send' }).click();
        await caseworker.page.waitForURL(`**/cases/${allocated.reference}`);
        expect(await caseworker.page.locator('.govuk-notification-banner--success').innerText()).toContain('Closure requested');
      } finally {
        await caseworker.context.close();
      }

      const manager = await signedIn(web, javaScriptEnabled, 'Jo Bennett', `/cases/${allocated.reference}/closure-decision`);
      try {
        await manager.page.getByLabel('Yes').check();
        await manager.page.getByLabel('Why').fill('Resolved by the visit; the complainant agrees.');
        await manager.page.getByRole('button', { name: 'Continue' }).click();
        expect(await manager.page.locator('.govuk-summary-list__row', { hasText: 'Do you approve closing the case?' }).locator('dd').first().innerText()).toBe('Yes');
        await manager.page.getByRole('button', { name: 'Confirm and send' }).click();
        await manager.page.waitForURL(`**/cases/${allocated.reference}`);
        expect(await manager.page.locator('.govuk-summary-list__row', { hasText: 'Stage' }).locator('dd').innerText()).toBe('Closed');
        await check(manager.page);
      } finally {
        await manager.context.close();
      }
    });
  });
});
