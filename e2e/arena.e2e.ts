/**
 * The browser test of issue 3: the real server (scripts/start.mjs, demo mode, a temporary DATA_DIR, a free
 * port) and the H5 build in Debian's Chromium on a 390×844 phone viewport. A demo reporter posts a figure,
 * sees it at the top of 晒 and the unit's score move on 榜, opens the unit page and finds the chart drawn,
 * and posts `<script>alert(1)</script>`, which must show as text. Screenshots go to e2e/screenshots/.
 * Run: `node --import tsx e2e/arena.e2e.ts` (scripts/test-e2e.mjs does, when Chromium is installed).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { shot, tab } from './harness';

const root = join(__dirname, '..');
const shots = join(root, 'e2e', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ARENA_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.on('data', () => undefined); // request logs: not needed, but must not block the pipe
  // start.mjs may build the H5 app first: allow for it.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGTERM');
  throw new Error('server did not start within 180 s');
}

const step = async (title: string, fn: () => Promise<void>) => {
  const started = Date.now();
  await fn();
  console.log(`  ✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  passed += 1;
};
let passed = 0;

/** The own unit's score on 榜 (the pinned 本单位 row). */
async function ownScore(page: Page): Promise<string> {
  const score = page.locator('.taro_page_show .board__pinned .brow__score');
  await score.waitFor({ timeout: 15_000 });
  return (await score.innerText()).trim();
}

/** Opens 发布 from 晒, waits for the form. */
async function openEditor(page: Page) {
  await tab(page, '晒');
  await page.locator('.taro_page_show .feed__post').click();
  await page.locator('.taro_page_show .editor__send').waitFor({ timeout: 15_000 });
}

async function send(page: Page) {
  await page.locator('.taro_page_show .editor__send').click();
  // A figure far from the last one is asked about first (请确认数值): confirm it.
  const confirm = page.locator('.taro__modal .taro-model__confirm', { hasText: '确认发布' });
  const toast = page.locator('.taro__toast', { hasText: '已发布' });
  await confirm.or(toast).first().waitFor({ state: 'attached', timeout: 15_000 });
  if (await confirm.isVisible()) await confirm.click();
  await toast.waitFor({ state: 'attached', timeout: 15_000 });
  // The result page, then back on 晒.
  await page
    .locator('.taro_page_show [data-testid="post-result"] >> text=返回动态')
    .click({ timeout: 15_000 });
  await page.locator('.taro_page_show .feed__post').waitFor({ timeout: 15_000 });
}

async function firstPost(page: Page, text: string) {
  const first = page.locator('.taro_page_show .post').first();
  await page.waitForFunction(
    (t) => document.querySelector('.taro_page_show .post .post__text')?.textContent === t,
    text,
    { timeout: 15_000 },
  );
  return first;
}

async function run(browser: Browser, base: string) {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  let reporter = '';
  let unitName = '';
  await step('opens in the demo arena and signs in as a demo reporter from 我', async () => {
    await page.goto(`${base}/`);
    // The demo opens on its role chooser.
    await page
      .locator('.taro_page_show [data-testid="role-option"]', { hasText: '填报员' })
      .click({ timeout: 30_000 });
    await page.locator('.taro_page_show .post').first().waitFor({ timeout: 30_000 });
    await tab(page, '我');
    const current = (await page.locator('.taro_page_show .me__name').innerText()).trim();
    await page.locator('.taro_page_show [data-testid="demo-toggle"]').click();
    const pick = page
      .locator('.taro_page_show [data-testid="demo-user"]', { hasText: '填报员' })
      .filter({ hasNotText: current })
      .nth(2);
    reporter = (await pick.locator('.demo__name').innerText()).trim();
    unitName = (await pick.locator('.demo__role').innerText()).replace('填报员 · ', '').trim();
    await pick.click();
    await page.locator('.taro_page_show .me__name', { hasText: reporter }).waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.taro_page_show .me__who').innerText(), new RegExp(`单位：${unitName}`));
    await page
      .locator('.taro_page_show [data-testid="demo-user"]', { hasText: reporter })
      .locator('text=✓ 当前')
      .waitFor();
    await shot(page, 'me', true);
  });

  await step('loads older posts on 晒 when scrolled to the bottom', async () => {
    await tab(page, '晒');
    const posts = page.locator('.taro_page_show .post');
    const first = await posts.count();
    await page.mouse.move(195, 420);
    for (let i = 0; i < 10 && (await posts.count()) === first; i++) {
      await page.mouse.wheel(0, 20_000);
      await page.waitForTimeout(400);
    }
    assert.ok((await posts.count()) > first, `more than ${first} posts after scrolling`);
  });

  let before = '';
  await step('reads the unit’s score on 榜', async () => {
    await tab(page, '榜');
    before = await ownScore(page);
    assert.match(await page.locator('.taro_page_show .board__pinned').innerText(), new RegExp(unitName));
    assert.match(await page.locator('.taro_page_show .board__time').innerText(), /序时进度 \d+%/);
    await shot(page, 'board');
  });

  const note = `e2e 进展 ${Date.now()}`;
  let figureLine = '';
  await step('posts a figure from 发布', async () => {
    await openEditor(page);
    // The paced metric furthest behind its target: raising it to the target must move the score.
    const fields = page.locator('.taro_page_show .mfield');
    const count = await fields.count();
    let best: { i: number; ratio: number; target: number; current: number } | null = null;
    for (let i = 0; i < count; i++) {
      const facts = await fields.nth(i).locator('.mfield__facts').innerText();
      const m = /当前 (未填报|[\d.]+).*?目标 ([\d.]+).*序时应达/.exec(facts);
      if (!m) continue;
      const current = m[1] === '未填报' ? 0 : Number(m[1]);
      const target = Number(m[2]);
      if (!best || current / target < best.ratio) best = { i, ratio: current / target, target, current };
    }
    assert.ok(best, 'a metric paced by 序时');
    assert.ok(best.ratio < 1, 'the chosen metric is below its target');
    await fields.nth(best.i).locator('input').fill(String(best.target));
    await page.locator('.taro_page_show .editor__textarea textarea').first().fill(note);
    figureLine = `→ ${best.target}`;
    await shot(page, 'post');
    await send(page);
  });

  await step('sees the post at the top of 晒', async () => {
    const first = await firstPost(page, note);
    assert.equal((await first.locator('.post__unit').innerText()).trim(), unitName);
    assert.match(
      await first.locator('.post__by').innerText(),
      new RegExp(`${reporter} · (刚刚|\\d+ 秒前|几秒前)`),
    );
    assert.ok((await first.locator('.fig__value').first().innerText()).includes(figureLine));
    await shot(page, 'feed');
  });

  await step('sees the unit’s score change on 榜', async () => {
    await tab(page, '榜');
    await page.waitForFunction(
      (b) => {
        const s = document.querySelector('.taro_page_show .board__pinned .brow__score')?.textContent?.trim();
        return !!s && s !== b;
      },
      before,
      { timeout: 15_000 },
    );
    const after = await ownScore(page);
    assert.ok(parseFloat(after) > parseFloat(before), `score rose: ${before} → ${after}`);
    console.log(`    ${unitName}: ${before} → ${after}`);
  });

  await step('opens the unit page and finds the trend chart drawn', async () => {
    await page.locator('.taro_page_show .board__pinned [data-testid="board-row"]').click();
    const canvas = page.locator('.taro_page_show [data-testid="trend-chart"] canvas');
    await canvas.waitFor({ timeout: 20_000 });
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const ink = await canvas.evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let drawn = 0;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) drawn += 1;
        if (
          data[i + 3]! > 200 &&
          Math.abs(data[i]! - 31) < 30 &&
          Math.abs(data[i + 1]! - 86) < 30 &&
          Math.abs(data[i + 2]! - 200) < 30
        )
          blue += 1;
      }
      return { drawn, blue, w: c.width, h: c.height };
    });
    assert.ok(ink.w > 100 && ink.h > 100, `canvas has a size: ${ink.w}×${ink.h}`);
    assert.ok(ink.drawn > 2000, `canvas has ink: ${ink.drawn} pixels`);
    assert.ok(ink.blue > 100, `the completion line is drawn: ${ink.blue} blue pixels`);
    assert.match(await page.locator('.taro_page_show .uhead__name').innerText(), new RegExp(unitName));
    assert.equal(await page.locator('.taro_page_show [data-testid^="dim-"]').count(), 5);
    await shot(page, 'unit');
    await page.goBack();
  });

  await step('posts <script>alert(1)</script> and sees it as text', async () => {
    const evil = '<script>alert(1)</script>';
    await openEditor(page);
    await page.locator('.taro_page_show .editor__textarea textarea').first().fill(evil);
    await send(page);
    const first = await firstPost(page, evil);
    assert.equal(await first.locator('.post__text').innerText(), evil);
    assert.equal(await page.locator('.taro_page_show .post script').count(), 0);
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, [], 'no script ran');
    await shot(page, 'feed-script');
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
  await page.close();
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'arena-e2e-'));
  const port = await freePort();
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    server = await startServer(port, dataDir);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    console.log(`e2e against http://127.0.0.1:${port} (data in ${dataDir})`);
    await run(browser, `http://127.0.0.1:${port}`);
    console.log(`${passed} passed, 0 failed`);
  } finally {
    await browser?.close();
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  console.log(`${passed} passed, 1 failed`);
  process.exit(1);
});
