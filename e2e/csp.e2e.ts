/**
 * The H5 build under the server's headers (issue 9), in Debian's Chromium: the real server (server/main.ts,
 * demo mode, a temporary DATA_DIR) serves dist/h5 with its Content-Security-Policy, and a demo reporter
 * walks the app — 晒, 榜, 我, a demo sign-in, a post with a photo, a unit's chart — while every CSP
 * violation the page reports is collected: there must be none. The page must also refuse to be framed, and
 * hashed assets must come with a year-long immutable cache.
 * Run: `node --import tsx e2e/csp.e2e.ts` (scripts/test-e2e.mjs does, after the build, when Chromium is installed).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runBrowserTest, type BrowserTest } from './harness';

// A 1×1 PNG that decodes, so the preview really loads.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function tab(page: Page, label: '晒' | '榜' | '我') {
  await page.locator('.weui-tabbar__label', { hasText: label }).click();
  await page.waitForTimeout(500);
}

async function run({ browser, base, step }: BrowserTest) {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const violations: string[] = [];
  const errors: string[] = [];
  const cacheOf = new Map<string, string | null>();
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text()))
      violations.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => cacheOf.set(new URL(r.url()).pathname, r.headers()['cache-control'] ?? null));
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation(v: string): void }).reportViolation;
      report(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });

  await step('opens with the page’s policy and the security headers', async () => {
    const res = await page.goto(`${base}/`);
    assert.ok(res);
    const headers = res.headers();
    assert.match(headers['content-security-policy'] ?? '', /script-src 'self' 'sha256-/);
    assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(headers['x-frame-options'], 'DENY');
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.equal(headers['cache-control'], 'no-cache');
    assert.ok(headers['etag'], 'index.html has an ETag');
    // The demo opens on its role chooser.
    await page
      .locator('.taro_page_show [data-testid="role-option"]', { hasText: '填报员' })
      .click({ timeout: 30_000 });
    await page.locator('.taro_page_show .post').first().waitFor({ timeout: 30_000 });
  });

  await step('walks 榜 and 我, and signs in as a demo reporter', async () => {
    await tab(page, '榜');
    await page.locator('.taro_page_show .brow').first().waitFor({ timeout: 15_000 });
    await tab(page, '我');
    await page.locator('.taro_page_show [data-testid="demo-toggle"]').click();
    const pick = page.locator('.taro_page_show [data-testid="demo-user"]', { hasText: '填报员' }).first();
    const name = (await pick.locator('.demo__name').innerText()).trim();
    await pick.click();
    await page.locator('.taro_page_show .me__name', { hasText: name }).waitFor({ timeout: 15_000 });
  });

  await step('posts with a photo: the preview and the uploaded photo both load', async () => {
    await tab(page, '晒');
    await page.locator('.taro_page_show .feed__post').click();
    await page.locator('.taro_page_show .editor__send').waitFor({ timeout: 15_000 });
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.taro_page_show .editor__add').click();
    await (await chooser).setFiles({ name: 'site.png', mimeType: 'image/png', buffer: png });
    const photo = page.locator('.taro_page_show .editor__photo img').first();
    await photo.waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () => {
        const img = document.querySelector<HTMLImageElement>('.taro_page_show .editor__photo img');
        return img?.complete && img.naturalWidth > 0;
      },
      undefined,
      { timeout: 15_000 },
    );
    assert.match((await photo.getAttribute('src')) ?? '', /^\/files\//);
    await page.locator('.taro_page_show .editor__textarea textarea').first().fill(`CSP 检查 ${Date.now()}`);
    await page.locator('.taro_page_show .editor__send').click();
    await page.locator('.taro__toast', { hasText: '已发布' }).waitFor({ state: 'attached', timeout: 15_000 });
    await page
      .locator('.taro_page_show [data-testid="post-result"] >> text=返回动态')
      .click({ timeout: 15_000 });
  });

  await step('a tap on the photo in the feed opens the viewer, whose code loads only then', async () => {
    const viewerChunk = () => [...cacheOf.keys()].some((path) => path.includes('preview-image'));
    assert.equal(viewerChunk(), false, 'the photo viewer was not loaded with the feed');
    await page
      .locator('.taro_page_show .post__photos img.post__photo, .taro_page_show .post__photos .post__photo')
      .first()
      .click();
    await page.locator('.preview-image').waitFor({ timeout: 15_000 });
    assert.equal(viewerChunk(), true, 'the viewer came in its own chunk');
    await page.locator('.preview-image').click();
    await page.locator('.preview-image').waitFor({ state: 'detached', timeout: 15_000 });
  });

  await step('opens a unit and draws its chart', async () => {
    await tab(page, '榜');
    await page.locator('.taro_page_show .brow').first().click();
    await page.locator('.taro_page_show canvas').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1500);
  });

  await step('hashed assets are cached for a year, unchanged', async () => {
    const hashed = [...cacheOf].filter(([path]) => /\.[0-9a-f]{8,}\.(js|css)$/.test(path));
    assert.ok(hashed.length > 0, 'the page loaded hashed assets');
    for (const [path, cache] of hashed) assert.equal(cache, 'public, max-age=31536000, immutable', path);
  });

  await step('reports no Content-Security-Policy violation and no error', async () => {
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
  });

  await step('refuses to be shown in a frame', async () => {
    const framer = await browser.newPage();
    const refused: string[] = [];
    framer.on('console', (m) => refused.push(m.text()));
    await framer.setContent(`<iframe src="${base}/"></iframe>`);
    await framer.waitForTimeout(1500);
    assert.ok(
      refused.some((t) => /frame-ancestors|X-Frame-Options/.test(t)),
      `the browser refused the frame: ${refused.join(' | ')}`,
    );
    const framed = framer.frames().find((f) => f.url().startsWith(base));
    assert.equal(
      (await framed
        ?.locator('#app')
        .count()
        .catch(() => 0)) ?? 0,
      0,
      'nothing of the app inside the frame',
    );
    await framer.close();
  });
  await page.close();
}

runBrowserTest('csp', run);
