/**
 * The leaderboard, computed in-process by the core over the SQLite store, four ways:
 * - first of the day: a fresh process on a day whose closes nobody has kept yet (it walks the daily figures
 *   for yesterday's close and the effort baseline, once, and keeps them);
 * - cold start: a fresh process once they are kept (it reads them back);
 * - uncached: the first read after a post, the steady state (a real post.create through the same arena
 *   changes one unit's figures; only the read after it is timed);
 * - cached: the same data version read again.
 */
import { nodeIds } from '../adapters/node';
import { createArena } from '../core/app';
import type { Store } from '../core/app/ports';
import type { City } from './city';
import { tokenOf } from './http';
import { summarize, timeIt, type Summary } from './stats';
import { benchFigures } from './writes';

export interface BoardTimes {
  firstOfDayMs: number;
  coldStartMs: number;
  uncached: Summary;
  cached: Summary;
  rows: number;
}

export async function leaderboardTimes(opts: {
  store: Store;
  city: City;
  nowMs: number;
  reps: number;
  /** Bench posts this store has had (they must not replay: each must change the figures). */
  postsBefore: number;
}): Promise<BoardTimes> {
  const newArena = () =>
    createArena({
      store: opts.store,
      clock: { now: () => opts.nowMs },
      // The sessions prepareCity wrote are under the hash the server takes (./http.ts).
      ids: {
        newId: (() => {
          let n = 0;
          return () => `bench-board-${n++}`;
        })(),
        newToken: () => 'unused',
        hashToken: nodeIds.hashToken,
        newCode: () => 'unused',
      },
      settings: { demo: false, rateLimitPerMinute: 0, sessionTtlMs: 86_400_000 },
    });
  let rows = 0;
  const board = async (arena: ReturnType<typeof createArena>) => {
    const r = await arena.handle({ action: 'board.leaderboard', data: {} }, { token: 'bench-leader' });
    if (!r.ok) throw new Error(`leaderboard failed: ${r.error.message}`);
    rows = (r.data as { rows: unknown[] }).rows.length;
  };
  const once = async (fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };

  const first = newArena();
  const firstOfDayMs = await once(() => board(first));
  // Keeping the closes goes on behind the answer; let it finish before the next process looks for them.
  await new Promise((resolve) => setImmediate(resolve));
  const arena = newArena();
  const coldStartMs = await once(() => board(arena));

  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < opts.reps; i++) {
    const k = opts.postsBefore + i;
    const { unitIndex, figures } = benchFigures(opts.city, k);
    const posted = await arena.handle(
      {
        action: 'post.create',
        data: {
          unitId: opts.city.data.units[unitIndex]?.id,
          figures,
          text: '基准测试',
          requestId: `bench-board-${k}`,
        },
      },
      { token: tokenOf(unitIndex) },
    );
    if (!posted.ok) throw new Error(`post before the leaderboard failed: ${posted.error.message}`);
    times.push(await once(() => board(arena)));
  }
  const uncached = summarize(times, performance.now() - started);
  const cached = await timeIt(opts.reps * 20, () => board(arena));
  return { firstOfDayMs, coldStartMs, uncached, cached, rows };
}
