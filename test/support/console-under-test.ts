import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

/**
 * The console bundle for one test file, built into a temporary folder (a second or two with Vite), so tests
 * never serve a stale `dist/console` and two files never write the same one.
 */
export async function buildConsole(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'gridline-console-'));
  await run(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'apps/console/vite.config.mts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      timeout: 180_000,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  if (!existsSync(path.join(outDir, 'index.html')))
    throw new Error(`the console build wrote no index.html to ${outDir}`);
  return outDir;
}

export interface SignInChoice {
  readonly role: string;
  readonly tenant?: string;
  readonly grid?: string;
  readonly name?: string;
}

/** Signs in through the console's own development sign-in page, as an operator would. */
export async function signInThroughPage(
  page: Page,
  consoleUrl: string,
  who: SignInChoice,
  landing = '/',
): Promise<void> {
  await page.goto(`${consoleUrl}/sign-in?returnTo=${encodeURIComponent(landing)}`);
  const form = page.locator('form').filter({ has: page.locator('select[name="role"]') });
  await form.locator('select[name="role"] option').first().waitFor({ state: 'attached' });
  await form.locator('select[name="role"]').selectOption(who.role);
  if (who.tenant) {
    await form.locator(`select[name="tenant"] option[value="${who.tenant}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="tenant"]').selectOption(who.tenant);
  }
  if (who.grid) {
    await form.locator(`select[name="grid"] option[value="${who.grid}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="grid"]').selectOption(who.grid);
  }
  if (who.name) await form.locator('input[name="name"]').fill(who.name);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
