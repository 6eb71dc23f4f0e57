/**
 * Browser test of the feed kept on the device (src/lib/kept-feed.ts, src/lib/opening-picture.h5.ts): a
 * reporter who comes back sees the feed as last seen at once — a picture of it before the app has loaded,
 * then the kept cards, with the loading mark by the title — while the campaign and the posts are asked for
 * together; the fresh cards then take their place, including a post another unit made meanwhile. Offline,
 * the kept cards stay with the reason and 重试. After 退出登录 nothing of the feed is left on the device,
 * and the next open shows nobody's cards.
 * Run: `node --import tsx e2e/feed-kept.e2e.ts` (scripts/test-e2e.mjs runs every e2e/*.e2e.ts).
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { runBrowserTest, tab, type BrowserTest } from './harness';

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const keptKeys = ['arena.feed', 'arena.opening'];

/** One action on the server, as the app sends it. */
async function api<T>(base: string, action: string, data: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}/api/arena`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  assert.ok(body.ok, `${action}: ${body.error?.message}`);
  return body.data;
}

/** Records, from the first byte of the page, what the opening picture's first card said, if it came. */
const watchPicture = `(() => {
  new MutationObserver((_, o) => {
    const card = document.querySelector('#arena-opening .post__unit');
    if (!card) return;
    window.__pictureUnit = card.textContent;
    o.disconnect();
  }).observe(document, { childList: true, subtree: true });
})();`;

const firstCard = (page: Page) => page.locator('.taro_page_show .post').first();
const keptOnDevice = (page: Page) =>
  page.evaluate((keys) => keys.filter((k) => localStorage.getItem(k) !== null), keptKeys);

/** A new page of `context` on the feed, its API requests held until `release()`. */
async function openHeld(context: BrowserContext, base: string) {
  const page = await context.newPage();
  const held: Route[] = [];
  let holding = true;
  await page.route('**/api/arena', (route) => void (holding ? held.push(route) : route.continue()));
  await page.addInitScript({ content: watchPicture });
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  const release = async () => {
    holding = false;
    await Promise.all(held.map((r) => r.continue()));
  };
  return { page, held, release };
}

async function run({ browser, base, step }: BrowserTest) {
  const context = await browser.newContext(phone);
  const errors: string[] = [];
  context.on('page', (p) => p.on('pageerror', (e) => errors.push(e.message)));

  let keptUnit = '';
  let me = '';
  await step('a reporter signs in; the feed it saw is kept on the device for the next open', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.locator('.taro_page_show [data-testid="role-option"]', { hasText: '填报员' }).click();
    await firstCard(page).waitFor({ timeout: 30_000 });
    keptUnit = await firstCard(page).locator('.post__unit').innerText();
    me = await page.evaluate(
      () => (JSON.parse(localStorage.getItem('arena.user') ?? '{}') as { data: { id: string } }).data.id,
    );
    await page.waitForFunction((keys) => keys.every((k) => localStorage.getItem(k) !== null), keptKeys, {
      timeout: 20_000,
    });
    await page.close();
  });

  const news = `另一单位刚发的进展 ${Date.now()}`;
  await step('meanwhile another unit posts', async () => {
    const { users } = await api<{ users: { id: string; role: string; unitId: string | null }[] }>(
      base,
      'auth.demoUsers',
      {},
    );
    const other = users.find((u) => u.role === 'reporter' && u.unitId && u.id !== me);
    assert.ok(other?.unitId, 'another demo reporter');
    const { token } = await api<{ token: string }>(base, 'auth.demoLogin', { userId: other.id });
    await api(
      base,
      'post.create',
      { unitId: other.unitId, text: news, requestId: `e2e-kept-${Date.now()}` },
      token,
    );
  });

  await step(
    'opening again: the picture, then the kept cards marked as refreshing, before any answer; both asked at once',
    async () => {
      const { page, held, release } = await openHeld(context, base);
      await firstCard(page).waitFor({ timeout: 30_000 });
      assert.equal(await firstCard(page).locator('.post__unit').innerText(), keptUnit);
      assert.equal(await page.getByText(news).count(), 0, 'the new post is not there yet');
      assert.equal(
        await page.evaluate(() => (window as unknown as { __pictureUnit?: string }).__pictureUnit),
        keptUnit,
        'the opening picture showed the kept top card before the app had loaded',
      );
      await page.locator('#arena-opening').waitFor({ state: 'detached', timeout: 10_000 });
      await page.locator('.taro-navigation-bar-loading-show').waitFor({ timeout: 10_000 });
      // The posts do not wait for the campaign: both are out, unanswered; the unread badge comes after them.
      const asked = () => held.map((r) => (r.request().postDataJSON() as { action: string }).action);
      for (
        let i = 0;
        i < 100 && !(asked().includes('campaign.current') && asked().includes('post.list'));
        i++
      )
        await page.waitForTimeout(100);
      const order = asked();
      assert.ok(order.includes('campaign.current') && order.includes('post.list'), order.join());
      if (order.includes('notify.list'))
        assert.ok(order.indexOf('notify.list') > order.indexOf('post.list'), order.join());

      await release();
      await firstCard(page).getByText(news).waitFor({ timeout: 30_000 });
      await page.locator('.taro-navigation-bar-loading-show').waitFor({ state: 'detached', timeout: 10_000 });
      await page.close();
    },
  );

  await step('offline, the kept cards stay, saying why and offering 重试', async () => {
    const page = await context.newPage();
    await page.route('**/api/arena', (route) => void route.abort('internetdisconnected'));
    await page.goto(`${base}/`);
    const note = page.locator('.taro_page_show [data-testid="feed-kept"]');
    await note.waitFor({ timeout: 30_000 });
    assert.match(await note.innerText(), /没能更新.*以下是.*保存的动态/s);
    await firstCard(page).getByText(news).waitFor();
    await page.unroute('**/api/arena');
    await note.getByText('重试', { exact: true }).click();
    await note.waitFor({ state: 'detached', timeout: 30_000 });
    await firstCard(page).getByText(news).waitFor();

    await tab(page, '我');
    await page.locator('.taro_page_show [data-testid="sign-out"]').click();
    await page.locator('.taro-modal__foot, .taro-modal__footer').getByText('退出').click();
    await page.locator('[data-testid="role-chooser"]:visible').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await keptOnDevice(page), [], '退出登录 leaves nothing of the feed on the device');
    await page.close();
  });

  await step('after 退出登录 the next open shows nobody’s cards, not even for a moment', async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: watchPicture });
    await page.goto(`${base}/`);
    await page.locator('.taro_page_show [data-testid="role-option"]').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.post').count(), 0);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __pictureUnit?: string }).__pictureUnit),
      undefined,
    );
    await page.close();
  });

  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
}

runBrowserTest('feed-kept', run);
