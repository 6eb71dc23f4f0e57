/**
 * What every browser test shares: the real server on a temporary DATA_DIR (server/spawn.ts, demo mode),
 * Debian's Chromium with a phone-sized page, named steps that print as they pass, the tab bar and
 * screenshots. A browser test is `e2e/<name>.e2e.ts` calling `runBrowserTest(name, run)`;
 * scripts/test-e2e.mjs runs every one of them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { spawnServer, type ChildServer } from '../server/spawn';

export const root = join(__dirname, '..');
export const shots = join(root, 'e2e', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserTest {
  browser: Browser;
  /** The server's base URL, e.g. http://127.0.0.1:40123 */
  base: string;
  /** The server's DATA_DIR (its arena.db), for a test that must reach the data directly. */
  dataDir: string;
  /** Runs one named step, printing it with its time once it passes. */
  step(title: string, fn: () => Promise<void>): Promise<void>;
}

/** A 390×844 phone page at 2× (as the walk-through uses); `fontScale` zooms the root font (2× font tests). */
export async function phonePage(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  return browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
  });
}

export async function tab(page: Page, label: '晒' | '榜' | '我'): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: label }).click();
  await page.waitForTimeout(300);
}

/** A screenshot once page transitions and toasts are over; `top` scrolls the page up first. */
export async function shot(page: Page, name: string, top = false): Promise<void> {
  mkdirSync(shots, { recursive: true });
  if (top) {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      for (const el of document.querySelectorAll('*')) if (el.scrollTop > 0) el.scrollTop = 0;
    });
  }
  await page.waitForTimeout(1600);
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** Starts the server and the browser, runs `run`, prints the tally, and exits non-zero on a failure. */
/** The server on fresh demo data (a temporary DATA_DIR) and Chromium beside it, both stopped after `use`. */
export async function withDemoBrowser<T>(
  name: string,
  use: (it: { server: ChildServer; browser: Browser; dataDir: string }) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), `arena-${name}-`));
  let server: ChildServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await spawnServer({ DATA_DIR: dataDir, ARENA_DEMO: '1' }, { timeoutMs: 60_000 });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    return await use({ server, browser, dataDir });
  } finally {
    await browser?.close();
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function runBrowserTest(name: string, run: (t: BrowserTest) => Promise<void>): void {
  let passed = 0;
  const step = async (title: string, fn: () => Promise<void>) => {
    const started = Date.now();
    await fn();
    console.log(`  ✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    passed += 1;
  };
  const main = () =>
    withDemoBrowser(name, async ({ browser, server, dataDir }) => {
      console.log(`${name} against ${server.url}`);
      await run({ browser, base: server.url, dataDir, step });
      console.log(`${passed} passed, 0 failed`);
    });
  main().catch((e: unknown) => {
    console.error(e);
    console.log(`${passed} passed, 1 failed`);
    process.exit(1);
  });
}
