/**
 * `npm run bench`: a synthetic city of 500 units × 20 metrics.
 *  1. post.create through HTTP at concurrency 16 against the real server (a child process on 127.0.0.1),
 *     against the http floor (a do-nothing server, same client), the db floor and both combined;
 *  2. the leaderboard, uncached and cached, at 10 k and at 1 M figures (100 days of 500 × 20);
 *  3. the floor: the same writes and the latest-figures read straight on better-sqlite3, same pragmas;
 *  4. round trips per action on the WeChat cloud, through the functions' handlers (./cloud-round-trips.ts).
 * Knobs: BENCH_QUICK=1 (a small city, a few seconds), BENCH_UNITS, BENCH_POSTS, BENCH_WRITE_SECONDS,
 * BENCH_DAYS, BENCH_CONCURRENCY.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../adapters/sqlite';
import { dayOf } from '../core/domain/days';
import { leaderboardTimes } from './board';
import { buildCity } from './city';
import { cloudRoundTrips, printTrips } from './cloud-round-trips';
import { floorLatestRead, floorWrites } from './floor';
import { dbFile, httpFloor, httpWrites, prepareCity } from './http';
import { loadFigures } from './load';
import { printReport, type Row } from './report';

const env = (name: string, fallback: number, quick: number): number => {
  const raw = process.env[name];
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`${name} 应为正整数 / must be a positive integer, got "${raw}"`);
    return n;
  }
  return process.env.BENCH_QUICK === '1' ? quick : fallback;
};

export async function runBench(log: (line: string) => void = console.log): Promise<Row[]> {
  const units = env('BENCH_UNITS', 500, 40);
  const posts = env('BENCH_POSTS', 3000, 200);
  const days = Math.min(100, env('BENCH_DAYS', 100, 10));
  const concurrency = env('BENCH_CONCURRENCY', 16, 16);
  const budgetMs = env('BENCH_WRITE_SECONDS', 60, 5) * 1000;
  const nowMs = Date.now();
  const nowIso = new Date(nowMs).toISOString();
  const today = dayOf(nowMs);
  const root = mkdtempSync(join(tmpdir(), 'arena-bench-'));
  const rows: Row[] = [];
  const step = (text: string) => log(`… ${text}`);
  try {
    // Writes: the campaign is on day `days` (the last loaded day is yesterday). Three figures, one client:
    // the http floor (a do-nothing server), the arena, then the db floor (the same durable writes straight
    // on better-sqlite3); combined, the floor of a server that must do both is 1 / (1/http + 1/db).
    const city = buildCity(units, today, days);
    const httpDir = join(root, 'http');
    const warmup = Math.min(200, Math.ceil(posts / 10));
    const drive = { city, posts, warmup, concurrency, budgetMs };
    step(`http floor: a do-nothing server, the same client and posts at concurrency ${concurrency}`);
    const bare = await httpFloor(drive);
    if (bare.failures > 0) throw new Error(`${bare.failures} requests to the http floor failed`);
    step(
      `${units} units × 20 metrics; up to ${posts} posts (or ${budgetMs / 1000} s) through HTTP at concurrency ${concurrency}`,
    );
    await prepareCity(dbFile(httpDir), city, nowMs, days);
    const http = await httpWrites({ ...drive, dataDir: httpDir, nowIso });
    if (http.failures > 0) throw new Error(`${http.failures} posts failed`);
    step(`measured ${http.n} posts in ${(http.n / http.throughput).toFixed(1)} s`);

    step('db floor: the same durable writes straight on better-sqlite3');
    const floorDir = join(root, 'floor');
    await prepareCity(dbFile(floorDir), city, nowMs, days);
    const floorDb = createSqliteStore({ file: dbFile(floorDir) });
    const floor = (() => {
      try {
        floorWrites(floorDb.db, city, today, warmup, 0);
        return floorWrites(floorDb.db, city, today, http.n, warmup);
      } finally {
        floorDb.close();
      }
    })();
    const combined = 1 / (1 / bare.throughput + 1 / floor.throughput);
    const c = `c=${concurrency}`;
    rows.push(
      {
        what: `post.create ${c} vs http floor`,
        unit: 'posts/s',
        arena: http.throughput,
        floor: bare.throughput,
        higherIsBetter: true,
      },
      {
        what: `post.create ${c} vs db floor`,
        unit: 'posts/s',
        arena: http.throughput,
        floor: floor.throughput,
        higherIsBetter: true,
      },
      {
        what: `post.create ${c} vs combined floor (target ≥ 0.80×)`,
        unit: 'posts/s',
        arena: http.throughput,
        floor: combined,
        higherIsBetter: true,
      },
      // Latencies against the http floor's: the same client and concurrency, so the same queueing.
      { what: `post.create ${c} p50 (floor: http)`, unit: 'ms', arena: http.p50, floor: bare.p50 },
      { what: `post.create ${c} p99 (floor: http)`, unit: 'ms', arena: http.p99, floor: bare.p99 },
    );

    // Reads: a campaign on day `days` with 1 day of figures (10 k), then all `days` days (1 M at 100).
    const boardCity = buildCity(units, today, days - 1);
    const boardDir = join(root, 'board');
    await prepareCity(dbFile(boardDir), boardCity, nowMs, days);
    const board = createSqliteStore({ file: dbFile(boardDir) });
    try {
      for (const [label, from] of [
        ['1 day', days],
        [`${days} days`, 1],
      ] as const) {
        if (from === 1) {
          step(`loading ${days} days of daily figures`);
          loadFigures(board.db, boardCity, 1, days);
        }
        const figures = (board.db.prepare('SELECT count(*) AS n FROM daily_figures').get() as { n: number })
          .n;
        step(`leaderboard at ${figures.toLocaleString('en')} figures (${label})`);
        const lb = await leaderboardTimes({
          store: board.store,
          db: board.db,
          city: boardCity,
          nowMs,
          reps: from === 1 ? 8 : 12,
        });
        const read = await floorLatestRead(board.db, boardCity, 30);
        const at =
          figures >= 1_000_000 ? `${(figures / 1e6).toFixed(1)} M` : `${Math.round(figures / 1000)} k`;
        rows.push(
          {
            what: `leaderboard uncached @${at} figures`,
            unit: 'ms',
            arena: lb.uncached.p50,
            floor: read.p50,
          },
          { what: `leaderboard cached @${at} figures`, unit: 'ms', arena: lb.cached.p50, floor: read.p50 },
        );
      }
    } finally {
      board.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  printReport(rows, log);
  step(`round trips per action on the WeChat cloud, ${units} units`);
  printTrips(await cloudRoundTrips(units), units, log);
  return rows;
}

if (require.main === module) {
  const started = Date.now();
  runBench().then(
    () => console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
