/**
 * The board for a leader (issue 10): on 榜 as 市领导, the 全市 view shows each unit's division; 只看滞后 leaves
 * only units whose light is 滞后, each naming its worst metric by its own completion against its own 序时
 * (or target); a unit opened from there shows no verdict that contradicts its light; and 与其他单位对比
 * opens the compare page with two units, the radar and the metrics. Screenshots: e2e/screenshots/board-*.png.
 * Run: `npm run build:h5`, then `node --import tsx e2e/board.e2e.ts`.
 */
import assert from 'node:assert/strict';
import { phonePage, runBrowserTest, shot, tab } from './harness';

runBrowserTest('board', async ({ browser, base, step }) => {
  const page = await phonePage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const rows = page.locator('.taro_page_show .board__list [data-testid="board-row"]');

  await step(
    'opens 榜 as 市领导: the 全市 view, each row with its division and 较昨日 beside the arrow',
    async () => {
      await page.goto(`${base}/`);
      await page
        .locator('.taro_page_show [data-testid="role-option"]', { hasText: '市领导' })
        .click({ timeout: 30_000 });
      await page.locator('.taro_page_show .post').first().waitFor({ timeout: 30_000 });
      await tab(page, '榜');
      await rows.first().waitFor({ timeout: 15_000 });
      assert.match(
        await page.locator('.taro_page_show .board__list .section-title').innerText(),
        /^全市 · 共 \d+ 个单位/,
      );
      const divisions = await page.locator('.taro_page_show .board__list .brow__division').allInnerTexts();
      assert.equal(divisions.length, await rows.count(), 'every row of 全市 shows its division');
      assert.ok(new Set(divisions).size > 1, `several divisions: ${[...new Set(divisions)].join('、')}`);
      const changes = await page.locator('.taro_page_show .board__list .brow__change').allInnerTexts();
      assert.ok(
        changes.every((c) => /^较昨日( [↑↓]\d+|持平)$|^新上榜$/.test(c.trim())),
        changes.join(' | '),
      );
      await shot(page, 'board-all', true);
    },
  );

  let lagging = 0;
  await step(
    '只看滞后 leaves only 滞后 rows, each naming its worst metric against its own 序时 or target',
    async () => {
      const total = await rows.count();
      const chip = page.locator('.taro_page_show .chips__item', { hasText: /^滞后 \d+$/ });
      lagging = Number((await chip.innerText()).replace(/\D+/g, ''));
      assert.ok(lagging > 0, 'the demo has units 滞后');
      await chip.click();
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('.taro_page_show .board__list [data-testid="board-row"]').length === n,
        lagging,
        { timeout: 5_000 },
      );
      assert.match(
        await page.locator('.taro_page_show .board__list .section-title').innerText(),
        new RegExp(`^全市 · 滞后 ${lagging} 个 / 共 ${total} 个单位`),
      );
      const lights = await page.locator('.taro_page_show .board__list .brow .light').allInnerTexts();
      assert.ok(lights.length === lagging && lights.every((l) => l.includes('滞后')), lights.join(' | '));
      const worst = await page.locator('.taro_page_show .board__list .brow__worst').allInnerTexts();
      for (const w of worst)
        assert.match(w, /^(滞后|预警|正常)：.+( \d+(\.\d)?% \/ (序时|目标) \d+%| 未填报)$/, w);
      await shot(page, 'board-lagging', true);
    },
  );

  await step('预警 and 全部 switch the list back', async () => {
    await page.locator('.taro_page_show .chips__item', { hasText: /^预警 \d+$/ }).click();
    const warned = await page.locator('.taro_page_show .board__list .brow .light').allInnerTexts();
    assert.ok(
      warned.every((l) => l.includes('预警')),
      warned.join(' | '),
    );
    await page.locator('.taro_page_show .chips__item', { hasText: /^全部$/ }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.taro_page_show .board__list [data-testid="board-row"]').length > n,
      lagging,
    );
    await page.locator('.taro_page_show .chips__item', { hasText: /^滞后 \d+$/ }).click();
  });

  let unitName = '';
  await step('a 滞后 unit’s page gives the light’s own verdict, never 跑在序时前面 beside 滞后', async () => {
    const first = rows.first();
    unitName = (await first.locator('.brow__unit').innerText()).trim();
    await first.click();
    await page.locator('.taro_page_show .uhead__name', { hasText: unitName }).waitFor({ timeout: 15_000 });
    const note = page.locator('.taro_page_show [data-testid="trend-note"]');
    await note.waitFor({ timeout: 15_000 });
    const text = await note.innerText();
    assert.match(text, /灯色看进度比：\d+(\.\d+)?，滞后/);
    assert.doesNotMatch(text, /跑在序时前面/);
    await shot(page, 'board-unit', true);
    await note.scrollIntoViewIfNeeded();
    await shot(page, 'board-unit-trend');
  });

  await step(
    '与其他单位对比 opens the compare page: two units, the radar, the five comparisons, the metrics',
    async () => {
      await page.locator('.taro_page_show [data-testid="open-compare"]').click();
      const heads = page.locator('.taro_page_show [data-testid="compare-head"]');
      await heads.nth(1).waitFor({ timeout: 15_000 });
      assert.match(await heads.first().innerText(), new RegExp(unitName));
      const other = await heads.nth(1).innerText();
      assert.doesNotMatch(other, new RegExp(`^${unitName}`));
      await page.locator('.taro_page_show [data-testid="compare-radar"] canvas').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('.taro_page_show [data-testid^="compare-dim-"]').count(), 5);
      assert.ok((await page.locator('.taro_page_show [data-testid="compare-metric"]').count()) > 0);
      await shot(page, 'board-compare', true);
      await page.locator('.taro_page_show [data-testid="compare-metric"]').first().scrollIntoViewIfNeeded();
      await shot(page, 'board-compare-metrics');
    },
  );

  await step('no script error on the way', async () => {
    assert.deepEqual(errors, []);
  });
});
