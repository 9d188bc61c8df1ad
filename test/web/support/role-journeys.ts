import type { BrowserContext, Page } from 'playwright-core';
import { aboutOtherPeople } from '../../support/distinct-reports';
import type { ApiClient } from '../../support/service';
import { newContext } from './browser';
import { signInAs } from './journey';
import type { WebWorld } from './web-world';

/** A noise report for a team, about people and a place no other case of the test file has. */
export const noiseReport = (team: string, extra: Record<string, unknown> = {}) =>
  aboutOtherPeople({
    type: 'ANTI_SOCIAL_BEHAVIOUR',
    category: 'NOISE_DISPUTE',
    channel: 'ONLINE_REPORT',
    summary: 'Loud music from the flat above most nights after midnight.',
    riskLevel: 'STANDARD',
    team,
    location: { address: '14 Egerton View, Melton Mowbray LE13 0AB', ward: 'Egerton', priorityNeighbourhood: false },
    complainants: [{ id: 'c1', name: 'Pat Lee', vulnerable: false }],
    subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' }],
    ...extra,
  });

export interface OpenedCase {
  readonly reference: string;
  readonly complainants: { name: string }[];
  readonly subjects: { id: string; name: string }[];
  readonly location: { address: string | null };
}

/** Set-up through the API, as a person would have done it before the journey starts. */
export async function opened(client: ApiClient, body: object): Promise<OpenedCase> {
  const response = await client('POST', '/cases', { body });
  if (response.status !== 201) throw new Error(`setup: open: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function sent(client: ApiClient, reference: string, path: string, body: object): Promise<any> {
  const response = await client('POST', `/cases/${reference}/${path}`, { body });
  if (response.status !== 200) throw new Error(`setup: ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A browser profile signed in as the person (through the real sign-in), on the page asked for. */
export async function signedIn(web: WebWorld, javaScriptEnabled: boolean, name: string, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(web.browser, { javaScriptEnabled, baseURL: web.baseUrl });
  const page = await context.newPage();
  await page.goto(path);
  await signInAs(page, name);
  await page.waitForURL(`**${path.split('?')[0]}`);
  return { context, page };
}

export { SCRIPTS } from './journey';

/**
 * What a partner whose agency has the case as a summary only finds of one shelf of the case page: no
 * section under `heading`, and `fileUrl` (one of its files) not found.
 */
export async function expectShelfWithheldFromSummaryShare(web: WebWorld, reference: string, heading: string, fileUrl: () => Promise<string>): Promise<void> {
  const context = await newContext(web.browser, { javaScriptEnabled: false, baseURL: web.baseUrl });
  try {
    const page = await context.newPage();
    await page.goto(`/cases/${reference}`);
    await signInAs(page, 'PC Lewis');
    await page.waitForURL(`**/cases/${reference}`);
    expect(await page.getByRole('heading', { name: heading }).count()).toBe(0);
    expect((await page.goto(await fileUrl()))?.status()).toBe(404);
  } finally {
    await context.close();
  }
}
