import type { BrowserContext, Page } from 'playwright-core';
import { displayDate } from '../../apps/web/src/rendering/dates';
import type { CapturedMail } from '../../libs/mailbox/src';
import { eventually } from '../support/case-driver';
import { NOISE_DISPUTE } from '../support/case-requests';
import { aboutOtherPeople } from '../support/distinct-reports';
import { type ApiClient, NORTH_OFFICER } from '../support/service';
import { newContext } from './support/browser';
import { checkPage, SCRIPTS, signInAs } from './support/journey';
import { startWebWorld, type WebWorld } from './support/web-world';

interface CaseFile {
  reference: string;
  nextReview: { dueOn: string } | null;
  deadlines: { kind: string; status: string }[];
}

/** A HIGH risk case is reviewed every 7 days: its first review is missed 8 days on. */
const HIGH_RISK_REPORT = { ...NOISE_DISPUTE, riskLevel: 'HIGH' };

async function read(client: ApiClient, reference: string): Promise<CaseFile> {
  const response = await client('GET', `/cases/${reference}`);
  if (response.status !== 200) throw new Error(`read: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

describe('the console: a manager follows the overdue-review email into the console and records the review', () => {
  let web: WebWorld;
  let north: ApiClient;
  /** One case per run of the journey, each with its own overdue-review email. */
  const alerts = new Map<boolean, { reference: string; mail: CapturedMail }>();

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-manager-review');
    north = await web.world.service.client(NORTH_OFFICER);
    const references: string[] = [];
    for (let run = 0; run < 2; run++) {
      const opened = await north('POST', '/cases', { body: aboutOtherPeople(HIGH_RISK_REPORT) });
      if (opened.status !== 201) throw new Error(`setup: ${opened.status} ${JSON.stringify(opened.body)}`);
      references.push(opened.body.reference);
    }
    // A HIGH risk case is reviewed every 7 days: 8 days on, both reviews are missed and the manager is told.
    await web.world.env.sleep('8 days');
    for (const [run, reference] of references.entries()) {
      const [mail] = await web.world.smtp.waitFor((candidate) => candidate.subject.startsWith(`Overdue review: ${reference}`));
      alerts.set(run === 0, { reference, mail: mail! });
    }
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS)('with JavaScript $scripts', ({ javaScriptEnabled }) => {
    let context: BrowserContext;
    let page: Page;
    let reference: string;
    const check = (target: Page, screenshot?: string) => checkPage(target, javaScriptEnabled ? screenshot : undefined);

    beforeAll(async () => {
      context = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
      page = await context.newPage();
    });

    afterAll(() => context?.close());

    it('the email’s link leads to the console: the manager signs in and lands on that case, its review overdue', async () => {
      const alert = alerts.get(javaScriptEnabled)!;
      reference = alert.reference;
      expect(alert.mail.to).toEqual(['jo.bennett@melton.example']);
      const link = alert.mail.text.match(/https?:\/\/\S+\/cases\/ASB-\d{4}-\d+/u)?.[0];
      expect(link).toBe(`${web.baseUrl}/cases/${reference}`);

      await page.goto(link!);
      await signInAs(page, 'Jo Bennett');
      await page.waitForURL(`**/cases/${reference}`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Case ${reference}`);
      expect(await page.locator('.govuk-summary-list__row', { hasText: 'Next review' }).locator('.govuk-tag').innerText()).toBe('Overdue');
      await check(page, 'case-page-review-overdue');
    });

    it('records the review through its form: the case then shows the review done and the next one planned', async () => {
      await page.getByRole('list', { name: 'Next steps you can take' }).getByRole('link', { name: 'Record a case review' }).click();
      await page.waitForURL(`**/cases/${reference}/reviews`);
      await check(page, 'record-review');

      await page.getByLabel('What the review found and decided').fill('Two further incidents since the report. Written warning to be served this week.');
      await page.getByLabel('Medium', { exact: true }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(`**/cases/${reference}`);
      expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('Review recorded');

      const file = await eventually(async () => {
        const current = await read(north, reference);
        return current.nextReview ? current : undefined;
      });
      const nextReview = page.locator('.govuk-summary-list__row', { hasText: 'Next review' });
      expect(await nextReview.locator('.govuk-tag').count()).toBe(0);
      expect(await nextReview.locator('dd').innerText()).toBe(displayDate(file.nextReview!.dueOn));
      const reviews = page.getByRole('table', { name: 'Deadlines, earliest first' }).getByRole('row').filter({ hasText: 'Case review' });
      expect(await reviews.filter({ hasText: 'Missed' }).count()).toBe(1);
      expect(await reviews.filter({ hasText: 'Due' }).count()).toBe(1);
      expect(await page.locator('.moj-timeline').innerText()).toContain('Two further incidents since the report.');
      await check(page);
    });
  });
});
