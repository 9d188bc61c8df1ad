import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium as playwright, type Page } from 'playwright-core';
import { projectRoot } from '../../../libs/config/src';

/**
 * Chromium from the `@sparticuz/chromium` npm package (the binary ships inside it and unpacks into the
 * temp folder on first use), driven by `playwright-core`: nothing is downloaded at test time.
 */
export async function launchBrowser(): Promise<Browser> {
  // The package's arguments are made for AWS Lambda; with `--single-process` closing one context ends the whole browser.
  const args = chromium.args.filter((arg) => arg !== '--single-process');
  return playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true });
}

/** The browser profiles made without JavaScript (Playwright does not say which a context is). */
const scriptless = new WeakSet<BrowserContext>();

export function runsScripts(context: BrowserContext): boolean {
  return !scriptless.has(context);
}

/** A fresh browser profile; `javaScriptEnabled: false` is how every journey is re-run without scripts. */
export async function newContext(browser: Browser, options: { javaScriptEnabled: boolean; baseURL: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  if (!options.javaScriptEnabled) scriptless.add(context);
  return context;
}

/** WCAG 2.2 A and AA, as public bodies are bound to meet it. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The page's accessibility violations, each as "rule: what failed (where)", so a failure reads on its own. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${violation.help} (${node.target.join(' ')})`));
}

/** Where the tests put screenshots of the main pages; the README shows some of them. */
export const SCREENSHOTS_DIR = process.env.ASB_SCREENSHOTS_DIR ?? join(projectRoot(), 'docs/screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
