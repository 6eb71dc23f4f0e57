/**
 * What a phone downloads (issue 11, goal 5), without timing: the real server sends the H5 build's scripts
 * compressed (brotli for Chromium, gzip for a client that asks only for gzip), and the chart chunk (ECharts)
 * is fetched only when a unit's page opens, never by the tab pages 晒, 榜 and 我.
 * Run: `node --import tsx e2e/compression.e2e.ts` (scripts/test-e2e.mjs does, after the build).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { phonePage, root, runBrowserTest, tab, type BrowserTest } from './harness';

/** The build's chunks that carry ECharts (or its renderer, zrender), as `/js/<name>`. */
function chartChunks(): Set<string> {
  const dir = join(root, 'dist', 'h5', 'js');
  return new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.js') && /echarts|zrender/i.test(readFileSync(join(dir, f), 'latin1')))
      .map((f) => `/js/${f}`),
  );
}

async function run({ browser, base, step }: BrowserTest) {
  const charts = chartChunks();
  assert.ok(charts.size > 0, 'the H5 build has a chart chunk');
  const page = await phonePage(browser);
  const scripts: { path: string; encoding: string | undefined }[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) scripts.push({ path, encoding: r.headers()['content-encoding'] });
  });
  const chartFetched = () => scripts.filter((s) => charts.has(s.path)).map((s) => s.path);

  await step('晒 opens with every script brotli-compressed and no chart chunk', async () => {
    await page.goto(`${base}/`);
    await page
      .locator('.taro_page_show [data-testid="role-option"]', { hasText: '填报员' })
      .click({ timeout: 30_000 });
    await page.locator('.taro_page_show .post').first().waitFor({ timeout: 30_000 });
    assert.ok(scripts.length > 1, `the app and the feed's chunks were fetched: ${scripts.length}`);
    for (const s of scripts)
      assert.ok(s.encoding === 'br' || s.encoding === 'gzip', `${s.path}: ${s.encoding}`);
    assert.deepEqual(chartFetched(), [], 'the feed fetched no chart chunk');
  });

  await step('榜 and 我 fetch no chart chunk either', async () => {
    await tab(page, '榜');
    await page.locator('.taro_page_show [data-testid="board-row"]').first().waitFor({ timeout: 15_000 });
    await tab(page, '我');
    await page.locator('.taro_page_show .me__name').waitFor({ timeout: 15_000 });
    // Give a prefetch of the unit package time to show itself, were there one.
    await page.waitForTimeout(1500);
    assert.deepEqual(chartFetched(), [], 'no tab page fetched a chart chunk');
  });

  await step('a unit’s page fetches the chart chunk, compressed', async () => {
    await tab(page, '榜');
    const row = page.locator('.taro_page_show [data-testid="board-row"]').first();
    const unitName = (await row.locator('.brow__unit').innerText()).trim();
    const chart = page.waitForResponse((r) => charts.has(new URL(r.url()).pathname), { timeout: 30_000 });
    await row.click();
    const res = await chart;
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-encoding'], 'br');
    await page.locator('.taro_page_show .uhead__name', { hasText: unitName }).waitFor({ timeout: 30_000 });
    assert.ok(chartFetched().length > 0);
  });

  await step(
    'a client asking only for gzip gets gzip; one asking for nothing gets the file as built',
    async () => {
      const [script] = [...charts];
      const built = readFileSync(join(root, 'dist', 'h5', script!.slice(1)));
      // node:http rather than fetch: fetch would unpack the body and drop what it was sent as.
      const { request } = await import('node:http');
      const get = (acceptEncoding: string | null) =>
        new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>(
          (resolve, reject) => {
            const req = request(
              `${base}${script}`,
              { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } },
              (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () =>
                  resolve({
                    encoding: res.headers['content-encoding'],
                    vary: res.headers.vary,
                    body: Buffer.concat(chunks),
                  }),
                );
              },
            );
            req.on('error', reject);
            req.end();
          },
        );
      const gz = await get('gzip');
      assert.equal(gz.encoding, 'gzip');
      assert.ok(gunzipSync(gz.body).equals(built));
      const br = await get('br');
      assert.equal(br.encoding, 'br');
      assert.ok(brotliDecompressSync(br.body).equals(built));
      assert.ok(br.body.length < built.length / 2, `${br.body.length} of ${built.length} bytes`);
      const raw = await get(null);
      assert.equal(raw.encoding, undefined);
      assert.equal(raw.vary, 'Accept-Encoding');
      assert.ok(raw.body.equals(built));
    },
  );
}

runBrowserTest('compression', run);
