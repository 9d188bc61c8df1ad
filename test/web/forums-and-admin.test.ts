import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { BrowserContext, Page } from 'playwright-core';
import type { TokenClaims } from '../../libs/auth/src';
import type { CapturedMail } from '../../libs/mailbox/src';
import { FORUM_MEETING_WORKFLOW_TYPE } from '../../workflows/forum-meeting.workflow';
import { eventually } from '../support/case-driver';
import { NORTH_OFFICER } from '../support/service';
import { checkPage } from './support/journey';
import { noiseReport, type OpenedCase, opened, SCRIPTS, sent, signedIn } from './support/role-journeys';
import { startWebWorld, type WebWorld } from './support/web-world';

const TASK_QUEUE = 'asb-cases-web-forums-and-admin';
const ADMIN: TokenClaims = { sub: 'admin', name: 'Service Admin', roles: ['admin'] };
const LEWIS = 'pc.lewis@police.example';

describe('the console: the JAG meeting’s chair records decisions; an admin re-sends refused mail and reads the audit trail', () => {
  let web: WebWorld;
  /** For each run of the journey: a case escalated to the JAG, whose police action notice the mail server refused. */
  const escalated: OpenedCase[] = [];
  let meetingId: string;

  beforeAll(async () => {
    web = await startWebWorld(TASK_QUEUE);
    const north = await web.world.service.client(NORTH_OFFICER);
    const admin = await web.world.service.client(ADMIN);
    const dueOn = new Date((await web.world.env.currentTimeMs()) + 14 * 86_400_000).toISOString().slice(0, 10);
    web.world.smtp.refuseRecipients((address) => address === LEWIS);
    try {
      for (let run = 0; run < SCRIPTS.length; run++) {
        const opening = await opened(north, noiseReport('north', { riskLevel: 'HIGH', caseworker: 'amira.khan' }));
        for (const to of ['MAG', 'JAG']) await sent(north, opening.reference, 'forum-changes', { to, reason: `Escalated to the ${to}: the music goes on.` });
        await sent(north, opening.reference, 'partner-actions', { agency: 'POLICE', description: 'Visit the flat with the housing officer.', dueOn });
        await eventually(async () => ((await admin('GET', `/notifications?reference=${opening.reference}&status=FAILED`)).body.notifications as unknown[]).length > 0);
        escalated.push(opening);
      }
    } finally {
      web.world.smtp.refuseRecipients(() => false);
    }
    // The JAG's monthly cycle, as its schedule runs it: a plain client, so that time does not skip while it waits.
    const cycle = await new Client({ connection: web.world.env.connection }).workflow.execute(FORUM_MEETING_WORKFLOW_TYPE, { taskQueue: TASK_QUEUE, workflowId: `JAG-cycle-${randomUUID()}`, args: [{ forum: 'JAG' }] });
    meetingId = cycle.meetingId;
  });

  afterAll(() => web?.stop());

  describe.each(SCRIPTS.map((scripts, run) => ({ ...scripts, run })))('with JavaScript $scripts', ({ javaScriptEnabled, run }) => {
    const contexts: BrowserContext[] = [];
    const as = async (name: string, path: string): Promise<Page> => {
      const { context, page } = await signedIn(web, javaScriptEnabled, name, path);
      contexts.push(context);
      return page;
    };
    afterAll(() => Promise.all(contexts.map((context) => context.close())));
    const mine = () => escalated[run]!;

    /** The chair's answers for the meeting's decision: the police visit with housing. */
    async function recordPatrolDecision(page: Page, reference: string): Promise<void> {
      await page.getByRole('radio', { name: reference }).check();
      await page.getByRole('radio', { name: 'Action assigned' }).check();
      await page.getByRole('group', { name: 'Which agency takes it on?' }).getByRole('radio', { name: 'Police' }).check();
      await page.getByLabel('What will the agency do?').fill('Joint visit with housing on Friday night.');
      const due = page.getByRole('group', { name: 'When is it due by?' });
      await due.getByLabel('Day').fill('18');
      await due.getByLabel('Month').fill('12');
      await due.getByLabel('Year').fill(String(new Date(await web.world.env.currentTimeMs()).getUTCFullYear() + 1));
      await page.getByLabel('Why did the meeting decide it?').fill('The police and housing agreed to visit together.');
      // Waited for by its answer: the second time, the page is already at the address it returns to.
      const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/decisions'));
      await page.getByRole('button', { name: 'Record the decision' }).click();
      expect((await answered).status()).toBe(303);
      await page.waitForURL(`**/forums/JAG/meetings/${meetingId}?decided=${reference}`);
      await page.waitForLoadState();
    }

    it('the chair opens the JAG meeting, is told what is missing, and records the meeting’s decision on a case of its agenda', async () => {
      const page = await as('Helen Ward', '/cases');
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Forums' }).click();
      await page.waitForURL('**/forums');
      await checkPage(page);
      await page.getByRole('table', { name: 'JAG meetings' }).getByRole('link').first().click();
      await page.waitForURL(`**/forums/JAG/meetings/${meetingId}`);
      const agenda = (await page.getByRole('table', { name: 'Cases on the agenda' }).locator('tbody th').allInnerTexts()).map((text) => text.trim());
      expect(agenda.sort()).toEqual(escalated.map((c) => c.reference).sort());

      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.waitForURL(`**/forums/JAG/meetings/${meetingId}/decisions`);
      const summary = page.locator('.govuk-error-summary');
      expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Select the case the decision is about', 'Select what the meeting decided', 'Enter why the meeting decided it']);
      expect(await summary.getByRole('link', { name: 'Select the case the decision is about' }).getAttribute('href')).toBe('#reference');
      await checkPage(page);

      const { reference } = mine();
      await recordPatrolDecision(page, reference);
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`The meeting’s decision on case ${reference} is recorded.`);
      const decision = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr', { hasText: reference });
      expect(await decision.innerText()).toContain('Action assigned to Police: Joint visit with housing on Friday night.');
      expect(await decision.innerText()).toContain('Helen Ward');
      await checkPage(page, javaScriptEnabled ? 'forum-meeting' : undefined);
      // Carried out on the case: the police have a second action on it, from the JAG.
      const north = await web.world.service.client(NORTH_OFFICER);
      const actions = (await north('GET', `/cases/${reference}`)).body.partnerActions as { description: string; forum: string | null }[];
      expect(actions.filter((action) => action.description === 'Joint visit with housing on Friday night.')).toEqual([expect.objectContaining({ forum: 'JAG' })]);

      // The same decision sent again (a second press, a resent form) is recorded, and carried out, once.
      await recordPatrolDecision(page, reference);
      expect(await page.getByRole('table', { name: 'Decisions' }).locator('tbody tr', { hasText: reference }).count()).toBe(1);
      const again = (await north('GET', `/cases/${reference}`)).body.partnerActions as { description: string }[];
      expect(again.filter((action) => action.description === 'Joint visit with housing on Friday night.')).toHaveLength(1);
    });

    it('an admin re-sends the refused email, and it is delivered once', async () => {
      const page = await as('Service Admin', '/cases');
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).click();
      await page.waitForURL('**/admin/notifications');
      const { reference } = mine();
      const refused = page.getByRole('table', { name: 'Refused emails' }).locator('tbody tr', { hasText: reference });
      expect(await refused.innerText()).toContain(LEWIS);
      await checkPage(page, javaScriptEnabled ? 'admin-notifications' : undefined);

      await refused.getByRole('button', { name: `Re-send the email to ${LEWIS}` }).click();
      await page.waitForURL('**/admin/notifications?resent=*');
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`The email to ${LEWIS} is being sent again.`);
      expect(await page.locator('main').innerText()).not.toContain(reference);
      await checkPage(page);
      // The JAG's own action notice, and now the one refused at set-up.
      const toLewis = (mail: CapturedMail) => mail.to.includes(LEWIS) && mail.subject.includes(reference);
      await web.world.smtp.waitFor(toLewis, 2);
      expect(web.world.smtp.received.filter(toLewis)).toHaveLength(2);
    });

    it('an admin finds the audit trail of a case, and of a person, in words', async () => {
      const page = await as('Service Admin', '/admin/audit');
      const { reference } = mine();
      await page.getByLabel('Case reference').fill(reference);
      await page.getByRole('button', { name: 'Find entries' }).click();
      await page.waitForURL(`**/admin/audit?reference=${reference}*`);
      const entries = page.getByRole('table', { name: 'Audit entries, newest first' });
      const escalation = entries.locator('tbody tr', { hasText: 'Escalate or de-escalate the forum' });
      expect(await escalation.count()).toBe(2);
      expect(await escalation.first().innerText()).toContain('Amira Khan');
      await checkPage(page);

      await page.getByLabel('Case reference').fill('');
      await page.getByLabel('Person').selectOption({ label: 'Helen Ward' });
      await page.getByRole('button', { name: 'Find entries' }).click();
      await page.waitForURL('**/admin/audit?*actor=helen.ward*');
      const decided = page.getByRole('table', { name: 'Audit entries, newest first' }).locator('tbody tr', { hasText: 'Recorded a forum decision' }).filter({ hasText: reference });
      // Both presses of the chair's form are in the trail, though the decision was carried out once.
      expect(await decided.count()).toBe(2);
      await checkPage(page);
    });

    it('an admin finds what is held about the person complained about, and downloads the document to send them', async () => {
      const page = await as('Service Admin', '/admin/subject-access');
      const { reference, subjects } = mine();
      await page.getByLabel('Full name').fill(subjects[0]!.name);
      const born = page.getByRole('group', { name: 'Date of birth' });
      await born.getByLabel('Day').fill('14');
      await born.getByLabel('Month').fill('7');
      await born.getByLabel('Year').fill('1991');
      await page.getByRole('button', { name: 'Find what is held' }).click();
      await page.waitForURL('**/admin/subject-access?*');
      const found = page.getByRole('table', { name: 'Cases that name the person' }).locator('tbody tr');
      expect((await found.locator('th').allInnerTexts()).map((text) => text.trim())).toEqual([reference]);
      expect(await found.first().innerText()).toContain('Name and date of birth');
      await checkPage(page);
      const document = await page.request.get((await page.getByRole('link', { name: /^Download the document/u }).getAttribute('href'))!);
      expect(document.headers()['content-disposition']).toBe('attachment; filename="subject-access.html"');
      expect(await document.text()).toContain(reference);
    });

    it('the admin pages are the admin’s alone: the chair is refused them', async () => {
      const page = await as('Helen Ward', '/cases');
      expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
      for (const path of ['/admin/notifications', '/admin/audit', '/admin/subject-access']) {
        expect((await page.goto(path))?.status()).toBe(403);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You cannot do this');
      }
    });
  });
});
