import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserContext, chromium } from 'playwright-core';
import { httpClient } from '@gridline/testing';

const run = promisify(execFile);

/** The console bundle, built by Vite into a temporary folder for this run. */
export async function buildConsoleBundle(repositoryRoot: string): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gridline-bench-console-'));
  await run(
    process.execPath,
    [
      path.join(repositoryRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(repositoryRoot, 'apps/console/vite.config.mts'),
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: repositoryRoot,
      timeout: 300_000,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Debian's chromium as the browser tests drive it (no browser is downloaded); CHROMIUM_PATH names another. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A dispatcher's session for the district, minted by the edge's development sign-in, as the sign-in page would. */
export async function dispatcherToken(consoleUrl: string, tenantId: string): Promise<string> {
  const { status, body } = await httpClient(consoleUrl).post<{ token?: string } | null>('/dev/sign-in', {
    role: 'dispatcher',
    tenant: tenantId,
    name: 'bench',
  });
  if (status !== 200 || !body?.token)
    throw new Error(`bench: development sign-in answered ${status}: ${JSON.stringify(body)}`);
  return body.token;
}

/** A fresh browser context already signed in (the console keeps its token in sessionStorage). */
export async function signedInContext(browser: Browser, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript((value) => sessionStorage.setItem('gridline.console.session', value), token);
  return context;
}
