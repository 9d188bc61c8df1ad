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

interface DocumentView { id: string; kind: string; stepId?: string; complainantId?: string; version: number; current: boolean; madeOnRecord: boolean; sha256: string; download: string }

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
  /** A case of Sue Bright's, closed: its letter to her is offered. */
  let closed: string;
  /** A case of Lou Grant's, whose ASB Case Review has its outcome recorded: its outcome letter is offered. */
  let reviewed: string;
  const documents = async (of = reference): Promise<DocumentView[]> => (await (await web.world.service.client(NORTH_OFFICER))('GET', `/cases/${of}/documents`)).body.documents;

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
    const send = async (client: typeof north, of: string, path: string, body: unknown) => {
      const answer = await client('POST', `/cases/${of}/${path}`, { body });
      if (answer.status !== 200) throw new Error(`setup: ${path} ${answer.status} ${JSON.stringify(answer.body)}`);
    };
    /** A case of its own (another complainant and subject, so not a possible duplicate of the first). */
    const openFor = async (complainant: string, subject: string): Promise<string> =>
      (await north('POST', '/cases', { body: { ...NOISE_DISPUTE, complainants: [{ id: 'c1', name: complainant }], subjects: [{ id: 's1', name: subject, dateOfBirth: '1980-03-02' }] } })).body.reference;

    reviewed = await openFor('Lou Grant', 'Dale Hart');
    const coordinator = await web.world.service.client({ sub: 'dee.patel', name: 'Dee Patel', roles: ['case_review_coordinator'] });
    await send(north, reviewed, 'case-reviews', { applicant: 'VICTIM', applicantName: 'Lou Grant' });
    await send(coordinator, reviewed, 'case-reviews/current/threshold-decision', { met: true, reason: 'Persistent noise; the panel accepts it.' });
    await send(coordinator, reviewed, 'case-reviews/current/meeting', { recommendations: 'Housing to visit with the police within a week.' });
    await send(coordinator, reviewed, 'case-reviews/current/outcome', { summary: 'Housing and the police visited the flat on Monday.' });
    closed = await openFor('Sue Bright', 'Ray Moss');
    await send(north, closed, 'closure-request', { reason: 'RESOLVED', explanationToComplainant: 'The music stopped after our visit, and you have told us it has stayed quiet.' });
    await send(north, closed, 'closure-decision', { approve: true, reason: 'Resolved.' });
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
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select the notice or letter to make');

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

    it('makes one version when the same form is sent twice at once (a double press, a resend)', async () => {
      await page.goto(`/cases/${reference}/documents`);
      const hidden = async (name: string) => (await page.locator(`main form input[type=hidden][name="${name}"]`).getAttribute('value'))!;
      const form = { _csrf: await hidden('_csrf'), idempotencyKey: await hidden('idempotencyKey'), document: 'step-1' };
      const before = (await documents()).length;
      const sent = await Promise.all([page.request.post(`/cases/${reference}/documents`, { form, maxRedirects: 0 }), page.request.post(`/cases/${reference}/documents`, { form, maxRedirects: 0 })]);
      expect(sent.map((answer) => answer.status())).toEqual([303, 303]);
      expect((await documents()).length).toBe(before + 1);
    });

    it('offers the closed case’s letter to its complainant, makes it, and lists it saying who it is to', async () => {
      await page.goto(`/cases/${closed}`);
      await page.getByRole('link', { name: 'Generate notice or letter' }).click();
      await page.waitForURL(`**/cases/${closed}/documents`);
      await checkPage(page);
      await page.getByLabel('Letter to Sue Bright that the case is closed').check();
      await page.getByRole('button', { name: 'Generate notice or letter' }).click();
      await page.waitForURL(`**/cases/${closed}#documents`);
      const letter = (await documents(closed)).find((document) => document.current && document.kind === 'CASE_CLOSED_LETTER')!;
      expect(letter.complainantId).toBe('c1');
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`Letter to Sue Bright that the case is closed made: version ${letter.version}`);
      const row = await page.getByRole('table', { name: 'Documents made for the case' }).getByRole('row').filter({ hasText: `Version ${letter.version}` }).innerText();
      expect(row).toContain('Your anti-social behaviour case is closed');
      expect(row).toContain('To Sue Bright, a complainant');
      expect(row).toContain('Current');
      await checkPage(page);
    });

    it('offers the ASB Case Review’s outcome letter once its outcome is recorded, and lists it saying which review it answers', async () => {
      await page.goto(`/cases/${reviewed}/documents`);
      await page.getByLabel(/ASB Case Review outcome letter to Lou Grant/).check();
      await page.getByRole('button', { name: 'Generate notice or letter' }).click();
      await page.waitForURL(`**/cases/${reviewed}#documents`);
      const letter = (await documents(reviewed)).find((document) => document.current && document.kind === 'CASE_REVIEW_OUTCOME_LETTER')!;
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('ASB Case Review outcome letter to Lou Grant');
      const row = await page.getByRole('table', { name: 'Documents made for the case' }).getByRole('row').filter({ hasText: `Version ${letter.version}` }).innerText();
      expect(row).toContain('The outcome of your ASB Case Review');
      expect(row).toContain('The ASB Case Review Lou Grant asked for on');
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
