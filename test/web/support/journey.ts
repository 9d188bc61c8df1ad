import type { Page } from 'playwright-core';
import { accessibilityViolations, runsScripts, saveScreenshot } from './browser';

/** A stored code on screen (NOISE_DISPUTE, CASE_REVIEW): the console shows every value in words. */
const INTERNAL_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/gu;
/** A date as a machine writes it (2026-12-08): on screen, dates read "8 December 2026". */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/gu;

/**
 * The page's WCAG 2.2 A/AA violations as the person sees it. axe runs as a script in the page, and
 * hangs where scripts are off; a page of the journey without JavaScript is therefore audited as the
 * same request (the same session) in a browser that refuses every script file, which is what that page is.
 */
async function violationsOf(page: Page): Promise<string[]> {
  const context = page.context();
  if (runsScripts(context)) return accessibilityViolations(page);
  const auditor = await context.browser()!.newContext({ storageState: await context.storageState(), viewport: page.viewportSize() });
  try {
    await auditor.route(/\.m?js(\?.*)?$/u, (route) => route.abort());
    const copy = await auditor.newPage();
    await copy.goto(page.url());
    return await accessibilityViolations(copy);
  } finally {
    await auditor.close();
  }
}

/**
 * What every page of a journey is held to: zero WCAG 2.2 A/AA violations, no internal code or ISO
 * date in its text, and (once per page) a screenshot for the README.
 */
export async function checkPage(page: Page, screenshot?: string): Promise<void> {
  expect(await violationsOf(page)).toEqual([]);
  const text = await page.locator('body').innerText();
  expect(text.match(INTERNAL_CODE) ?? []).toEqual([]);
  expect(text.match(ISO_DATE) ?? []).toEqual([]);
  if (screenshot) await saveScreenshot(page, screenshot);
}

/** Signs in through the real sign-in: the console sends the browser to the OpenID provider, where the person is picked. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
}

/** Each journey twice: with JavaScript, as most people see it (and the screenshots), and without. */
export const SCRIPTS = [
  { scripts: 'on', javaScriptEnabled: true },
  { scripts: 'off', javaScriptEnabled: false },
];
