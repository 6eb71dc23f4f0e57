/**
 * The leaderboard, computed in-process by the core over the SQLite store: uncached (the first read after
 * a write: the data version is bumped before each call) and cached (the same version again).
 */
import { nodeIds } from '../adapters/node';
import type { Database } from 'better-sqlite3';
import { createArena } from '../core/app';
import type { Store } from '../core/app/ports';
import type { City } from './city';
import { timeIt, type Summary } from './stats';

export async function leaderboardTimes(opts: {
  store: Store;
  db: Database;
  city: City;
  nowMs: number;
  reps: number;
}): Promise<{ uncached: Summary; cached: Summary; rows: number }> {
  const arena = createArena({
    store: opts.store,
    clock: { now: () => opts.nowMs },
    // The sessions prepareCity wrote are under the hash the server takes (./http.ts).
    ids: { newId: () => 'unused', newToken: () => 'unused', hashToken: nodeIds.hashToken, newCode: () => 'unused' },
    settings: { demo: false, rateLimitPerMinute: 0, sessionTtlMs: 86_400_000 },
  });
  const bump = opts.db.prepare('UPDATE campaigns SET data_version = data_version + 1 WHERE id = ?');
  let rows = 0;
  const board = async () => {
    const r = await arena.handle({ action: 'board.leaderboard', data: {} }, { token: 'bench-leader' });
    if (!r.ok) throw new Error(`leaderboard failed: ${r.error.message}`);
    rows = (r.data as { rows: unknown[] }).rows.length;
  };
  await board(); // warm the code paths
  const uncached = await timeIt(opts.reps, async () => {
    bump.run(opts.city.data.campaign.id);
    await board();
  });
  const cached = await timeIt(opts.reps * 20, board);
  return { uncached, cached, rows };
}
