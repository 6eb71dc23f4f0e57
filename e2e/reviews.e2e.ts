/**
 * The monthly 通报 in the browser (issue 13), as two people: the demo 督办员 赵敏 opens 我 › 月度通报, opens the
 * latest closed month (待发布), reads its draft and publishes it with a 按语 after the confirm; the published
 * 通报 shows its division tables with the flagged unit's 约谈 chip, exports the workbook and prints without
 * the app's bars; 晒 shows it as a card among the posts. The flagged unit's leader, on a phone of their own,
 * finds the 约谈 notice in 消息, lands on 约谈 with it marked, and the 督办员 records it held.
 * Screenshots: e2e/screenshots/reviews-*.png.
 * Run: `npm run build:h5`, then `node --import tsx e2e/reviews.e2e.ts`.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { phonePage, runBrowserTest, shot, tab } from './harness';

const shown = '.taro_page_show';
const NOTE = '本月各单位总体推进有力。列入约谈的单位请对照月度目标找差距、补短板。';

/** A phone of its own (its own storage), signed in as `role` through the demo's role chooser. */
async function signIn(browser: Browser, base: string, role: string, errors: string[]): Promise<Page> {
  const page = await phonePage(browser);
  page.on('pageerror', (e) => errors.push(`${role}: ${e.message}`));
  await page.goto(`${base}/`);
  await page.locator(`${shown} [data-testid="role-option"]`, { hasText: role }).click({ timeout: 30_000 });
  await page.locator(`${shown} .post`).first().waitFor({ timeout: 30_000 });
  return page;
}

/** Confirms Taro's browser modal (WeChat's own on a phone) with its verb. */
async function confirmModal(page: Page, verb: string): Promise<void> {
  await page
    .locator('.taro-modal__foot, .taro-modal__footer')
    .getByText(verb, { exact: true })
    .click({ timeout: 10_000 });
}

runBrowserTest('reviews', async ({ browser, base, step }) => {
  const errors: string[] = [];
  let supervisor: Page;
  let leader: Page;
  let month = '';
  let flaggedUnit = '';

  await step('赵敏 opens 我 › 月度通报: months newest first, the latest closed one 待发布', async () => {
    supervisor = await signIn(browser, base, '督办员', errors);
    await tab(supervisor, '我');
    await supervisor.locator(`${shown} .me__name`, { hasText: '赵敏' }).waitFor({ timeout: 15_000 });
    const entries = await supervisor.locator(`${shown} [data-testid^="reviews-entry-"]`).allInnerTexts();
    assert.deepEqual(
      entries.map((e) => e.split('\n')[0]),
      ['月度通报', '约谈', '书面说明', '考核扣分台账'],
    );
    await supervisor.locator(`${shown} [data-testid="reviews-entry-months"]`).click();
    const cards = supervisor.locator(`${shown} [data-testid="month"]`);
    await cards.first().waitFor({ timeout: 30_000 });
    const states = await supervisor.locator(`${shown} [data-testid="month-state"]`).allInnerTexts();
    assert.match(states[0]!, /本月未结束/, 'the running month comes first');
    const pending = states.findIndex((s) => s.includes('待发布'));
    assert.ok(pending > 0, `a closed month waits to be published: ${states.join(' | ')}`);
    month = (await cards.nth(pending).locator('.mo__name').innerText()).trim();
    assert.ok(
      states.slice(pending + 1).some((s) => s.includes('已发布')),
      'the month before it is published',
    );
    await shot(supervisor, 'reviews-months', true);
    await cards.nth(pending).click();
  });

  await step('the draft: rankings per division and metric, the flagged unit named', async () => {
    await supervisor.locator(`${shown} .rv__draft`, { hasText: '草稿' }).waitFor({ timeout: 30_000 });
    assert.equal(
      (await supervisor.locator(`${shown} [data-testid="review-title"]`).innerText()).trim(),
      `${month}月度通报`,
    );
    assert.ok((await supervisor.locator(`${shown} [data-testid="review-table"]`).count()) > 0, 'tables');
    const rows = await supervisor.locator(`${shown} [data-testid="review-row"]`).count();
    assert.ok(rows > 0, 'the draft has rows');
    flaggedUnit = (await supervisor.locator(`${shown} .rflag__unit`).first().innerText()).trim();
    assert.ok(flaggedUnit, 'a unit is called to 约谈');
    await shot(supervisor, 'reviews-draft', true);
  });

  await step('发布通报 asks first, then shows the published 通报 with its 按语 and a 约谈 chip', async () => {
    await supervisor.locator(`${shown} [data-testid="field-note"]`).locator('textarea').first().fill(NOTE);
    await supervisor.locator(`${shown} [data-testid="publish"]`).click();
    const modal = supervisor.locator('.taro-modal__content, .taro-modal__text').first();
    await modal.waitFor({ timeout: 10_000 });
    assert.match(await modal.innerText(), /列入约谈的 \d+ 个单位负责人将收到约谈通知/);
    await shot(supervisor, 'reviews-confirm');
    await confirmModal(supervisor, '发布');
    await supervisor.locator(`${shown} [data-testid="review-note"]`).waitFor({ timeout: 30_000 });
    assert.equal(await supervisor.locator(`${shown} .rv__draft`).count(), 0, 'no longer a draft');
    assert.match(await supervisor.locator(`${shown} .rv__meta`).innerText(), /第 1 版 · .* 发布 · 赵敏/);
    assert.match(
      await supervisor.locator(`${shown} [data-testid="review-note"]`).innerText(),
      /对照月度目标找差距/,
    );
    const division = supervisor.locator(`${shown} [data-testid="review-division"]`).first();
    assert.ok((await division.locator('[data-testid="review-row"]').count()) > 0);
    const chips = await supervisor
      .locator(`${shown} [data-testid="review-table"] [data-testid="level-chip"]`)
      .allInnerTexts();
    assert.ok(chips.length > 0, 'a flagged row carries its 约谈 chip');
    assert.ok(
      chips.every((c) => /约谈(分管|主要)领导/.test(c)),
      chips.join(' | '),
    );
    const flaggedRow = supervisor
      .locator(`${shown} [data-testid="review-row"]`, {
        has: supervisor.locator('[data-testid="level-chip"]'),
      })
      .first();
    assert.match(await flaggedRow.locator('[data-testid="completion"]').innerText(), /未完成/);
    await shot(supervisor, 'reviews-published', true);
    await flaggedRow.scrollIntoViewIfNeeded();
    await shot(supervisor, 'reviews-flagged-row');
  });

  await step('导出 Excel downloads the workbook; 打印 shows the page without the app’s bars', async () => {
    const download = supervisor.waitForEvent('download', { timeout: 30_000 });
    await supervisor.locator(`${shown} [data-testid="export"]`).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.xlsx$/);
    assert.ok(file.suggestedFilename().includes(`${month}通报`), file.suggestedFilename());
    await supervisor.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await supervisor.locator(`${shown} [data-testid="print"]`).click();
    assert.equal(await supervisor.evaluate(() => (window as unknown as { printed: number }).printed), 1);
    assert.ok(await supervisor.evaluate(() => document.body.classList.contains('print-view')));
    assert.equal(await supervisor.locator('.taro-navigation-bar-show:visible').count(), 0, 'bar hidden');
    assert.equal(await supervisor.locator(`${shown} [data-testid="export"]:visible`).count(), 0);
    await shot(supervisor, 'reviews-print', true);
    await supervisor.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.ok(!(await supervisor.evaluate(() => document.body.classList.contains('print-view'))));
  });

  await step('晒 shows the 通报 among the posts; its card opens it', async () => {
    await supervisor.goBack();
    await supervisor.goBack();
    await tab(supervisor, '晒');
    const card = supervisor.locator(`${shown} [data-testid="notice-card"]`, { hasText: `${month}月度通报` });
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    assert.match(text, /📋/);
    assert.match(text, /\d+ 个单位列入约谈/);
    assert.match(text, /按语：本月各单位总体推进有力/);
    await shot(supervisor, 'reviews-feed', true);
    await card.click();
    await supervisor.locator(`${shown} [data-testid="review-note"]`).waitFor({ timeout: 30_000 });
    await supervisor.goBack();
  });

  await step(
    'the flagged unit’s leader finds the 约谈 notice in 消息 and lands on 约谈, it marked',
    async () => {
      leader = await signIn(browser, base, '单位负责人', errors);
      await tab(leader, '我');
      await leader.locator(`${shown} [data-testid="demo-toggle"]`).click();
      await leader
        .locator(`${shown} [data-testid="demo-user"]`, { hasText: `单位负责人 · ${flaggedUnit}` })
        .first()
        .click();
      await leader.locator(`${shown} .me__line`, { hasText: flaggedUnit }).waitFor({ timeout: 15_000 });
      assert.match(
        await leader.locator(`${shown} [data-testid="reviews-entry-interviews"]`).innerText(),
        /约谈\s*本单位/,
      );
      await leader.locator(`${shown} [data-testid="messages-entry"]`).click();
      const notice = leader.locator(`${shown} [data-testid="message"]`, { hasText: '约谈通知' }).first();
      await notice.waitFor({ timeout: 15_000 });
      assert.match(await notice.innerText(), new RegExp(`${flaggedUnit}.*列入${month}通报约谈名单`));
      assert.match(await notice.innerText(), /查看约谈 ›/);
      await shot(leader, 'reviews-leader-messages');
      await notice.click();
      const marked = leader.locator(`${shown} .ritem--focus[data-testid="interview"]`);
      await marked.waitFor({ timeout: 30_000 });
      const card = await marked.innerText();
      assert.match(card, new RegExp(flaggedUnit));
      assert.match(card, /待约谈/);
      assert.match(card, /约谈(分管|主要)领导/);
      assert.match(card, /期限：/);
      assert.equal(
        await leader.locator(`${shown} [data-testid="record"]`).count(),
        0,
        'recording is not theirs',
      );
      await shot(leader, 'reviews-leader-interview', true);
    },
  );

  await step('the 督办员 records it held, after the confirm; the leader sees 已约谈', async () => {
    await tab(supervisor, '我');
    await supervisor.locator(`${shown} [data-testid="reviews-entry-interviews"]`).click();
    const card = supervisor.locator(`${shown} [data-testid="interview"]`, { hasText: flaggedUnit }).first();
    await card.waitFor({ timeout: 30_000 });
    await card.locator('[data-testid="record"]').click();
    await supervisor.locator(`${shown} [data-testid="sheet-submit"]`).click();
    await supervisor.locator(`${shown} .field__error`, { hasText: '请填写约谈情况' }).waitFor();
    await supervisor
      .locator(`${shown} [data-testid="field-text"]`)
      .locator('textarea')
      .first()
      .fill('已约谈分管领导，单位表态月底前补齐进度。');
    await shot(supervisor, 'reviews-record-form');
    await supervisor.locator(`${shown} [data-testid="sheet-submit"]`).click();
    await confirmModal(supervisor, '记录');
    await supervisor
      .locator(`${shown} [data-testid="sheet"]`)
      .waitFor({ state: 'detached', timeout: 15_000 });
    await leader.reload();
    const held = leader.locator(`${shown} .ritem--focus[data-testid="interview"]`, { hasText: '已约谈' });
    await held.waitFor({ timeout: 30_000 });
    assert.match(await held.innerText(), /单位表态月底前补齐进度/);
    await shot(leader, 'reviews-leader-held', true);
  });

  await step('no script error on either phone', async () => {
    assert.deepEqual(errors, []);
  });
});
