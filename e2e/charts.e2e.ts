/**
 * The charts of issue 14 in the browser: on 榜, 图表 beside the division picker opens that division's
 * composite scores as bars (highest first, 序时参考 written out), another division a tap away; 分享 makes a
 * PNG of the chart under its title and date and downloads it (and shows it to long-press); the reader's
 * own unit opens with its radar against the division's median and its trend with 序时 and the target.
 * Screenshots: e2e/screenshots/charts-*.png (charts-picture.png is the downloaded picture itself).
 * Run: `npm run build:h5`, then `node --import tsx e2e/charts.e2e.ts`.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { phonePage, runBrowserTest, shot, shots, tab } from './harness';

const shown = '.taro_page_show';

/** A PNG's width and height from its header; fails on anything that is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const exactly = (text: string) => new RegExp(`^${text}$`);

runBrowserTest('charts', async ({ browser, base, step }) => {
  const page = await phonePage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const rows = page.locator(`${shown} [data-testid="score-row"]`);
  const rowCount = (n: number) =>
    page.waitForFunction(
      (count) => document.querySelectorAll('.taro_page_show [data-testid="score-row"]').length === count,
      n,
      { timeout: 15_000 },
    );
  let ownName = '';
  let ownDivision = '';
  let ownCount = 0;

  await step(
    '图表 on 榜 opens the picked division’s scores as bars, highest first, 序时参考 in words',
    async () => {
      await page.goto(`${base}/`);
      await page
        .locator(`${shown} [data-testid="role-option"]`, { hasText: '填报员' })
        .click({ timeout: 30_000 });
      await page.locator(`${shown} .post`).first().waitFor({ timeout: 30_000 });
      await tab(page, '榜');
      await page.locator(`${shown} .board__pinned .brow__unit`).waitFor({ timeout: 15_000 });
      ownName = (await page.locator(`${shown} .board__pinned .brow__unit`).innerText()).trim();
      // 榜 opens on the reader's own division: pick another before 图表, which follows the picker.
      const picked = page.locator(`${shown} .chips`).first().locator('.chips__item--on');
      ownDivision = (await picked.innerText()).replace('✓', '').trim();
      const title = await page.locator(`${shown} .board__list .section-title`).innerText();
      ownCount = Number(/共 (\d+) 个单位/.exec(title)?.[1]);
      const other = ownDivision === '市直部门' ? '乡镇街道' : '市直部门';
      await page.locator(`${shown} .chips__item`, { hasText: exactly(other) }).click();
      await page.locator(`${shown} [data-testid="link-division-chart"]`).click();
      await page.locator(`${shown} [data-testid="score-bars"] canvas`).waitFor({ timeout: 30_000 });
      assert.equal(await page.locator(`${shown} .dchart__title`).innerText(), `${other}综合得分（由高到低）`);
      assert.equal(await rows.count(), other === '市直部门' ? 7 : 8);
      const scores = (await rows.allInnerTexts()).map((t) => Number(/([\d.]+) 分/.exec(t)?.[1]));
      assert.deepEqual(
        [...scores].sort((a, b) => b - a),
        scores,
        `highest first: ${scores.join(', ')}`,
      );
      assert.match(
        await page.locator(`${shown} [data-testid="schedule-reference"]`).innerText(),
        /^虚线为序时参考 [\d.]+ 分：各项指标完成率恰好等于序时进度（\d+%）的单位在比绩效上的得分/,
      );
      await shot(page, 'charts-bars-other', true);
    },
  );

  await step('全市 and the reader’s own division a tap away, the own unit named （本单位）', async () => {
    // The chart page's own picker (榜, a tab page, stays in the document behind it).
    await page.locator(`${shown} .dchart .chips__item`, { hasText: exactly('全市') }).click();
    await rowCount(20);
    await page.locator(`${shown} .dchart .chips__item`, { hasText: exactly(ownDivision) }).click();
    await rowCount(ownCount);
    assert.equal(await rows.filter({ hasText: `${ownName}（本单位）` }).count(), 1);
    await page.locator(`${shown} [data-testid="score-bars"] canvas`).waitFor();
    await shot(page, 'charts-bars', true);
  });

  await step('分享 makes a PNG of the chart with its title and date, downloads it and shows it', async () => {
    const box = (await page.locator(`${shown} [data-testid="score-bars"]`).boundingBox())!;
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.locator(`${shown} [data-testid="share-image"]`).click(),
    ]);
    assert.match(
      download.suggestedFilename(),
      new RegExp(`^“三百”竞赛（演示）-${ownDivision}综合得分-\\d{4}-\\d{2}-\\d{2}\\.png$`),
    );
    const file = await download.path();
    const bytes = readFileSync(file);
    const size = pngSize(bytes);
    // The chart at twice its size with 20 px each side; taller than the chart by the title, date and footer.
    assert.ok(
      Math.abs(size.width - (box.width + 40) * 2) <= 4,
      `width ${size.width} for a ${box.width} px chart`,
    );
    assert.ok(size.height > (box.height + 100) * 2, `height ${size.height} for a ${box.height} px chart`);
    assert.ok(bytes.length > 20_000, `a drawn picture, not a blank one (${bytes.length} bytes)`);
    mkdirSync(shots, { recursive: true });
    copyFileSync(file, join(shots, 'charts-picture.png'));
    const preview = page.locator(`${shown} [data-testid="share-preview"]`);
    await preview.waitFor();
    assert.match(await preview.innerText(), /长按图片保存或发送给同事/);
    assert.match((await preview.locator('img').getAttribute('src')) ?? '', /^data:image\/png;base64,/);
    await shot(page, 'charts-share');
    await preview.getByText('关闭').click();
    await preview.waitFor({ state: 'detached' });
  });

  await step(
    'the reader’s unit opens with its radar against the division’s median and its trend',
    async () => {
      await rows.filter({ hasText: '（本单位）' }).click();
      const card = page.locator(`${shown} [data-testid="median-radar-card"]`);
      await card.locator('[data-testid="median-radar"] canvas').waitFor({ timeout: 30_000 });
      await page.locator(`${shown} [data-testid="trend-chart"] canvas`).waitFor({ timeout: 30_000 });
      assert.equal(await page.locator(`${shown} .uhead__name`).innerText(), ownName);
      const figures = await card.locator('.mrad__row').allInnerTexts();
      assert.equal(figures.length, 6);
      assert.match(figures[0]!, /得分\s*本单位\s*组内中位数/);
      assert.match(await card.innerText(), new RegExp(`${ownDivision} ${ownCount} 个单位`));
      await card.scrollIntoViewIfNeeded();
      await shot(page, 'charts-radar');
      await page.locator(`${shown} [data-testid="trend-chart"]`).scrollIntoViewIfNeeded();
      await shot(page, 'charts-trend');
      assert.deepEqual(errors, []);
    },
  );
});
