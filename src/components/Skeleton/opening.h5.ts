/**
 * Browser: a page in its own code chunk (the unit page carries the chart library, hundreds of KB) shows
 * nothing until that chunk has come, and on a slow network the tap seems lost. The router announces the
 * move before it loads anything (`__taroRouterChange`); if the new page is not there shortly after, this
 * puts the page's shell with a skeleton over the old one, and takes it away once the new page is in the
 * document, or on the next move (a back while it loads, or a chunk that never came).
 */
import Taro from '@tarojs/taro';
import './index.scss';

/** A page that loads within this long shows no shell at all (no flash). */
export const SHELL_AFTER_MS = 150;
/** A shell never stays longer than this: the page's own error or the old page shows again. */
const SHELL_AT_MOST_MS = 30_000;

interface Watched {
  /** The route's path, as the router names it (no query). */
  path: string;
  /** Finds the page in the document once it is there. */
  selector: string;
  hint: string;
}

const shellHtml = (hint: string): string => {
  const card =
    '<div class="skel__card"><div class="skel__bar"></div><div class="skel__bar"></div><div class="skel__bar skel__bar--short"></div></div>';
  return `<div class="skel" aria-busy="true" aria-label="${hint}"><div class="skel__card skel__card--head"><div class="skel__bar skel__bar--title"></div><div class="skel__bar skel__bar--short"></div></div>${card.repeat(3)}<span class="skel__hint">${hint}</span></div>`;
};

/** Starts watching moves to `pages`; returns the stop (for tests). */
export function showShellWhileOpening(pages: Watched[]): () => void {
  let shell: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let observer: MutationObserver | null = null;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    observer?.disconnect();
    observer = null;
    shell?.remove();
    shell = null;
  };

  const onChange = (e: { toLocation?: { path?: string } }) => {
    clear();
    const path = e.toLocation?.path ?? '';
    const page = pages.find((p) => path === p.path || path.endsWith(p.path));
    if (!page) return;
    const arrived = () => document.querySelector(page.selector) !== null;
    timer = setTimeout(() => {
      timer = null;
      if (arrived()) return;
      shell = document.createElement('div');
      shell.className = 'skel-opening';
      shell.setAttribute('data-testid', 'opening-shell');
      const bar = document.querySelector('.taro-navigation-bar-wrap, .taro-navigation-bar-no-icon');
      shell.style.top = `${bar ? bar.getBoundingClientRect().bottom : 0}px`;
      shell.innerHTML = shellHtml(page.hint);
      document.body.appendChild(shell);
      observer = new MutationObserver(() => arrived() && clear());
      observer.observe(document.body, { childList: true, subtree: true });
      timer = setTimeout(clear, SHELL_AT_MOST_MS);
    }, SHELL_AFTER_MS);
  };

  Taro.eventCenter.on('__taroRouterChange', onChange);
  return () => {
    Taro.eventCenter.off('__taroRouterChange', onChange);
    clear();
  };
}
