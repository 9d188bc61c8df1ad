import type { BrowserContext, Page } from 'playwright-core';
import { addDays, type LocalDate, REFUSAL_CONDITIONS } from '../../libs/domain/src';
import { displayDate } from '../../apps/web/src/rendering/dates';
import { NOISE_DISPUTE } from '../support/case-requests';
import { aboutOtherPeople } from '../support/distinct-reports';
import { type ApiClient, NORTH_OFFICER } from '../support/service';
import { newContext } from './support/browser';
import { checkPage, SCRIPTS, signInAs } from './support/journey';
import { startWebWorld, type WebWorld } from './support/web-world';

interface OpenedCase {
  reference: string;
  complainants: { name: string }[];
  subjects: { id: string; name: string }[];
  incidents: { description: string }[];
  enforcementSteps: { kind: string; complianceDueOn: string | null }[];
}

/** An hour ago, as a person in England types it into a GOV.UK date input and a time box. */
function anHourAgo(): { day: string; month: string; year: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(Date.now() - 3_600_000))
      .map((part) => [part.type, part.value]),
  );
  return { day: parts.day!, month: parts.month!, year: parts.year!, time: `${parts.hour}:${parts.minute}` };
}

async function fillWhen(page: Page, prefix: string): Promise<void> {
  const when = anHourAgo();
  await page.locator(`#${prefix}-day`).fill(when.day);
  await page.locator(`#${prefix}-month`).fill(when.month);
  await page.locator(`#${prefix}-year`).fill(when.year);
  await page.locator(`#${prefix}-time`).fill(when.time);
}

/** The report as the opening form asks for it, about the same complainant and subject as `about`. */
async function fillReport(page: Page, about: OpenedCase): Promise<void> {
  await page.getByLabel('Anti-social behaviour', { exact: true }).check();
  await page.getByLabel('Noise dispute', { exact: true }).check();
  await page.getByLabel('Online report', { exact: true }).check();
  await page.getByLabel('Address (optional)').fill('16 Egerton View, Melton Mowbray LE13 0AB');
  await page.getByLabel('Ward (optional)').fill('Egerton');
  await page.getByLabel('Complainant’s name (optional)').fill(about.complainants[0]!.name);
  await page.getByLabel('Name of the person complained about (optional)').fill(about.subjects[0]!.name);
  await page.locator('#subject-dateOfBirth-day').fill('14');
  await page.locator('#subject-dateOfBirth-month').fill('7');
  await page.locator('#subject-dateOfBirth-year').fill('1991');
  await page.getByLabel('Council tenant', { exact: true }).check();
  await page.getByLabel('High', { exact: true }).check();
  await page.getByLabel('Me (Amira Khan)').check();
}

async function read(client: ApiClient, reference: string): Promise<OpenedCase> {
  const response = await client('GET', `/cases/${reference}`);
  if (response.status !== 200) throw new Error(`read: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const bannerOf = (page: Page) => page.locator('.govuk-notification-banner--success').innerText();

describe('the console: a caseworker opens a case and takes it up the enforcement ladder, every step a form', () => {
  let web: WebWorld;
  let north: ApiClient;

  beforeAll(async () => {
    web = await startWebWorld('asb-cases-web-caseworker-journey');
    north = await web.world.service.client(NORTH_OFFICER);
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS)('with JavaScript $scripts', ({ javaScriptEnabled }) => {
    let context: BrowserContext;
    let page: Page;
    let existing: OpenedCase;
    let opened: string;
    const check = (target: Page, screenshot?: string) => checkPage(target, javaScriptEnabled ? screenshot : undefined);

    beforeAll(async () => {
      // An open case about the same complainant: the report opened in the browser may repeat it.
      const seeded = await north('POST', '/cases', {
        body: aboutOtherPeople({ ...NOISE_DISPUTE, riskLevel: 'STANDARD', location: { address: '14 Egerton View, Melton Mowbray LE13 0AB' } }),
      });
      if (seeded.status !== 201) throw new Error(`setup: ${seeded.status} ${JSON.stringify(seeded.body)}`);
      existing = seeded.body;
      context = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
      page = await context.newPage();
    });

    afterAll(() => context?.close());

    it('opens a case from “Your cases”: an answer left out is named in the error summary, linked to its field, and nothing typed is lost', async () => {
      await page.goto('/cases');
      await signInAs(page, 'Amira Khan');
      await page.waitForURL('**/cases');
      await page.getByRole('button', { name: 'Open a case' }).click();
      await page.waitForURL('**/cases/new');
      await check(page, 'open-case');

      await page.getByLabel('What was reported').fill('Loud music from the flat above most nights after midnight.');
      await page.getByRole('button', { name: 'Open the case' }).click();
      const summary = page.locator('.govuk-error-summary');
      expect(await summary.getByRole('link', { name: 'Select the kind of case' }).getAttribute('href')).toBe('#type');
      expect(await page.locator('#type').count()).toBe(1);
      expect(await page.getByLabel('What was reported').inputValue()).toBe('Loud music from the flat above most nights after midnight.');
      expect(await page.title()).toMatch(/^Error: /u);
      await check(page, 'open-case-errors');
    });

    it('meets the open case the report may repeat, and decides to open it as a case of its own, with the reason', async () => {
      await fillReport(page, existing);
      await page.getByRole('button', { name: 'Open the case' }).click();

      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('This report may repeat an open case');
      const match = page.getByRole('table', { name: 'Open cases this report may repeat' }).getByRole('row').filter({ hasText: existing.reference });
      expect(await match.innerText()).toContain('the same complainant, the same person complained about');
      expect(await match.getByRole('link', { name: existing.reference }).getAttribute('href')).toBe(`/cases/${existing.reference}`);
      await check(page, 'possible-duplicate');

      await page.getByLabel('Open it as a case of its own').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter why this is a case of its own' }).getAttribute('href')).toBe('#duplicateReason');
      await check(page);

      await page.getByLabel('Why is this a case of its own?').fill('A different flat in the same block: the music is from no. 16, not no. 14.');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/cases\/ASB-\d{4}-\d+$/u);
      opened = page.url().split('/').at(-1)!;
      expect(await bannerOf(page)).toContain(`Case ${opened} opened`);
      const file = await read(north, opened);
      expect(file.complainants[0]!.name).toBe(existing.complainants[0]!.name);
    });

    it('a report that repeats an open case can go to that case as an incident instead: its incident form, with the report’s words', async () => {
      await page.goto('/cases/new');
      await page.getByLabel('What was reported').fill('More music from the flat above, again after midnight.');
      await fillReport(page, existing);
      await page.getByRole('button', { name: 'Open the case' }).click();
      await page.getByLabel(`Add it to ${existing.reference} as an incident instead`).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(new RegExp(`/cases/${existing.reference}/incidents\\?description=`, 'u'));
      expect(await page.getByLabel('What happened').inputValue()).toBe('More music from the flat above, again after midnight.');
      await page.goto(`/cases/${opened}`);
    });

    it('records an incident through its form: a date and time in England, the subject ticked', async () => {
      await page.getByRole('link', { name: 'Record an incident' }).click();
      await page.waitForURL(`**/cases/${opened}/incidents`);
      await check(page, 'record-incident');

      // Left without its date: the error links to the date's first box, and the description stays.
      await page.getByLabel('What happened').fill('Music through the ceiling until 3am; banging on the door when asked to stop.');
      await page.getByRole('button', { name: 'Save' }).click();
      expect(await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter when the incident happened' }).getAttribute('href')).toBe('#occurredAt-day');
      expect(await page.getByLabel('What happened').inputValue()).toBe('Music through the ceiling until 3am; banging on the door when asked to stop.');
      await check(page);

      await fillWhen(page, 'occurredAt');
      await page.getByLabel(existing.subjects[0]!.name).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(`**/cases/${opened}`);
      expect(await bannerOf(page)).toContain('Incident recorded');
      expect((await read(north, opened)).incidents.map((incident) => incident.description)).toEqual(['Music through the ceiling until 3am; banging on the door when asked to stop.']);
      await check(page, 'case-page-next-steps');
    });

    it('takes a written warning from the next steps', async () => {
      await page.getByRole('link', { name: `Written warning against ${existing.subjects[0]!.name}` }).click();
      await page.getByLabel('Notes (optional)').fill('Letter hand-delivered to the flat.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(`**/cases/${opened}`);
      expect(await bannerOf(page)).toContain('Written warning recorded');
    });

    it('serves a Community Protection Warning through "check your answers", changing an answer on the way', async () => {
      await page.getByRole('link', { name: `Community Protection Warning against ${existing.subjects[0]!.name}` }).click();
      await page.getByLabel('The conduct is persistent, unreasonable and harms the quality of life of those nearby').check();
      await page.getByLabel('Notes (optional)').fill('Served in person.');
      await page.getByLabel('Why a level is skipped (optional)').fill('A written warning has not stopped the music.');
      await page.getByRole('button', { name: 'Continue' }).click();

      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Check your answers');
      const answers = page.locator('.govuk-summary-list');
      expect(await answers.innerText()).toContain('Served in person.');
      await check(page, 'check-your-answers-cpw');

      await answers.locator('.govuk-summary-list__row', { hasText: 'Notes' }).getByRole('link', { name: /Change/u }).click();
      expect(await page.getByLabel('Notes (optional)').inputValue()).toBe('Served in person.');
      expect(await page.getByLabel('The conduct is persistent, unreasonable and harms the quality of life of those nearby').isChecked()).toBe(true);
      await page.getByLabel('Notes (optional)').fill('Served in person at the door; a copy posted.');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.locator('.govuk-summary-list').innerText()).toContain('Served in person at the door; a copy posted.');

      await page.getByRole('button', { name: 'Confirm and send' }).click();
      await page.waitForURL(`**/cases/${opened}`);
      expect(await bannerOf(page)).toContain('Community Protection Warning recorded');
    });

    it('sees the Community Protection Notice refused until the day after the warning’s compliance period, in words, in the next steps and on sending it', async () => {
      const cpw = (await read(north, opened)).enforcementSteps.find((step) => step.kind === 'COMMUNITY_PROTECTION_WARNING')!;
      const until = displayDate(cpw.complianceDueOn!);
      const from = displayDate(addDays(cpw.complianceDueOn as LocalDate, 1));
      const subject = existing.subjects[0]!.name;

      const unavailable = page.getByRole('list', { name: 'Steps not available now' });
      expect(await unavailable.getByRole('listitem').filter({ hasText: `Community Protection Notice against ${subject}` }).innerText()).toBe(
        `Community Protection Notice against ${subject}: CPN not available until ${from}: the CPW compliance period runs until ${until}`,
      );

      await page.goto(`/cases/${opened}/enforcement-steps?kind=COMMUNITY_PROTECTION_NOTICE&subjectId=${existing.subjects[0]!.id}`);
      await page.locator('#requirements-0-text').fill('Play no amplified music audible outside the flat after 11pm.');
      await page.locator('#requirements-0-dueOn-day').fill('31');
      await page.locator('#requirements-0-dueOn-month').fill('12');
      await page.locator('#requirements-0-dueOn-year').fill(String(new Date().getUTCFullYear() + 1));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Confirm and send' }).click();

      const refusal = await page.locator('.govuk-error-summary').innerText();
      expect(refusal).toContain(REFUSAL_CONDITIONS.CPW_COMPLIANCE_PERIOD_RUNNING);
      expect(refusal).toContain(`CPN not available until ${from}: the CPW compliance period runs until ${until}`);
      expect(await page.locator('#requirements-0-text').inputValue()).toBe('Play no amplified music audible outside the flat after 11pm.');
      await check(page, 'cpn-refused');
    });

    it('a form posted without its CSRF token is refused, and nothing is recorded', async () => {
      const before = (await read(north, opened)).incidents.length;
      const when = anHourAgo();
      const response = await page.request.post(`/cases/${opened}/incidents`, {
        form: { description: 'Posted from another site.', 'occurredAt-day': when.day, 'occurredAt-month': when.month, 'occurredAt-year': when.year, 'occurredAt-time': when.time },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('This form has expired');
      expect((await read(north, opened)).incidents.length).toBe(before);
    });

    it('a form sent twice (a double click, a retried post) records one incident', async () => {
      const before = (await read(north, opened)).incidents.length;
      await page.goto(`/cases/${opened}/incidents`);
      const hidden = async (name: string) => (await page.locator(`main form input[type=hidden][name="${name}"]`).getAttribute('value'))!;
      const when = anHourAgo();
      const form = {
        _csrf: await hidden('_csrf'),
        idempotencyKey: await hidden('idempotencyKey'),
        description: 'Door slammed repeatedly at 1am.',
        'occurredAt-day': when.day,
        'occurredAt-month': when.month,
        'occurredAt-year': when.year,
        'occurredAt-time': when.time,
      };
      const [first, second] = await Promise.all([page.request.post(`/cases/${opened}/incidents`, { form, maxRedirects: 0 }), page.request.post(`/cases/${opened}/incidents`, { form, maxRedirects: 0 })]);
      expect([first.status(), second.status()]).toEqual([303, 303]);
      const incidents = (await read(north, opened)).incidents;
      expect(incidents.length).toBe(before + 1);
      expect(incidents.filter((incident) => incident.description === 'Door slammed repeatedly at 1am.').length).toBe(1);
    });
  });
});
