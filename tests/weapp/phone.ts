/**
 * The simulated phone: boots a built mini-program (dist/weapp) in the sandbox with the recording `wx`,
 * runs App's onLaunch/onShow, opens pages on WeChat's page stack (./page-stack.ts) with their
 * onLoad/onShow/onReady, and waits for the app to settle so a test reads what setData has delivered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from './backend';
import { readTags, walk } from './data-tree';
import { createCanvasNode, type FakeCanvas } from './fake-canvas';
import { createFakeWx } from './fake-wx';
import { createPage, type PageHandle } from './page';
import { createPageStack } from './page-stack';
import { createSandbox, describeError } from './sandbox';
import { createTasks } from './tasks';

export interface PhoneOptions {
  dist: string;
  backend: Backend;
  openid: string;
  sdkVersion?: string;
  subscribeAnswer?: (ids: string[]) => Record<string, string>;
}

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
}

/** The canvas's CSS size on a 375-wide phone (.chart: 100% wide, 480rpx high). */
const CANVAS = { width: 343, height: 240 };

export function bootPhone(o: PhoneOptions) {
  if (!existsSync(join(o.dist, 'app.js')))
    throw new Error(`${o.dist}/app.js is missing: run npm run build:weapp first`);
  const appJson = JSON.parse(readFileSync(join(o.dist, 'app.json'), 'utf8')) as AppJson;
  const tabRoutes = (appJson.tabBar?.list ?? []).map((t) => t.pagePath);
  const routes = new Set([
    ...appJson.pages,
    ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
  ]);
  const tags = readTags(o.dist);
  const tasks = createTasks();
  const gesture = { tap: false };
  const started = Date.now();
  const canvases = new Map<string, FakeCanvas>();
  const { stack, top, router, isTab } = createPageStack({ routes, tabRoutes, open });

  const fake = createFakeWx({
    tasks,
    toRealm: (v) => sandbox.realm.toRealm(v),
    backend: o.backend,
    openid: o.openid,
    router: () => router,
    gesture,
    scope: {
      tagOf: (id) => {
        for (const n of walk(top().root())) if (n.uid === id || n.sid === id) return top().tagOf(n);
        return null;
      },
      canvas: (id) => {
        const known = canvases.get(id) ?? createCanvasNode(CANVAS.width, CANVAS.height);
        canvases.set(id, known);
        return { node: known.node, ...CANVAS };
      },
    },
    ...(o.sdkVersion ? { sdkVersion: o.sdkVersion } : {}),
    ...(o.subscribeAnswer ? { subscribeAnswer: o.subscribeAnswer } : {}),
  });
  const sandbox = createSandbox({
    dist: o.dist,
    wx: fake.wx,
    tasks,
    pages: () => stack.map((p) => p.instance),
  });
  const pageContext = {
    tasks,
    toRealm: sandbox.realm.toRealm,
    tags,
    gesture,
    clock: () => Date.now() - started,
  };

  /** Loads the page's code (and the custom components its json uses), then onLoad, onShow, onReady. */
  function open(route: string, query: Record<string, string>, push: (page: PageHandle) => void): PageHandle {
    const json = JSON.parse(readFileSync(join(o.dist, `${route}.json`), 'utf8')) as {
      usingComponents?: Record<string, string>;
    };
    const dir = route.split('/').slice(0, -1).join('/');
    for (const path of Object.values(json.usingComponents ?? {})) {
      sandbox.load(`${join(dir, path).replace(/\\/g, '/')}.js`);
    }
    const page = createPage(sandbox.pageConfig(route), route, query, pageContext);
    push(page);
    page.run('onLoad', sandbox.realm.toRealm(query));
    page.run('onShow');
    page.run('onReady');
    return page;
  }

  function failIfErrors(): void {
    const first = tasks.errors[0];
    if (first) {
      const e = first.error;
      throw new Error(`the app threw in ${first.where}: ${describeError(e, o.dist)}`);
    }
  }

  /** Waits until nothing is in flight and no timer is due: every setData has reached the page. */
  async function settle(timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    let quietRounds = 0;
    while (quietRounds < 3) {
      if (Date.now() > end) throw new Error(`the app did not settle within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
      failIfErrors();
      quietRounds = tasks.quiet(40) ? quietRounds + 1 : 0;
    }
  }

  async function waitFor(what: string, ok: () => boolean, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!ok()) {
      failIfErrors();
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}; ${top().route} reads: ${top().text()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  return {
    wx: fake,
    logs: sandbox.logs,
    errors: tasks.errors,
    canvases,
    realm: sandbox.realm,
    /** Runs app.js, then App's onLaunch and onShow, and opens the first page as WeChat does at a cold start. */
    async launch(): Promise<PageHandle> {
      sandbox.load('app.js');
      const app = sandbox.app();
      const entry = appJson.pages[0]!;
      const options = sandbox.realm.toRealm({ path: entry, query: {}, scene: 1001, referrerInfo: {} });
      for (const hook of ['onLaunch', 'onShow']) {
        const fn = app[hook];
        if (typeof fn === 'function') tasks.guard(`App ${hook}`, () => void fn.call(app, options));
      }
      failIfErrors();
      if (isTab(entry)) await router.switchTab(entry);
      else await router.reLaunch(entry);
      await settle();
      return top();
    },
    /** The tab bar: what a tap on a tab does. */
    async tab(route: string): Promise<PageHandle> {
      await router.switchTab(route);
      await settle();
      return top();
    },
    current: top,
    stack,
    settle,
    waitFor,
    close: () => tasks.dispose(),
  };
}

export type Phone = ReturnType<typeof bootPhone>;
