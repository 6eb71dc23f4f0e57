/**
 * Browser test of figure entry on 发布 (the real server in demo mode, the H5 build, a phone viewport): a
 * reporter of 龙山镇 lowers a count — the form asks for the reason beside that figure and the post goes with
 * it, then shows the result (rank and the gap to the unit above); a typo ("1e5" in a 亿元 field) is refused
 * at the field, kept as typed and scrolled into view; a big jump asks for confirmation before it is sent.
 * Run: `node --import tsx e2e/post-entry.e2e.ts` after `npm run build:h5`.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { phonePage, runBrowserTest, shot, tab } from './harness';

const UNIT = '龙山镇';
const ROBOTS = 'm-fw-robots'; // 新增工业机器人, a count
const EXPORTS = 'm-fw-exports'; // 外贸出口, in 亿元

const field = (page: Page, metricId: string) =>
  page.locator(`.taro_page_show [data-testid="metric-${metricId}"]`);

/** The field's current value, from "当前 5 台 · 目标 …". */
async function currentOf(page: Page, metricId: string): Promise<number> {
  const facts = await field(page, metricId).locator('.mfield__facts').innerText();
  const m = /当前 ([\d.]+)/.exec(facts);
  assert.ok(m, `a current value in «${facts}»`);
  return Number(m[1]);
}

async function openEditor(page: Page): Promise<void> {
  await tab(page, '晒');
  await page.locator('.taro_page_show .feed__post').click();
  await page.locator('.taro_page_show .editor__send').waitFor({ timeout: 15_000 });
}

const send = (page: Page) => page.locator('.taro_page_show .editor__send').click();

/** Whether the element is inside the viewport now. */
const inView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);

runBrowserTest('post-entry', async ({ browser, base, step }) => {
  const page = await phonePage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await step(`signs in as a reporter of ${UNIT}`, async () => {
    await page.goto(`${base}/`);
    // The demo opens on its role chooser: take 填报员, then switch to a reporter of the unit on 我.
    const chooser = page.locator('.taro_page_show [data-testid="role-option"]', { hasText: '填报员' });
    await chooser.or(page.locator('.taro_page_show .post').first()).first().waitFor({ timeout: 30_000 });
    if (await chooser.count()) await chooser.click();
    await page.locator('.taro_page_show .post').first().waitFor({ timeout: 30_000 });
    await tab(page, '我');
    await page.locator('.taro_page_show [data-testid="demo-toggle"]').click();
    await page
      .locator('.taro_page_show [data-testid="demo-user"]', { hasText: `填报员 · ${UNIT}` })
      .first()
      .click();
    await page.locator('.taro_page_show .me__who', { hasText: UNIT }).waitFor({ timeout: 15_000 });
  });

  let exportsNow = 0;
  await step('a lowered count asks for the reason beside that figure, and posts with it', async () => {
    await openEditor(page);
    exportsNow = await currentOf(page, EXPORTS);
    const robots = await currentOf(page, ROBOTS);
    assert.ok(robots >= 1, 'a count above 0 to lower');
    await field(page, ROBOTS)
      .locator('input')
      .fill(String(robots - 1));
    const reason = field(page, ROBOTS).locator('.editor__reason');
    await reason.waitFor({ timeout: 5_000 });
    await send(page);
    await page
      .locator('.taro_page_show .editor__summary', { hasText: '更正原因' })
      .waitFor({ timeout: 5_000 });
    await page.waitForTimeout(500);
    assert.ok(await inView(page, '.taro_page_show #editor-reason'), 'the reason box is scrolled into view');
    await shot(page, 'post-entry-reason');
    await reason.locator('textarea').fill('上次多报了 1 台，按验收单更正');
    await send(page);
    const result = page.locator('.taro_page_show [data-testid="post-result"]');
    await result.waitFor({ timeout: 15_000 });
    const text = await result.innerText();
    assert.match(text, /发布成功/);
    assert.match(text, new RegExp(`新增工业机器人：${robots} 台 → ${robots - 1} 台`));
    assert.match(text, new RegExp(`${UNIT} · .+组内第 \\d+`));
    assert.match(text, /距组内上一名还差 [\d.]+ 分|组内第一|同分/);
    assert.doesNotMatch(text, /correctionReason/);
    await shot(page, 'post-entry-result', true);
    await result.locator('text=再发一条').click();
    await page.locator('.taro_page_show .editor__send').waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      (want) =>
        document
          .querySelector('.taro_page_show [data-testid="metric-m-fw-robots"] .mfield__facts')
          ?.textContent?.includes(`当前 ${want} 台`),
      robots - 1,
      { timeout: 15_000 },
    );
  });

  await step('a typo is refused at its field, kept as typed, and scrolled to', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await field(page, EXPORTS).locator('input').fill('1e5');
    await page.locator('.taro_page_show .editor__textarea textarea').last().fill('e2e 笔误');
    await page.locator('.taro_page_show .editor__send').scrollIntoViewIfNeeded();
    await send(page);
    const error = field(page, EXPORTS).locator('.mfield__error');
    await error.waitFor({ timeout: 5_000 });
    assert.match(await error.innerText(), /「1e5」不是数字/);
    assert.equal(await field(page, EXPORTS).locator('input').inputValue(), '1e5');
    await page.waitForTimeout(500);
    assert.ok(await inView(page, `.taro_page_show #mfield-${EXPORTS}`), 'the field with the typo is in view');
    assert.ok(!(await page.locator('.taro_page_show [data-testid="post-result"]').count()), 'nothing posted');
    await shot(page, 'post-entry-typo');
  });

  await step('a big jump asks for confirmation, and posts once confirmed', async () => {
    const jump = Number((exportsNow + 14.4).toFixed(2));
    await field(page, EXPORTS).locator('input').fill(String(jump));
    await send(page);
    const modal = page.locator('.taro__modal');
    await modal.locator('.taro-modal__text').waitFor({ state: 'visible', timeout: 5_000 });
    assert.match(await modal.locator('.taro-modal__text').innerText(), /比上次多 14\.4 亿元，是否确认？/);
    await shot(page, 'post-entry-confirm');
    await modal.locator('.taro-model__cancel').click();
    await page.waitForTimeout(500);
    assert.equal(
      await page.locator('.taro_page_show [data-testid="post-result"]').count(),
      0,
      'not sent after 再改改',
    );
    await send(page);
    await modal.locator('.taro-model__confirm').waitFor({ state: 'visible', timeout: 5_000 });
    await modal.locator('.taro-model__confirm').click();
    const result = page.locator('.taro_page_show [data-testid="post-result"]');
    await result.waitFor({ timeout: 15_000 });
    assert.match(await result.innerText(), new RegExp(`外贸出口：${exportsNow} 亿元 → ${jump} 亿元`));
    await result.locator('text=返回动态').click();
    await page.locator('.taro_page_show .feed__post').waitFor({ timeout: 15_000 });
  });

  assert.deepEqual(errors, [], 'no page errors');
});
