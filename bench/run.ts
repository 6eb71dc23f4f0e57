/**
 * `npm run bench`: a synthetic city of 500 units × 20 metrics.
 *  1. post.create through HTTP at concurrency 16 against the real server (a child process on 127.0.0.1),
 *     against the http floor (a do-nothing server, same client), the db floor and both combined;
 *  2. the leaderboard (./board.ts) at 10 k and at 1 M figures (100 days of 500 × 20) and for a province-sized
 *     city (2 000 × 20 over 100 days): uncached, cached, the first read of a day and a cold start;
 *  3. the floor: the same writes and the latest-figures read straight on better-sqlite3, same pragmas;
 *  4. round trips per action on the WeChat cloud, through the functions' handlers (./cloud-round-trips.ts);
 *  5. the cloud function bundles' sizes and load times (./bundles.ts), once built;
 *  6. the H5 feed on an emulated phone (./phone.ts), once dist/h5 is built (not in quick mode; BENCH_PHONE=0
 *     leaves it out).
 * Knobs: BENCH_QUICK=1 (a small city, a few seconds), BENCH_UNITS, BENCH_POSTS, BENCH_WRITE_SECONDS,
 * BENCH_DAYS, BENCH_CONCURRENCY, BENCH_BOARD_UNITS.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../adapters/sqlite';
import { dayOf } from '../core/domain/days';
import { leaderboardTimes, type BoardTimes } from './board';
import { bundleFigures, bundlePath, functionNames, printBundles } from './bundles';
import { buildCity, type City } from './city';
import { cloudRoundTrips, printTrips } from './cloud-round-trips';
import { floorLatestRead, floorWrites } from './floor';
import { dbFile, httpFloor, httpWrites, prepareCity } from './http';
import { loadFigures } from './load';
import { phoneFigures, printPhone } from './phone';
import { printReport, type Row } from './report';
import type { Summary } from './stats';

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
  const boardUnits = env('BENCH_BOARD_UNITS', 2000, 60);
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

    // Reads: a campaign on day `days` with 1 day of figures (10 k at 500 units), then all `days` days
    // (1 M at 100); then a province-sized city (`boardUnits` units) over the same days.
    const boardCity = buildCity(units, today, days - 1);
    const readsAt = async (dir: string, city: City, fromDays: readonly number[]) => {
      await prepareCity(dbFile(dir), city, nowMs, days);
      const db = createSqliteStore({ file: dbFile(dir) });
      const out: Array<{ at: string; lb: BoardTimes; read: Summary }> = [];
      const reps = 12;
      try {
        for (const from of fromDays) {
          if (from < days) {
            step(`loading ${days - from + 1} days of daily figures for ${city.data.units.length} units`);
            loadFigures(db.db, city, from, days);
          }
          const figures = (db.db.prepare('SELECT count(*) AS n FROM daily_figures').get() as { n: number }).n;
          const at =
            figures >= 1_000_000 ? `${(figures / 1e6).toFixed(1)} M` : `${Math.round(figures / 1000)} k`;
          step(`leaderboard at ${figures.toLocaleString('en')} figures`);
          const lb = await leaderboardTimes({ store: db.store, city, nowMs, reps, postsBefore: out.length * reps });
          out.push({ at, lb, read: await floorLatestRead(db.db, city, 30) });
        }
      } finally {
        db.close();
      }
      return out;
    };
    // The same code warmed first on a small city, so the first figures below are not the compiler's.
    step('warming up the leaderboard on a small city');
    await readsAt(join(root, 'warmup'), buildCity(40, today, days - 1), [1]);
    const [short, long] = await readsAt(join(root, 'board'), boardCity, [days, 1]);
    if (!short || !long) throw new Error('leaderboard figures missing');
    for (const { at, lb, read } of [short, long])
      rows.push(
        { what: `leaderboard uncached @${at} figures`, unit: 'ms', arena: lb.uncached.p50, floor: read.p50 },
        { what: `leaderboard cached @${at} figures`, unit: 'ms', arena: lb.cached.p50, floor: read.p50 },
      );
    rows.push(
      {
        what: `leaderboard uncached @${long.at} ÷ @${short.at} (target ≤ 1.20×)`,
        unit: 'ms',
        arena: long.lb.uncached.p50,
        floor: short.lb.uncached.p50,
      },
      {
        what: `leaderboard first read of a day @${long.at} figures`,
        unit: 'ms',
        arena: long.lb.firstOfDayMs,
        floor: long.read.p50,
      },
      {
        what: `leaderboard cold start, closes kept @${long.at} figures`,
        unit: 'ms',
        arena: long.lb.coldStartMs,
        floor: long.read.p50,
      },
    );
    const [province] = await readsAt(join(root, 'province'), buildCity(boardUnits, today, days - 1), [1]);
    if (!province) throw new Error('province figures missing');
    const size = `${boardUnits}×20, ${days} days`;
    rows.push(
      {
        what: `leaderboard uncached ${size} (target ≤ 50 ms)`,
        unit: 'ms',
        arena: province.lb.uncached.p50,
        floor: province.read.p50,
      },
      {
        what: `leaderboard cached ${size} (target ≤ 2 ms)`,
        unit: 'ms',
        arena: province.lb.cached.p50,
        floor: province.read.p50,
      },
      {
        what: `leaderboard first read of a day ${size}`,
        unit: 'ms',
        arena: province.lb.firstOfDayMs,
        floor: province.read.p50,
      },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  printReport(rows, log);
  step(`round trips per action on the WeChat cloud, ${units} units`);
  printTrips(await cloudRoundTrips(units), units, log);
  const quick = process.env.BENCH_QUICK === '1';
  if (functionNames().every((name) => existsSync(bundlePath(name))))
    printBundles(bundleFigures(quick ? 3 : 7), log);
  else log('(cloud function bundles not built: npm run build:functions, then run again for their sizes)');
  // The phone needs the H5 build and Chromium; it is left out of the quick run.
  if (!quick && process.env.BENCH_PHONE !== '0') {
    if (existsSync(join(__dirname, '..', 'dist', 'h5', 'index.html')))
      printPhone(await phoneFigures({ log }), log);
    else log('(dist/h5 not built: npm run build:h5, then run again for the phone figures)');
  }
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
