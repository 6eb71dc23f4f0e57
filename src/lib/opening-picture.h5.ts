/**
 * Browser: the feed's opening picture. WeChat paints a page from its initial rendering cache before the
 * page's code has run; the browser has to load and run the app first (about a second on a slow phone).
 * So, as WeChat does, the top of the feed as last seen is kept as static markup: a script in index.html
 * puts it up at once on the next open, before the app has loaded, and the live feed takes its place once it has
 * painted its own cards (kept ones first: ./kept-feed.ts), a route change, the session ending, or 10 s.
 *
 * The picture is the feed's own elements as they were on screen, from the navigation bar to the tab bar,
 * with Taro's components turned into plain div and span so that nothing upgrades them, with their class
 * names (index.html links the feed's stylesheet, so they look the same; the bars' look, which Taro's
 * script adds, is written on them) and without anything that ages: an element with `data-picture` shows
 * that text instead of its own (a post's author, without "3 分钟前"). It is shown only to the user it was
 * taken for, by the same build of the app, at the same window width and colour scheme (index.html checks).
 */
import Taro from '@tarojs/taro';

const KEY = 'arena.opening';
/** index.html reads this shape; bump both together. */
const VERSION = 1;
/** The element index.html puts the picture in. */
const SHOWN_ID = 'arena-opening';
/** Larger than this, a picture is not worth its storage. */
const MAX_HTML = 80_000;

export interface OpeningPicture {
  v: number;
  userId: string;
  /** The app script's path: another build may draw the feed differently. */
  build: string;
  width: number;
  /** The root font size the app had set for that width (the page's sizes are in rem). */
  rem: string;
  /** The bars' colours are written out: a picture in the other scheme is not shown. */
  dark: boolean;
  /** The navigation bar, the top of the page and the tab bar, each placed in a full-window box. */
  html: string;
}

/** Keeps the feed as it is on screen now for `userId`'s next open, once the browser has a moment. */
export function takeOpeningPicture(userId: string): void {
  const run = () => {
    try {
      const picture = pictureOf(userId);
      if (picture) localStorage.setItem(KEY, JSON.stringify(picture));
    } catch {
      // Only a faster next open is lost (storage full, or nothing to take).
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 500);
}

/** Takes the picture off the screen (the live feed is up, or the person went elsewhere). */
export function dropOpeningPicture(): void {
  document.getElementById(SHOWN_ID)?.remove();
}

/** The feed is the app's first page: the router names it so, or `/` before it has a name. */
const isFeed = (path: string): boolean => path === '/' || path === '' || path.endsWith('pages/feed/index');

/** From app start: a move to any other page takes the picture down at once. */
export function watchOpeningPicture(): void {
  Taro.eventCenter.on('__taroRouterChange', (e: { toLocation?: { path?: string } }) => {
    if (!isFeed(e.toLocation?.path ?? '')) dropOpeningPicture();
  });
}

/** Forgets the picture and takes it off the screen: signing out, another user. */
export function forgetOpeningPicture(): void {
  dropOpeningPicture();
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

function pictureOf(userId: string): OpeningPicture | null {
  const page = document.querySelector<HTMLElement>('.taro_page_show .page.feed');
  const box = page?.closest<HTMLElement>('.taro_page');
  const nav = document.querySelector('.taro-navigation-bar-show');
  const tabs = document.querySelector('.weui-tabbar');
  const build = document.querySelector('script[src*="/js/app."]')?.getAttribute('src');
  if (!page || !box || !nav || !tabs || !build) return null;
  // Still this user's feed with its cards (not signed out, nor the sign-in gate, since it was asked for).
  if (signedInId() !== userId || !page.querySelector('.post')) return null;
  // Scrolled, or pulled down: the next open starts at the top, so would the picture not.
  if (window.scrollY !== 0 || box.scrollTop !== 0) return null;
  const top = page.getBoundingClientRect().top;
  const navHeight = nav.getBoundingClientRect().bottom;
  const tabsTop = tabs.getBoundingClientRect().top;
  const tabsHeight = window.innerHeight - tabsTop;
  if (top < 0 || tabsTop - top < 100 || tabsHeight < 0) return null;
  const copy = plain(page, tabsTop, false);
  const navCopy = plain(nav, tabsTop, true);
  const tabsCopy = plain(tabs, window.innerHeight, true);
  if (!copy || !navCopy || !tabsCopy) return null;
  const html = [
    placed(navCopy, `top:0;height:${navHeight}px`),
    placed(copy, `top:${top}px;bottom:${tabsHeight}px;overflow:hidden;${textStyle(box)}`),
    placed(tabsCopy, `bottom:0;height:${tabsHeight}px`),
  ].join('');
  if (html.length > MAX_HTML) return null;
  return {
    v: VERSION,
    userId,
    build,
    width: window.innerWidth,
    rem: getComputedStyle(document.documentElement).fontSize,
    dark: window.matchMedia('(prefers-color-scheme: dark)').matches,
    html,
  };
}

/** Who is signed in, as index.html reads it (Taro's storage keeps `{data}`). */
function signedInId(): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem('arena.user') ?? 'null') as {
      data?: { id?: unknown };
    } | null;
    return typeof stored?.data?.id === 'string' ? stored.data.id : null;
  } catch {
    return null;
  }
}

/** `copy` in a box across the window at `where`; its own placement (a fixed bar's) is taken off. */
function placed(copy: HTMLElement, where: string): string {
  for (const p of ['position', 'top', 'right', 'bottom', 'left', 'margin']) copy.style.removeProperty(p);
  const box = document.createElement('div');
  box.style.cssText = `position:absolute;left:0;right:0;${where}`;
  box.append(copy);
  return box.outerHTML;
}

/** The page's own text style (font, colour, line height), which it takes from Taro's page box. */
function textStyle(box: Element): string {
  const css = getComputedStyle(box);
  // A ratio, as the page sets it: in px, every smaller text inside would get the page's line height.
  const lineHeight = parseFloat(css.lineHeight) / parseFloat(css.fontSize);
  return [
    `font-family:${css.fontFamily}`,
    `font-size:${css.fontSize}`,
    `line-height:${Number.isFinite(lineHeight) ? lineHeight.toFixed(3) : 'normal'}`,
    `color:${css.color}`,
  ].join(';');
}

/**
 * Components whose look comes from Taro's own stylesheet, which the app's script adds (so it is not there
 * before the app runs): their look is written on the copy. A View and a Text are a block and an inline.
 * The bars' look all comes from there, so theirs is written on every element.
 */
const ownLook = new Set(['taro-button-core', 'taro-image-core', 'img']);
const lookProperties = [
  ...['box-sizing', 'display', 'position', 'top', 'right', 'bottom', 'left', 'overflow', 'opacity'],
  ...['width', 'height', 'margin', 'padding', 'border-width', 'border-style', 'border-color'],
  ...['border-radius', 'background-color', 'color', 'font-family', 'font-size', 'font-weight'],
  ...['line-height', 'text-align', 'text-decoration-line', 'white-space', 'vertical-align', 'object-fit'],
  ...['flex-direction', 'flex-wrap', 'align-items', 'justify-content', 'flex-grow', 'flex-shrink'],
  'flex-basis',
];

/**
 * `el` as plain elements, without what lies below `bottom` (px from the top of the window) and without
 * what ages; `look`: with every element's look written on it.
 */
function plain(el: Element, bottom: number, look: boolean): HTMLElement | null {
  if (el.getBoundingClientRect().top >= bottom) return null;
  const tag = el.tagName.toLowerCase();
  if (tag === 'svg' || tag === 'script' || tag === 'style') return null;
  if (tag === 'img') return image(el as HTMLImageElement);
  const out = document.createElement(tag === 'taro-text-core' || tag === 'span' ? 'span' : 'div');
  for (const name of ['class', 'style', 'data-testid']) {
    const value = el.getAttribute(name);
    if (value) out.setAttribute(name, value);
  }
  if (look || ownLook.has(tag)) writeLook(el, out);
  // What of the element's text stays true (a post's author, not "3 分钟前").
  const lasting = el.getAttribute('data-picture');
  if (lasting !== null) {
    out.textContent = lasting;
    return out;
  }
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out.append(child.textContent ?? '');
    else if (child.nodeType === Node.ELEMENT_NODE) {
      const c = plain(child as Element, bottom, look);
      if (c) out.append(c);
    }
  }
  return out;
}

/** An image as it showed, if it came from this server (the next open has it cached) or with the page. */
function image(img: HTMLImageElement): HTMLElement | null {
  const src = img.getAttribute('src') ?? '';
  const own = src.startsWith('/') && !src.startsWith('//');
  if (!own && !src.startsWith('data:image/')) return null;
  const out = document.createElement('img');
  out.setAttribute('src', src);
  out.setAttribute('alt', '');
  writeLook(img, out);
  return out;
}

function writeLook(from: Element, to: HTMLElement): void {
  const css = getComputedStyle(from);
  for (const p of lookProperties) to.style.setProperty(p, css.getPropertyValue(p));
}
