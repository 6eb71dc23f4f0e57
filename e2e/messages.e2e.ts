/**
 * Browser test of messages, sign-in and sign-out: the demo opens on its role chooser; the 09:00 reminder
 * run (the job the server's hourly scheduler runs) reminds units that have not posted for 7 days; a
 * reporter of such a unit sees the count on the 我 tab, taps 该晒进度了 in 消息 and lands on 发布进展; 退出登录
 * ends the session and the chooser is back. The server's scheduler ticks on the real clock's hours, and the
 * demo's units each post every 1–5 days up to today, so the test runs the same reminder job itself on the
 * server's database as it would run ten days from now at 09:30 Shanghai, when every unit has been idle 7+ days.
 * Run: `node --import tsx e2e/messages.e2e.ts` (scripts/test-e2e.mjs runs every e2e/*.e2e.ts).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createSqliteStore } from '../adapters/sqlite';
import { nodeIds } from '../adapters/node';
import { runDueJobs } from '../core/app';
import { fixedClock } from '../server/platform';
import { phonePage, runBrowserTest, shot, tab, type BrowserTest } from './harness';

/** 09:30 in Shanghai ten days from now: the reminder job is due, and the demo campaign still runs (day 51 of 100). */
function tenDaysOnAtNineThirty(): number {
  const day = new Date(Date.now() + 8 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
  return Date.parse(`${day}T09:30:00+08:00`);
}

/** Runs the reminder jobs on the server's database; answers the demo reporters it reminded, by name. */
async function remind(dataDir: string): Promise<string[]> {
  const sqlite = createSqliteStore({ file: join(dataDir, 'arena.db') });
  try {
    const deps = {
      store: sqlite.store,
      clock: fixedClock(tenDaysOnAtNineThirty()),
      ids: nodeIds,
      settings: { demo: true, rateLimitPerMinute: 600, sessionTtlMs: 86_400_000 },
      notifiers: [],
    };
    const summary = await runDueJobs(deps);
    assert.deepEqual(summary.ran, ['no_post', 'problem_overdue', 'task_due', 'interview_due', 'explanation_due'], 'the 09:00 reminder jobs ran');
    assert.ok(summary.sent > 0, 'demo units idle for 7 days are reminded');
    const reminded: string[] = [];
    for (const u of await sqlite.store.people.listUsers()) {
      if (u.role !== 'reporter') continue;
      const { items } = await sqlite.store.notifications.listNotifications({ userId: u.id, limit: 5 });
      if (items.some((n) => n.kind === 'no_post')) reminded.push(u.name);
    }
    return reminded;
  } finally {
    sqlite.close();
  }
}

async function run({ browser, base, dataDir, step }: BrowserTest) {
  const page: Page = await phonePage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.dismiss());

  await step(
    'first open shows the role chooser, each role with what it does, and signs nobody in',
    async () => {
      await page.goto(`${base}/`);
      const options = page.locator('.taro_page_show [data-testid="role-option"]');
      await options.first().waitFor({ timeout: 30_000 });
      const names = await page.locator('.taro_page_show .roles__name').allInnerTexts();
      assert.deepEqual(names, ['填报员', '单位负责人', '督办员', '市领导', '管理员']);
      assert.equal(await page.locator('.taro_page_show .roles__duty').count(), 5);
      assert.equal(await page.locator('.taro_page_show .post').count(), 0);
      await shot(page, 'role-chooser');
    },
  );

  let reporter = '';
  await step('picking 填报员 signs in, and the choice survives a reload', async () => {
    await page.locator('.taro_page_show [data-testid="role-option"]', { hasText: '填报员' }).click();
    await page.locator('.taro_page_show .post').first().waitFor({ timeout: 30_000 });
    await page.reload();
    await page.locator('.taro_page_show .post').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.taro_page_show [data-testid="role-chooser"]').count(), 0);
  });

  await step('on a slow network, tapping a unit shows its shell at once, then the page', async () => {
    await tab(page, '榜');
    const row = page.locator('.taro_page_show .brow:visible').first();
    await row.waitFor({ timeout: 15_000 });
    // From here the code chunks (the unit page's, with the chart library) take 4 s to come.
    await page.route('**/js/*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue();
    });
    await row.click();
    const shell = page.locator('[data-testid="opening-shell"]');
    await shell.waitFor({ timeout: 2000 });
    assert.match(await shell.innerText(), /正在打开单位/);
    await shot(page, 'unit-opening');
    await page.locator('.taro_page_show .uhead__name').waitFor({ timeout: 30_000 });
    assert.equal(await shell.count(), 0);
    await page.unroute('**/js/*.js');
    await page.goBack();
  });

  await step(
    'the 09:00 reminder run reaches a reporter of an idle unit; 我 shows the count on its tab',
    async () => {
      const reminded = await remind(dataDir);
      assert.ok(reminded.length > 0, 'a demo reporter was reminded');
      await tab(page, '我');
      await page.locator('.taro_page_show [data-testid="demo-toggle"]').click();
      const pick = page.locator('.taro_page_show [data-testid="demo-user"]', { hasText: reminded[0]! });
      reporter = (await pick.first().locator('.demo__name').innerText()).trim();
      await pick.first().click();
      await page.locator('.taro_page_show .me__name', { hasText: reporter }).waitFor({ timeout: 15_000 });
      await page.locator('.taro_page_show .me__badge').waitFor({ timeout: 15_000 });
      // The tab bar's badge, without a reload.
      const badge = page.locator('.weui-tabbar__item', { hasText: '我' }).locator('.weui-badge');
      await badge.waitFor({ timeout: 15_000 });
      assert.match((await badge.innerText()).trim(), /^\d+$/);
      await shot(page, 'me-badge', true);
    },
  );

  await step('tapping 该晒进度了 in 消息 lands on 发布进展', async () => {
    await page.locator('.taro_page_show [data-testid="messages-entry"]').click();
    const reminder = page
      .locator('.taro_page_show [data-testid="message"]', { hasText: '该晒进度了' })
      .first();
    await reminder.waitFor({ timeout: 15_000 });
    assert.match(await reminder.innerText(), /去发布进展/);
    await shot(page, 'messages');
    await reminder.click();
    await page.locator('.taro_page_show .editor__send').waitFor({ timeout: 15_000 });
    await shot(page, 'reminder-to-post');
  });

  await step(
    '退出登录 on 我 ends the session: the chooser is back and the old token is refused',
    async () => {
      const token = await page.evaluate(() => localStorage.getItem('arena.token'));
      assert.ok(token, 'a token while signed in');
      await page.goBack();
      await page.goBack();
      await tab(page, '我');
      await page.locator('.taro_page_show [data-testid="sign-out"]').click();
      await page.locator('.taro-modal__foot, .taro-modal__footer').getByText('退出').click();
      await page.locator('[data-testid="role-chooser"]:visible').first().waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => localStorage.getItem('arena.token')), null);
      const raw = JSON.parse(token) as { data?: unknown } | string;
      const bearer = typeof raw === 'string' ? raw : String(raw.data);
      const res = await fetch(`${base}/api/arena`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ action: 'me.get', data: {} }),
      });
      const body = (await res.json()) as { ok: boolean; error?: { code: string } };
      assert.equal(body.error?.code, 'UNAUTHENTICATED');
      await shot(page, 'signed-out');
    },
  );

  assert.deepEqual(errors, []);
}

runBrowserTest('messages', run);
