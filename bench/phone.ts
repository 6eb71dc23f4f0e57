/**
 * The phone (issue 11, goal 5): the H5 feed on an emulated slow 4G (1.6 Mbps down, 150 ms round trip) with
 * 4× CPU throttling, in Debian's Chromium, against the real server on the demo data (server/spawn.ts, as the
 * browser tests start it). A demo reporter signs in once without throttling; then the feed is opened
 * signed in with an empty HTTP cache and nothing of the feed kept on the device (cold), and once more in
 * the same browser context (warm), which has what the cold open cached and kept once it had settled
 * (src/lib/kept-feed.ts, src/lib/opening-picture.h5.ts). Each is timed from the navigation's start to the
 * first paint and to the first post card on screen; bytes are what crossed the network (compressed,
 * headers included), and the JavaScript part of them.
 * Run: `node --import tsx bench/phone.ts` (needs dist/h5: `npm run build:h5`). PHONE_RUNS=n (default 3)
 * takes the median of n rounds; PHONE_TRACE=1 prints each round's requests as a waterfall.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';
import { withDemoBrowser } from '../e2e/harness';

const root = join(__dirname, '..');

/** Chrome DevTools' "Slow 4G" as the issue names it, and a mid-range phone's CPU. */
export const phoneConditions = {
  downloadKbps: 1600,
  uploadKbps: 750,
  latencyMs: 150,
  cpuSlowdown: 4,
} as const;

/** What the app keeps on the device for the next open (the feed's first page, its opening picture). */
const keptKeys = ['arena.feed', 'arena.opening'];

/** Targets: the first post card from a cold cache, and from a warm one. */
export const phoneTargets = { coldFirstCardMs: 3000, warmFirstCardMs: 1000 } as const;

export interface PhoneOpen {
  /** From the navigation's start. */
  firstPaintMs: number;
  firstCardMs: number;
  /** Over the network, as encoded (compressed) plus headers. */
  bytes: number;
  jsBytes: number;
  requests: number;
}

export interface PhoneFigures {
  cold: PhoneOpen;
  warm: PhoneOpen;
  /** Rounds each figure is the median of. */
  runs: number;
}

interface Request {
  url: string;
  type: string;
  startS: number;
  endS: number | null;
  bytes: number;
  cached: boolean;
  encoding: string | null;
}

const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

/**
 * Records, in the page, when the first post card is on screen: the animation frame after it enters the
 * DOM with a size, which is when it is painted. A string, not a function: tsx would add helpers to a
 * function's source that the page does not have.
 */
const watchFirstCard = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstCardMs !== undefined || window.__cardSeen) return;
    const card = document.querySelector('.post');
    if (!card) return;
    const r = card.getBoundingClientRect();
    if (r.height <= 0 || r.top >= window.innerHeight) return;
    window.__cardSeen = true;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstCardMs = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: phoneConditions.latencyMs,
    downloadThroughput: (phoneConditions.downloadKbps * 1000) / 8,
    uploadThroughput: (phoneConditions.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: phoneConditions.cpuSlowdown });
}

/** Opens the feed in a new page of `context`, throttled, and measures it. */
async function openFeed(
  context: BrowserContext,
  base: string,
  trace: ((line: string) => void) | null,
  settle = false,
): Promise<PhoneOpen> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, Request>();
  cdp.on('Network.requestWillBeSent', (e) => {
    // Inline images (data: URLs) cost no transfer.
    if (e.request.url.startsWith('data:')) return;
    requests.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? 'Other',
      startS: e.timestamp,
      endS: null,
      bytes: 0,
      cached: false,
      encoding: null,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.type = e.type;
    r.cached = Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache);
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    r.encoding = headers['content-encoding'] ?? null;
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.endS = e.timestamp;
    r.bytes = r.cached ? 0 : e.encodedDataLength;
  });
  await throttle(cdp);
  await page.addInitScript({ content: watchFirstCard });
  await page.goto(`${base}/`, { waitUntil: 'commit', timeout: 60_000 });
  await page.waitForFunction(
    () => (window as unknown as { __firstCardMs?: number }).__firstCardMs !== undefined,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  const times = await page.evaluate(() => {
    const paints = performance.getEntriesByType('paint');
    const paint =
      paints.find((p) => p.name === 'first-paint') ?? paints.find((p) => p.name === 'first-contentful-paint');
    return {
      firstPaintMs: paint?.startTime ?? NaN,
      firstCardMs: (window as unknown as { __firstCardMs: number }).__firstCardMs,
    };
  });
  // Whatever the page fetched until the card was up (late photos and prefetches are not the card's cost).
  const all = [...requests.values()];
  const startS = Math.min(...all.map((r) => r.startS));
  const upTo = all.filter((r) => (r.startS - startS) * 1000 <= times.firstCardMs);
  if (trace) {
    trace(`    request waterfall (ms from the navigation; card at ${times.firstCardMs.toFixed(0)} ms)`);
    for (const r of upTo) {
      const path = new URL(r.url).pathname;
      const from = ((r.startS - startS) * 1000).toFixed(0).padStart(5);
      const to = r.endS === null ? '    …' : ((r.endS - startS) * 1000).toFixed(0).padStart(5);
      const how = r.cached
        ? 'cache'
        : `${(r.bytes / 1024).toFixed(1)} kB${r.encoding ? ` ${r.encoding}` : ''}`;
      trace(`    ${from} → ${to}  ${r.type.padEnd(10)} ${how.padEnd(14)} ${path}`);
    }
  }
  if (settle) {
    // As a person who reads the feed for a moment would: the fresh answer comes and is kept.
    await page
      .waitForFunction((keys) => keys.every((k) => localStorage.getItem(k) !== null), keptKeys, {
        timeout: 20_000,
        polling: 200,
      })
      .catch(() => undefined);
  }
  await page.close();
  return {
    ...times,
    bytes: upTo.reduce((n, r) => n + r.bytes, 0),
    jsBytes: upTo.filter((r) => r.type === 'Script').reduce((n, r) => n + r.bytes, 0),
    requests: upTo.filter((r) => !r.cached).length,
  };
}

/** Signs in a demo reporter (unthrottled) and returns the browser storage a returning user has. */
async function signedInState(browser: Browser, base: string) {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page
      .locator('.taro_page_show [data-testid="role-option"]', { hasText: '填报员' })
      .click({ timeout: 60_000 });
    await page.locator('.taro_page_show .post').first().waitFor({ timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const medianOpen = (opens: PhoneOpen[]): PhoneOpen => ({
  firstPaintMs: median(opens.map((o) => o.firstPaintMs)),
  firstCardMs: median(opens.map((o) => o.firstCardMs)),
  bytes: median(opens.map((o) => o.bytes)),
  jsBytes: median(opens.map((o) => o.jsBytes)),
  requests: median(opens.map((o) => o.requests)),
});

/**
 * Starts the server on the demo data in a temporary DATA_DIR, opens the feed `runs` times cold and warm
 * (the medians are returned), and stops everything. `log` gets progress (and the waterfall with `trace`).
 */
export async function phoneFigures(
  options: { runs?: number; trace?: boolean; log?: (line: string) => void } = {},
): Promise<PhoneFigures> {
  const { runs = 3, trace = false, log = () => {} } = options;
  if (!existsSync(join(root, 'dist', 'h5', 'index.html')))
    throw new Error('dist/h5 还没有构建：请先运行 npm run build:h5 / build the H5 app first');
  return withDemoBrowser('phone', async ({ server, browser }) => {
    const signedIn = await signedInState(browser, server.url);
    // Cold: signed in, but nothing of the feed kept yet (the sign-in's own open may have kept some).
    const storageState = {
      ...signedIn,
      origins: signedIn.origins.map((o) => ({
        ...o,
        localStorage: o.localStorage.filter((e) => !keptKeys.includes(e.name)),
      })),
    };
    const cold: PhoneOpen[] = [];
    const warm: PhoneOpen[] = [];
    for (let i = 0; i < runs; i++) {
      // A new context has an empty HTTP cache; the same context opened again has a warm one.
      const context = await browser.newContext({ ...phone, storageState });
      try {
        cold.push(await openFeed(context, server.url, trace ? log : null, true));
        log(`… round ${i + 1}/${runs}: cold ${cold[i]!.firstCardMs.toFixed(0)} ms`);
        warm.push(await openFeed(context, server.url, trace ? log : null));
        log(`… round ${i + 1}/${runs}: warm ${warm[i]!.firstCardMs.toFixed(0)} ms`);
      } finally {
        await context.close();
      }
    }
    return { cold: medianOpen(cold), warm: medianOpen(warm), runs };
  });
}

const kB = (n: number) => `${(n / 1000).toFixed(0)} kB`;
const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;

/** The figures as a table, each first-card time next to its target. */
export function printPhone(figures: PhoneFigures, log: (line: string) => void): void {
  const c = phoneConditions;
  log('');
  log(
    `H5 feed on a phone: ${c.downloadKbps / 1000} Mbps down, ${c.latencyMs} ms RTT, ${c.cpuSlowdown}× CPU slowdown (median of ${figures.runs})`,
  );
  const header = ['open', 'first paint', 'first card', 'target', 'transferred', 'of it JS', 'requests'];
  const rows = (['cold', 'warm'] as const).map((k) => {
    const o = figures[k];
    const target = k === 'cold' ? phoneTargets.coldFirstCardMs : phoneTargets.warmFirstCardMs;
    return [
      k,
      ms(o.firstPaintMs),
      ms(o.firstCardMs),
      `≤ ${ms(target)} ${o.firstCardMs <= target ? '✓' : '✗'}`,
      kB(o.bytes),
      kB(o.jsBytes),
      String(o.requests),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  log(line(header));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) log(line(r));
  log(
    'Cold: signed in, empty HTTP cache, nothing kept. Warm: the same browser opens the feed again, with what the cold open kept.',
  );
}

if (require.main === module) {
  const runs = Number(process.env.PHONE_RUNS ?? 3);
  phoneFigures({
    runs: Number.isInteger(runs) && runs > 0 ? runs : 3,
    trace: process.env.PHONE_TRACE === '1',
    log: console.log,
  })
    .then((f) => printPhone(f, console.log))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
