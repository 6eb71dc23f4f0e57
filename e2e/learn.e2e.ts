/**
 * 学 and reactions in the browser (issue 14), as two people on phones of their own: a 填报员 likes the newest
 * post in 晒 (shown at once, still there after a reload) and comments on it in the half-screen sheet; the
 * demo 市领导 钱振国 opens the same post's comments, adds a 点评 (listed first, marked, with his name) and
 * recommends the post as 经验做法 with a reason; 学 then shows it with the reason and who recommended it,
 * and 各组前三 lists each division's top units. The 填报员 is told of the 点评 in 消息. In dark mode at twice the
 * text size, 学 and the comments sheet keep their tap targets at 44 × 44.
 * Screenshots: e2e/screenshots/learn-*.png.
 * Run: `npm run build:h5`, then `node --import tsx e2e/learn.e2e.ts`.
 */
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { phonePage, runBrowserTest, shot, tab } from './harness';

const shown = '.taro_page_show:not(.taro_page_shade)';
const COMMENT = '夜间施工的审批办法我们想学，能否分享一下流程？';
const REMARK = '做法实、见效快，请市发改局总结推广。';
const REASON = '夜间施工审批一站办，项目开工提速';

/** A phone of its own (its own storage), signed in as `role` through the demo's role chooser. */
async function signIn(browser: Browser, base: string, role: string, errors: string[]): Promise<Page> {
  const page = await phonePage(browser);
  page.on('pageerror', (e) => errors.push(`${role}: ${e.message}`));
  await page.goto(`${base}/`);
  await page.locator(`${shown} [data-testid="role-option"]`, { hasText: role }).click({ timeout: 30_000 });
  await page.locator(`${shown} .post`).first().waitFor({ timeout: 30_000 });
  return page;
}

/** The feed's card of the post, found by its unit and author (the newest post, on both phones). */
const cardOf = (page: Page, who: { unit: string; by: string }): Locator =>
  page
    .locator(`${shown} [data-testid="post-card"]`)
    .filter({ has: page.locator('.post__unit', { hasText: who.unit }) })
    .filter({ has: page.locator('.post__by', { hasText: who.by }) })
    .first();

/** Types into Taro's browser textarea or input inside `box`. */
async function typeInto(box: Locator, selector: 'textarea' | 'input', text: string): Promise<void> {
  await box.locator(selector).first().fill(text);
}

/** Fails naming every visible element of `selectors` smaller than 44 × 44 CSS px (UX.md). */
async function smallerThanTap(page: Page, selectors: string[]): Promise<void> {
  const small: string[] = [];
  for (const sel of selectors) {
    const all = await page.locator(sel).all();
    assert.ok(all.length > 0, `${sel} is on the page`);
    for (const el of all) {
      const box = await el.boundingBox();
      if (box && (box.width + 0.5 < 44 || box.height + 0.5 < 44))
        small.push(
          `${sel} “${(await el.innerText()).trim()}” ${box.width.toFixed(0)}×${box.height.toFixed(0)}`,
        );
    }
  }
  assert.deepEqual(small, []);
}

runBrowserTest('learn', async ({ browser, base, step }) => {
  const errors: string[] = [];
  let reporter: Page;
  let leader: Page;
  const post = { unit: '', by: '' };
  let likes = 0;

  await step(
    '晒 opens with a 学 link; the 填报员 likes the newest post: 已赞 at once, kept after a reload',
    async () => {
      reporter = await signIn(browser, base, '填报员', errors);
      assert.match(await reporter.locator(`${shown} [data-testid="learn-link"]`).innerText(), /学/);
      const first = reporter.locator(`${shown} [data-testid="post-card"]`).first();
      post.unit = (await first.locator('.post__unit').innerText()).trim();
      post.by = (await first.locator('.post__by').getAttribute('data-picture')) ?? '';
      const like = cardOf(reporter, post).locator('[data-testid="like"]');
      const before = (await like.innerText()).replace(/\s+/g, '');
      assert.match(before, /^♡赞(\d+)?$/, `not liked yet: ${before}`);
      likes = Number(before.replace(/\D+/g, '') || 0);
      const answered = reporter.waitForResponse((r) =>
        (r.request().postData() ?? '').includes('"post.react"'),
      );
      await like.click();
      assert.equal((await like.innerText()).replace(/\s+/g, ''), `♥已赞${likes + 1}`);
      const answer = (await (await answered).json()) as unknown;
      assert.deepEqual(answer, { ok: true, data: { likes: likes + 1, likedByMe: true } });
      // After a reload the cards kept from the last open show first; the fresh ones carry the 赞.
      await reporter.reload();
      await cardOf(reporter, post)
        .locator('[data-testid="like"]', { hasText: `已赞 ${likes + 1}` })
        .waitFor({ timeout: 30_000 });
      assert.equal(await reporter.locator(`${shown} [data-testid="feed-kept"]`).count(), 0);
      await shot(reporter, 'learn-liked', true);
    },
  );

  await step(
    '评论 opens the sheet; an empty send is refused in words; the comment is listed and counted',
    async () => {
      const card = cardOf(reporter, post);
      const before = Number(
        (await card.locator('[data-testid="open-comments"]').innerText()).replace(/\D+/g, '') || 0,
      );
      await card.locator('[data-testid="open-comments"]').click();
      const sheet = reporter.locator('[data-testid="comments-sheet"]:visible');
      await sheet.waitFor({ timeout: 10_000 });
      await sheet.locator('[data-testid="comment-send"]').click();
      assert.match(await sheet.locator('[data-testid="comment-error"]').innerText(), /请先写下评论内容/);
      await typeInto(sheet, 'textarea', COMMENT);
      assert.equal(
        (await sheet.locator('[data-testid="comment-count"]').innerText()).trim(),
        `${COMMENT.length} / 500`,
      );
      await sheet.locator('[data-testid="comment-send"]').click();
      await sheet.locator('[data-testid="comment"]', { hasText: COMMENT }).waitFor({ timeout: 15_000 });
      assert.equal(await sheet.locator('[data-testid="comment-error"]').count(), 0);
      await shot(reporter, 'learn-comments');
      assert.equal(
        (await card.locator('[data-testid="open-comments"]').innerText()).trim(),
        `评论 ${before + 1}`,
      );
      await sheet.locator('[data-testid="sheet-close"]').click();
      await sheet.waitFor({ state: 'detached', timeout: 5_000 });
      assert.equal(await reporter.locator(`${shown} [data-testid="recommend"]`).count(), 0, 'not a 填报员’s');
    },
  );

  await step('钱振国 adds a 点评: listed first, marked 点评 with his name', async () => {
    leader = await signIn(browser, base, '市领导', errors);
    const card = cardOf(leader, post);
    await card.waitFor({ timeout: 30_000 });
    await card.locator('[data-testid="open-comments"]').click();
    const sheet = leader.locator('[data-testid="comments-sheet"]:visible');
    await sheet.locator('[data-testid="comment"]', { hasText: COMMENT }).waitFor({ timeout: 15_000 });
    assert.equal((await sheet.locator('[data-testid="comment-send"]').innerText()).trim(), '发布点评');
    await typeInto(sheet, 'textarea', REMARK);
    await sheet.locator('[data-testid="comment-send"]').click();
    await sheet.locator('[data-testid="comment"]', { hasText: REMARK }).waitFor({ timeout: 15_000 });
    const items = sheet.locator('[data-testid="comment"]');
    const firstItem = await items.first().innerText();
    assert.match(firstItem, /点评/);
    assert.match(firstItem, /钱振国 · 市领导/);
    assert.match(firstItem, new RegExp(REMARK));
    assert.match(await items.nth(1).innerText(), new RegExp(COMMENT));
    await shot(leader, 'learn-remark');
    await sheet.locator('[data-testid="sheet-close"]').click();
    await sheet.waitFor({ state: 'detached', timeout: 5_000 });
  });

  await step(
    '钱振国 recommends it as 经验做法 with a reason: the card shows the mark, why and by whom',
    async () => {
      const card = cardOf(leader, post);
      await card.locator('[data-testid="recommend"]').click();
      const sheet = leader.locator('[data-testid="reason-sheet"]:visible');
      await sheet.waitFor({ timeout: 10_000 });
      await sheet.locator('[data-testid="reason-submit"]').click();
      assert.match(await sheet.locator('[data-testid="reason-error"]').innerText(), /请用一句话写明推荐理由/);
      await typeInto(sheet, 'input', REASON);
      await shot(leader, 'learn-reason');
      await sheet.locator('[data-testid="reason-submit"]').click();
      await sheet.waitFor({ state: 'detached', timeout: 15_000 });
      const badge = await card.locator('[data-testid="exemplar"]').innerText();
      assert.match(badge, /★ 经验做法/);
      assert.match(badge, new RegExp(REASON));
      assert.match(badge, /钱振国 推荐/);
      assert.equal((await card.locator('[data-testid="unrecommend"]').innerText()).trim(), '取消推荐');
      await card.scrollIntoViewIfNeeded();
      await shot(leader, 'learn-marked');
    },
  );

  await step(
    '学 (from 晒) shows it with the reason and who recommended it; 各组前三 each division’s top units',
    async () => {
      await leader.locator(`${shown} [data-testid="learn-link"]`).click();
      const list = leader.locator(`${shown} [data-testid="learn-exemplars"]`);
      await list.waitFor({ timeout: 30_000 });
      const cards = list.locator('[data-testid="post-card"]');
      assert.equal(await cards.count(), 1);
      const text = await cards.first().innerText();
      assert.match(text, new RegExp(post.unit));
      assert.match(text, new RegExp(REASON));
      assert.match(text, /钱振国 推荐/);
      assert.match(text, /评论 2/);
      await shot(leader, 'learn-exemplars', true);
      await leader.locator(`${shown} [data-testid="learn-tab-leaders"]`).click();
      const divisions = leader.locator(`${shown} [data-testid="learn-division"]`);
      await divisions.first().waitFor({ timeout: 10_000 });
      assert.ok((await divisions.count()) > 1, 'several divisions');
      for (const d of await divisions.all()) {
        const ranks = await d.locator('.lunit__rank').allInnerTexts();
        assert.deepEqual(ranks.map(Number).slice(0, 1), [1], 'each division starts with its first');
        assert.ok(ranks.length <= 3 && ranks.length > 0, ranks.join(','));
        for (const s of await d.locator('.lunit__score').allInnerTexts()) assert.match(s, /^\d+\.\d 分$/);
      }
      await shot(leader, 'learn-leaders', true);
      const unit = (await divisions.first().locator('.lunit__name').first().innerText()).trim();
      await divisions.first().locator('[data-testid="learn-unit"]').first().click();
      await leader.locator(`${shown} .uhead__name`, { hasText: unit }).waitFor({ timeout: 30_000 });
      await leader.goBack();
    },
  );

  await step('学 is also on 榜; the 填报员 finds the 点评 in 消息', async () => {
    await tab(reporter, '榜');
    await reporter.locator(`${shown} [data-testid="learn-link"]`).click();
    await reporter
      .locator(`${shown} [data-testid="learn-exemplars"] [data-testid="exemplar"]`, { hasText: REASON })
      .waitFor({ timeout: 30_000 });
    await reporter.goBack();
    await tab(reporter, '我');
    await reporter.locator(`${shown} [data-testid="messages-entry"]`).click();
    const told = reporter.locator(`${shown} [data-testid="message"]`, {
      hasText: `钱振国点评了「${post.unit}」的动态`,
    });
    await told.waitFor({ timeout: 15_000 });
    assert.match(await told.innerText(), new RegExp(REMARK.slice(0, 8)));
    await shot(reporter, 'learn-told');
  });

  await step(
    'in dark mode and at twice the text size, 学 and the comments sheet keep 44 × 44 targets',
    async () => {
      const dark = await phonePage(browser, { colorScheme: 'dark' });
      dark.on('pageerror', (e) => errors.push(`督办员: ${e.message}`));
      const cdp = await dark.context().newCDPSession(dark);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
      await dark.goto(`${base}/`);
      await dark
        .locator(`${shown} [data-testid="role-option"]`, { hasText: '督办员' })
        .click({ timeout: 30_000 });
      await dark.locator(`${shown} [data-testid="learn-link"]`).click({ timeout: 30_000 });
      const card = dark.locator(`${shown} [data-testid="learn-exemplars"] [data-testid="post-card"]`).first();
      await card.waitFor({ timeout: 30_000 });
      await smallerThanTap(dark, [
        `${shown} [data-testid="learn-link"]`,
        `${shown} .learn__tab`,
        `${shown} .chips__item`,
        `${shown} [data-testid="like"]`,
        `${shown} [data-testid="open-comments"]`,
        `${shown} [data-testid="unrecommend"]`,
      ]);
      await shot(dark, 'learn-dark', true);
      await card.locator('[data-testid="open-comments"]').click();
      const sheet = dark.locator('[data-testid="comments-sheet"]:visible');
      await sheet.locator('[data-testid="comment"]').first().waitFor({ timeout: 15_000 });
      await smallerThanTap(dark, ['[data-testid="sheet-close"]', '[data-testid="comment-send"]']);
      await shot(dark, 'learn-dark-comments');
      await dark.close();
    },
  );

  await step('no script error on either phone', async () => {
    assert.deepEqual(errors, []);
  });
});
