/**
 * 挂图作战 and 难题销号 in the browser (issue 12), as two people: a unit's 填报员 opens 挂图作战 from 榜, finds
 * a task of their own unit, raises a problem on it (the form says what is missing first), starts it and
 * marks it 已解决 with how it was solved; a 督办员, signed in on another phone through the demo's role
 * chooser, finds it under 我 › 待销号 and closes it off (销号) with a note; the problem's page shows every
 * step as a timeline, the reporter's page shows it closed with no buttons left, and 拆槛除障 counts one more
 * closed. Screenshots: e2e/screenshots/tasks-*.png.
 * Run: `npm run build:h5`, then `node --import tsx e2e/tasks.e2e.ts`.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { phonePage, runBrowserTest, shot, tab } from './harness';

const shown = '.taro_page_show';

/** A phone of its own (its own storage), signed in as `role` through the demo's role chooser. */
async function signIn(browser: Browser, base: string, role: string, errors: string[]): Promise<Page> {
  const page = await phonePage(browser);
  page.on('pageerror', (e) => errors.push(`${role}: ${e.message}`));
  await page.goto(`${base}/`);
  await page.locator(`${shown} [data-testid="role-option"]`, { hasText: role }).click({ timeout: 30_000 });
  await page.locator(`${shown} .post`).first().waitFor({ timeout: 30_000 });
  return page;
}

/** Types into a field of the open form (Taro's H5 input or textarea inside it). */
async function fill(page: Page, field: string, value: string): Promise<void> {
  await page
    .locator(`${shown} [data-testid="field-${field}"]`)
    .locator('input, textarea')
    .first()
    .fill(value);
}

const sheet = (page: Page) => page.locator(`${shown} [data-testid="sheet"]`);
const submit = (page: Page) => page.locator(`${shown} [data-testid="sheet-submit"]`).click();

/** The card of the problem titled `title` on the page shown. */
const card = (page: Page, title: string) =>
  page.locator(`${shown} [data-testid="problem-card"]`, { hasText: title });

async function closedCount(page: Page): Promise<number> {
  const total = await page.locator(`${shown} [data-testid="blockers-total"]`).innerText();
  return Number(/已销号 (\d+)/.exec(total)?.[1] ?? NaN);
}

runBrowserTest('tasks', async ({ browser, base, step }) => {
  const errors: string[] = [];
  const title = `浏览器测试：配套道路用地未移交 ${Date.now().toString(36)}`;
  let reporter: Page;
  let supervisor: Page;
  let closedBefore = 0;

  await step('a 督办员 reads 拆槛除障: the bars by cause on a canvas, the figures written out', async () => {
    supervisor = await signIn(browser, base, '督办员', errors);
    await tab(supervisor, '榜');
    await supervisor.locator(`${shown} [data-testid="link-blockers"]`).click();
    await supervisor.locator(`${shown} [data-testid="blockers-chart"] canvas`).waitFor({ timeout: 30_000 });
    assert.equal(await supervisor.locator(`${shown} [data-testid="blockers-category"]`).count(), 7);
    closedBefore = await closedCount(supervisor);
    assert.ok(closedBefore > 0, 'the demo has problems closed off');
    assert.ok(
      (await supervisor.locator(`${shown} [data-testid="problem-card"]`).count()) > 0,
      'oldest open listed',
    );
    await shot(supervisor, 'tasks-blockers', true);
  });

  await step('a 填报员 opens 挂图作战 from 榜: tasks by track, each light in words', async () => {
    reporter = await signIn(browser, base, '填报员', errors);
    await tab(reporter, '榜');
    await reporter.locator(`${shown} [data-testid="link-tasks"]`).click();
    await reporter.locator(`${shown} [data-testid="task-card"]`).first().waitFor({ timeout: 30_000 });
    const groups = await reporter
      .locator(`${shown} [data-testid="task-group"] .section-title`)
      .allInnerTexts();
    assert.deepEqual(
      groups.map((g) => g.replace(/ · \d+ 项$/, '')),
      ['百日攻坚', '百日招商', '百日服务'],
    );
    const lights = await reporter.locator(`${shown} [data-testid="task-card"] .light`).allInnerTexts();
    assert.ok(
      lights.every((l) => /^[●▲■✓]\s*(正常|预警|滞后|完成)$/.test(l.trim())),
      lights.join(' | '),
    );
    await shot(reporter, 'tasks-board', true);
  });

  await step('本单位 leaves the unit’s own tasks; one opens with its people and 提出难题', async () => {
    await reporter.locator(`${shown} .chips__item`, { hasText: /^本单位$/ }).click();
    const first = reporter.locator(`${shown} [data-testid="task-card"]`).first();
    await first.waitFor({ timeout: 15_000 });
    await first.click();
    await reporter.locator(`${shown} [data-testid="task-people"]`).waitFor({ timeout: 30_000 });
    assert.match(await reporter.locator(`${shown} [data-testid="task-people"]`).innerText(), /联系市领导/);
    await reporter.locator(`${shown} [data-testid="raise"]`).waitFor();
    await shot(reporter, 'tasks-task', true);
  });

  await step('提出难题 first says what is missing at each field, then raises it', async () => {
    await reporter.locator(`${shown} [data-testid="raise"]`).click();
    await submit(reporter);
    const errorsShown = await reporter.locator(`${shown} .field__error`).allInnerTexts();
    assert.deepEqual(errorsShown, ['⚠ 请填写难题', '⚠ 请选择难题类别', '⚠ 请选择办结期限']);
    assert.match(await reporter.locator(`${shown} [data-testid="sheet-error"]`).innerText(), /还有 3 处/);
    await shot(reporter, 'tasks-raise-errors');
    await fill(reporter, 'title', title);
    await fill(reporter, 'detail', '道路红线内 12 亩地未移交，影响管网进场。');
    await reporter
      .locator(`${shown} [data-testid="field-category"] .chips__item`, { hasText: '土地' })
      .click();
    // The date picker (drawn over the page, outside it) opens on today; 确定 takes it.
    await reporter.locator(`${shown} [data-testid="pick-dueDate"]`).click();
    await reporter.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await reporter.locator(`${shown} [data-testid="pick-dueDate"]`, { hasText: '前办结' }).waitFor();
    await submit(reporter);
    await sheet(reporter).waitFor({ state: 'detached', timeout: 15_000 });
    await card(reporter, title).waitFor({ timeout: 15_000 });
    assert.match(await card(reporter, title).locator('[data-testid="problem-status"]').innerText(), /待处理/);
  });

  await step('the unit starts it, and marks it 已解决 only with how it was solved', async () => {
    await card(reporter, title).locator('[data-testid="step-in_progress"]').click();
    await submit(reporter);
    await sheet(reporter).waitFor({ state: 'detached', timeout: 15_000 });
    await card(reporter, title).locator('[data-testid="problem-status"]', { hasText: '处理中' }).waitFor();
    await card(reporter, title).locator('[data-testid="step-resolved"]').click();
    await submit(reporter);
    await reporter.locator(`${shown} .field__error`, { hasText: '请填写解决情况' }).waitFor();
    await fill(reporter, 'note', '已与自然资源局办结移交手续，管网单位进场。');
    await submit(reporter);
    await sheet(reporter).waitFor({ state: 'detached', timeout: 15_000 });
    await card(reporter, title).locator('[data-testid="problem-status"]', { hasText: '已解决' }).waitFor();
    // 销号 is a supervisor's step: nothing is left for the unit
    assert.equal(await card(reporter, title).locator('.steps__btn').count(), 0);
    await card(reporter, title).scrollIntoViewIfNeeded();
    await shot(reporter, 'tasks-resolved');
  });

  await step('the 督办员 finds it under 我 › 待销号 and closes it off with a note', async () => {
    await supervisor.goBack();
    await tab(supervisor, '我');
    const entry = supervisor.locator(`${shown} [data-testid="problems-entry-close"]`);
    await entry.waitFor({ timeout: 15_000 });
    await entry.locator('.me__count').waitFor({ timeout: 15_000 });
    await shot(supervisor, 'tasks-me-close', true);
    await entry.click();
    await card(supervisor, title).waitFor({ timeout: 30_000 });
    assert.deepEqual(await card(supervisor, title).locator('.steps__btn').allInnerTexts(), [
      '销号',
      '重新打开',
    ]);
    await card(supervisor, title).scrollIntoViewIfNeeded();
    await shot(supervisor, 'tasks-close-list');
    await card(supervisor, title).locator('[data-testid="step-closed"]').click();
    await submit(supervisor);
    await supervisor.locator(`${shown} .field__error`, { hasText: '请填写销号意见' }).waitFor();
    await fill(supervisor, 'note', '现场核实已移交，同意销号。');
    await shot(supervisor, 'tasks-close-form');
    await submit(supervisor);
    await sheet(supervisor).waitFor({ state: 'detached', timeout: 15_000 });
    // Closed off: no longer waiting
    await card(supervisor, title).waitFor({ state: 'detached', timeout: 15_000 });
  });

  await step('拆槛除障 counts one more problem closed off', async () => {
    await supervisor.goBack();
    await tab(supervisor, '榜');
    await supervisor.locator(`${shown} [data-testid="link-blockers"]`).click();
    await supervisor.locator(`${shown} [data-testid="blockers-total"]`).waitFor({ timeout: 30_000 });
    await supervisor.waitForFunction(
      (n) =>
        (
          document.querySelector('.taro_page_show [data-testid="blockers-total"]')?.textContent ?? ''
        ).includes(`已销号 ${n}`),
      closedBefore + 1,
      { timeout: 15_000 },
    );
    await shot(supervisor, 'tasks-blockers-after', true);
  });

  await step(
    'the reporter sees it 已销号; its page shows every step as a timeline: who, when, from → to, the note',
    async () => {
      await reporter.reload();
      await card(reporter, title).waitFor({ timeout: 30_000 });
      assert.match(
        await card(reporter, title).locator('[data-testid="problem-status"]').innerText(),
        /已销号/,
      );
      await card(reporter, title).locator('.pcard__title').click();
      await reporter.locator(`${shown} [data-testid="timeline"]`).waitFor({ timeout: 30_000 });
      const steps = await reporter
        .locator(`${shown} [data-testid="timeline-item"] .tl__step`)
        .allInnerTexts();
      assert.deepEqual(steps, [
        '提出难题（待处理）',
        '待处理 → 处理中',
        '处理中 → 已解决',
        '已解决 → 已销号',
      ]);
      const who = await reporter.locator(`${shown} [data-testid="timeline-item"] .tl__who`).allInnerTexts();
      assert.notEqual(who[2]!.split(' · ')[0], who[3]!.split(' · ')[0], 'resolved and closed by two people');
      assert.ok(
        who.every((w) => / · \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(w)),
        who.join(' | '),
      );
      const notes = await reporter
        .locator(`${shown} [data-testid="timeline-item"] .tl__note`)
        .allInnerTexts();
      assert.ok(notes.includes('现场核实已移交，同意销号。'), notes.join(' | '));
      assert.equal(await reporter.locator(`${shown} .pb__step`).count(), 0, 'nothing left to do');
      await shot(reporter, 'tasks-problem', true);
    },
  );

  await step('the reporter’s 我 lists 我的待办难题 without the closed one', async () => {
    // The task page was reloaded, so it has no way back: open 我 afresh.
    await reporter.goto(`${base}/#/pages/me/index`);
    const entry = reporter.locator(`${shown} [data-testid="problems-entry-mine"]`);
    await entry.locator('.me__count').waitFor({ timeout: 15_000 });
    assert.match(await entry.innerText(), /我的待办难题\s*(无|\d+\+? 个)/);
    await shot(reporter, 'tasks-me-mine', true);
    await entry.click();
    await reporter.locator(`${shown} .pl__title`, { hasText: '我的待办难题' }).waitFor({ timeout: 15_000 });
    await reporter
      .locator(`${shown} .pl [data-testid="problem-card"], ${shown} .pl .state`)
      .first()
      .waitFor({ timeout: 15_000 });
    assert.equal(await card(reporter, title).count(), 0, 'closed off: no longer to do');
    const statuses = await reporter.locator(`${shown} .pl [data-testid="problem-status"]`).allInnerTexts();
    assert.ok(
      statuses.every((st) => !st.includes('已销号')),
      statuses.join(' | '),
    );
    await shot(reporter, 'tasks-mine-list', true);
  });

  await step('no script error on either phone', async () => {
    assert.deepEqual(errors, []);
  });
});
