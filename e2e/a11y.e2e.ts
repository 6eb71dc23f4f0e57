/**
 * Accessibility in the browser (issue 10, UX.md "Large fonts and dark mode"): on 晒, 榜, the unit page, 我,
 * 消息 and 发布 every tap target is at least 44 × 44 CSS px; at twice the browser's text size the
 * placeholders fit their inputs and the bars' text grows; with the system in dark mode the pages are dark.
 * Screenshots of each page at 2× text and in dark mode go to e2e/screenshots/a11y-*.png.
 * Run: `npm run build:h5`, then `node --import tsx e2e/a11y.e2e.ts`.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { phonePage, runBrowserTest, shot, tab } from './harness';

const MIN = 44;
/** The page on screen: tab pages left behind keep taro_page_show but get taro_page_shade. */
const P = '.taro_page_show:not(.taro_page_shade)';

/** Sets the browser's own text size (what a user changes in the browser's or WebView's settings). */
async function textSize(page: Page, px: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round(px * 0.8125) } });
}

/**
 * Every visible tap target on the current page and the bars: buttons, links, tabs, [role=button] and any
 * element React gave an onClick. Returns the ones smaller than 44 × 44, described.
 */
async function smallTargets(page: Page): Promise<{ checked: number; small: string[] }> {
  return page.evaluate(
    ({ min, sel }) => {
      const roots = [
        document.querySelector(sel),
        document.querySelector('.taro-navigation-bar-show'),
        document.querySelector('.weui-tabbar'),
      ].filter((e): e is Element => e !== null);
      const taps = (window as unknown as { __a11yTaps: WeakSet<EventTarget> }).__a11yTaps;
      const isTarget = (el: Element): boolean =>
        taps.has(el) ||
        el.matches(
          'button, a, taro-button-core, [role=button], [role=tab], .taro-navigation-bar-back, .taro-navigation-bar-home',
        );
      const seen = new Set<Element>();
      const small: string[] = [];
      for (const root of roots) {
        for (const el of [root, ...root.querySelectorAll('*')]) {
          if (!isTarget(el)) continue;
          // A target inside another target (a button's inner element) is the same tap.
          if (el.parentElement && [...seen].some((s) => s.contains(el))) continue;
          const style = getComputedStyle(el);
          // Layout size, not the drawn box: a page sliding in is scaled while it moves.
          const box = { width: (el as HTMLElement).offsetWidth, height: (el as HTMLElement).offsetHeight };
          if (
            style.display === 'none' ||
            style.visibility === 'hidden' ||
            box.width === 0 ||
            box.height === 0
          )
            continue;
          seen.add(el);
          if (box.width + 0.5 < min || box.height + 0.5 < min) {
            const name =
              (el as HTMLElement).innerText?.trim().slice(0, 12) || el.className.toString().slice(0, 40);
            small.push(
              `${el.tagName.toLowerCase()} “${name}” ${box.width.toFixed(0)}×${box.height.toFixed(0)}`,
            );
          }
        }
      }
      return { checked: seen.size, small };
    },
    { min: MIN, sel: P },
  );
}

async function assertTargets(page: Page, where: string): Promise<number> {
  const { checked, small } = await smallTargets(page);
  assert.ok(checked > 0, `${where}: found tap targets`);
  assert.deepEqual(small, [], `${where}: tap targets under ${MIN}×${MIN}`);
  return checked;
}

/** Opens the demo and picks 填报员 on its role chooser, so 发布 opens; `atChooser` runs on the chooser. */
async function signInAsReporter(page: Page, base: string, atChooser?: (page: Page) => Promise<void>) {
  await page.goto(`${base}/`);
  const reporter = page.locator(`${P} [data-testid="role-option"]`, { hasText: '填报员' });
  await reporter.waitFor({ timeout: 30_000 });
  await atChooser?.(page);
  await reporter.click();
  await page.locator(`${P} .post`).first().waitFor({ timeout: 30_000 });
}

type Visit = (page: Page, name: string) => Promise<void>;

/** Walks 晒, 榜, the unit page, 我 (demo list open), 消息 and 发布, calling `visit` on each. */
async function walk(page: Page, visit: Visit): Promise<void> {
  // Each page is looked at once its transition has ended.
  const settled: Visit = async (p, name) => {
    await p.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
    await visit(p, name);
  };
  await tab(page, '晒');
  await page.locator(`${P} .post`).first().waitFor({ timeout: 15_000 });
  await settled(page, 'feed');
  await tab(page, '榜');
  await page.locator(`${P} .board__pinned [data-testid="board-row"]`).waitFor({ timeout: 15_000 });
  await settled(page, 'board');
  await page.locator(`${P} .board__pinned [data-testid="board-row"]`).click();
  await page.locator(`${P} .uhead__name`).waitFor({ timeout: 20_000 });
  await settled(page, 'unit');
  await page.goBack();
  await tab(page, '我');
  await page.locator(`${P} .me__name`).waitFor({ timeout: 15_000 });
  if ((await page.locator(`${P} [data-testid="demo-user"]`).count()) === 0) {
    await page.locator(`${P} [data-testid="demo-toggle"]`).click();
  }
  await settled(page, 'me');
  await page.locator(`${P} [data-testid="messages-entry"]`).click();
  await page.locator(`${P} .msgs__bar, ${P} .state`).first().waitFor({ timeout: 15_000 });
  await settled(page, 'messages');
  await page.goBack();
  await tab(page, '晒');
  await page.locator(`${P} .feed__post`).click();
  await page.locator(`${P} .editor__send`).waitFor({ timeout: 15_000 });
  await settled(page, 'post');
  await page.goBack();
}

/** The placeholders that do not fit their input's box (text wider, or the box shorter than a line). */
async function cutPlaceholders(page: Page): Promise<{ checked: number; cut: string[] }> {
  return page.evaluate((sel) => {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.appendChild(probe);
    const cut: string[] = [];
    const inputs = [...document.querySelectorAll(`${sel} input[placeholder]`)] as HTMLInputElement[];
    for (const input of inputs) {
      const style = getComputedStyle(input);
      // The placeholder's own font (it may be set smaller than the input's).
      probe.style.font = getComputedStyle(input, '::placeholder').font || style.font;
      probe.textContent = input.placeholder;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const line = parseFloat(style.fontSize) * 1.15;
      if (probe.offsetWidth > room + 0.5 || input.clientHeight + 0.5 < line) {
        cut.push(
          `“${input.placeholder}”: ${probe.offsetWidth}px of text in ${room}px, box ${input.clientHeight}px`,
        );
      }
    }
    probe.remove();
    return { checked: inputs.length, cut };
  }, P);
}

/** Script errors on any page of the test; none is expected. */
const errors: string[] = [];

async function newPhone(
  browser: Browser,
  base: string,
  colorScheme: 'light' | 'dark',
  atChooser?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await phonePage(browser, { colorScheme });
  page.on('pageerror', (e) => errors.push(e.message));
  // Marks every element that gets a click listener (Taro's components attach them to the element), so
  // tappable views count as targets too.
  // (A set, not an attribute: custom elements add listeners in their constructors, where attributes are
  // not allowed.)
  await page.addInitScript(`{
    const taps = (window.__a11yTaps = new WeakSet());
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (type === 'click' || type === 'tap') taps.add(this);
      return add.call(this, type, ...rest);
    };
  }`);
  // tsx names the functions inside evaluate() callbacks with a helper the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await signInAsReporter(page, base, atChooser);
  return page;
}

runBrowserTest('a11y', async ({ browser, base, step }) => {
  let chooser = 0;
  const page = await newPhone(browser, base, 'light', async (p) => {
    chooser = await assertTargets(p, 'role chooser');
  });

  await step('every tap target on 晒, 榜, the unit page, 我, 消息 and 发布 is at least 44×44', async () => {
    const counts: string[] = [];
    await walk(page, async (p, name) => {
      counts.push(`${name} ${await assertTargets(p, name)}`);
    });
    console.log(`    targets checked: chooser ${chooser}, ${counts.join(', ')}`);
  });

  await step('at twice the text size the text grows, placeholders fit and targets stay 44×44', async () => {
    const base16 = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const tab16 = await page
      .locator('.weui-tabbar__label')
      .first()
      .evaluate((e) => getComputedStyle(e).fontSize);
    assert.ok(parseFloat(tab16) >= 12, `tab labels at least 12 px at normal size: ${tab16}`);
    await textSize(page, base16 * 2);
    await page.waitForTimeout(300);
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.equal(body, base16 * 2, 'the page text follows the browser text size');
    const grown = await page.evaluate(() => ({
      tab: parseFloat(getComputedStyle(document.querySelector('.weui-tabbar__label')!).fontSize),
      title: document.querySelector('.taro-navigation-bar-title')!.getBoundingClientRect().height,
      titleText: parseFloat(getComputedStyle(document.querySelector('.taro-navigation-bar-title')!).fontSize),
      // How far the lowest tab label reaches past the bottom of the tab bar and of the screen.
      tabOverflow: Math.max(
        ...[...document.querySelectorAll('.weui-tabbar__label')].map(
          (l) =>
            l.getBoundingClientRect().bottom -
            Math.min(
              window.innerHeight,
              document.querySelector('.weui-tabbar')!.getBoundingClientRect().bottom,
            ),
        ),
      ),
    }));
    assert.ok(grown.tab >= 2 * parseFloat(tab16) - 0.5, `tab labels grow: ${tab16} → ${grown.tab}px`);
    assert.ok(grown.tabOverflow <= 0.5, `tab labels inside the tab bar: ${grown.tabOverflow}px past it`);
    assert.ok(
      grown.title >= grown.titleText * 1.15,
      `the title is not cut: ${grown.title}px box, ${grown.titleText}px text`,
    );
    const fits: string[] = [];
    await walk(page, async (p, name) => {
      await assertTargets(p, `${name} at 2× text`);
      await shot(p, `a11y-2x-${name}`, true);
      if (name === 'post') {
        const { checked, cut } = await cutPlaceholders(p);
        assert.ok(checked > 0, 'the post form has inputs with placeholders');
        assert.deepEqual(cut, [], 'placeholders cut at 2× text');
        fits.push(`${checked} placeholders fit`);
      }
    });
    console.log(`    body ${base16} → ${body}px; tab label ${tab16} → ${grown.tab}px; ${fits.join('')}`);
  });
  await page.close();

  await step('in the system’s dark mode every page is dark and its text light', async () => {
    const dark = await newPhone(browser, base, 'dark');
    const lum = (rgb: string): number => {
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      return (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;
    };
    await walk(dark, async (p, name) => {
      const colours = await p.evaluate((sel) => {
        const page = document.querySelector(sel)!;
        const card = page.querySelector(
          '.post, .me__card, .ucard, .board__time, .editor__card, .msg, .state',
        );
        return {
          page: getComputedStyle(page).backgroundColor,
          text: getComputedStyle(page).color,
          card: card ? getComputedStyle(card).backgroundColor : null,
          nav: getComputedStyle(document.querySelector('.taro-navigation-bar-show')!).backgroundColor,
          tabbar: getComputedStyle(document.querySelector('.weui-tabbar')!).backgroundColor,
        };
      }, P);
      assert.ok(lum(colours.page) < 0.15, `${name}: the page background is dark (${colours.page})`);
      assert.ok(lum(colours.text) > 0.7, `${name}: the text is light (${colours.text})`);
      if (colours.card) assert.ok(lum(colours.card) < 0.2, `${name}: cards are dark (${colours.card})`);
      assert.ok(lum(colours.nav) < 0.2, `${name}: the navigation bar is dark (${colours.nav})`);
      assert.ok(lum(colours.tabbar) < 0.2, `${name}: the tab bar is dark (${colours.tabbar})`);
      await shot(p, `a11y-dark-${name}`, true);
    });
    await dark.close();
    assert.deepEqual(errors, [], 'no script errors');
  });
});
