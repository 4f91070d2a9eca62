import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

const root = path.resolve(__dirname, '../..');
/** Screenshots of browser tests, kept after the run for a look (gitignored). */
export const artifactsDir = path.join(root, 'test-artifacts');

/** Debian's chromium (test/support/global-setup.mjs installs it when missing), or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A headless Chromium with a fresh profile: no state from a previous run, no network chatter of its own,
 * nothing downloaded by Playwright. `chromium.launch` gives every launch a new temporary user-data-dir and
 * removes it on close (it refuses a `--user-data-dir` argument; `launchPersistentContext` is the way to keep one).
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** Saves a full-page screenshot as test-artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
