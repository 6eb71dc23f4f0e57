/**
 * WeChat's page stack and the navigation APIs over it: tab pages stay alive once opened, switchTab
 * closes the other pages, navigateTo pushes (at most 10), navigateBack pops, each page getting
 * onHide/onShow/onUnload when WeChat gives them. Opening a page (its code and lifecycle) is the caller's.
 */
import type { Router } from './fake-wx';
import type { PageHandle } from './page';

export interface StackOptions {
  /** Every page of the package and its subpackages. */
  routes: Set<string>;
  tabRoutes: string[];
  /** Loads the page and runs onLoad, onShow, onReady; the page is pushed already. */
  open(route: string, query: Record<string, string>, push: (page: PageHandle) => void): PageHandle;
}

export function createPageStack({ routes, tabRoutes, open }: StackOptions) {
  const stack: PageHandle[] = [];
  const tabs = new Map<string, PageHandle>();
  const push = (page: PageHandle) => void stack.push(page);
  const isTab = (route: string) => tabRoutes.includes(route);

  function top(): PageHandle {
    const page = stack[stack.length - 1];
    if (!page) throw new Error('no page is open');
    return page;
  }

  function parse(url: string): { route: string; query: Record<string, string> } {
    const [path = '', search = ''] = url.replace(/^\//, '').split('?');
    if (!routes.has(path)) throw new Error(`page "${path}" is not found`);
    return { route: path, query: Object.fromEntries(new URLSearchParams(search)) };
  }

  const router: Router = {
    async switchTab(url) {
      const { route } = parse(url);
      if (!isTab(route)) throw new Error(`can not switchTab to a page outside the tab bar: ${route}`);
      if (stack.length > 0 && top().route === route) return;
      if (stack.length > 0) top().run('onHide');
      while (stack.length > 0 && !tabs.has(top().route)) stack.pop()!.run('onUnload');
      stack.length = 0;
      const kept = tabs.get(route);
      if (kept) {
        stack.push(kept);
        kept.run('onShow');
      } else {
        tabs.set(route, open(route, {}, push));
      }
    },
    async navigateTo(url) {
      const { route, query } = parse(url);
      if (isTab(route)) throw new Error(`can not navigateTo a tabbar page: ${route}`);
      if (stack.length >= 10) throw new Error('webview count limit exceed');
      if (stack.length > 0) top().run('onHide');
      open(route, query, push);
    },
    async navigateBack(delta) {
      const n = Math.min(Math.max(1, delta), stack.length - 1);
      for (let i = 0; i < n; i++) stack.pop()!.run('onUnload');
      top().run('onShow');
    },
    async redirectTo(url) {
      const { route, query } = parse(url);
      if (isTab(route)) throw new Error(`can not redirectTo a tabbar page: ${route}`);
      stack.pop()?.run('onUnload');
      open(route, query, push);
    },
    async reLaunch(url) {
      const { route, query } = parse(url);
      while (stack.length > 0) stack.pop()!.run('onUnload');
      tabs.clear();
      const page = open(route, query, push);
      if (isTab(route)) tabs.set(route, page);
    },
  };

  return { stack, top, router, isTab };
}
