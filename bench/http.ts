/**
 * `post.create` through HTTP against the real server process on 127.0.0.1, `concurrency` requests in
 * flight, on a temp SQLite file prepared with the synthetic city (so the server seeds nothing).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeIds } from '../adapters/node';
import { createSqliteStore } from '../adapters/sqlite';
import { spawnServer } from '../server/spawn';
import { benchCity, type City } from './city';
import { loadFigures } from './load';
import { summarize, type Summary } from './stats';
import { benchFigures } from './writes';

export const tokenOf = (unitIndex: number) => `bench-token-${unitIndex}`;

/** Writes the city, its users and their sessions, and one day of figures. */
export async function prepareCity(
  file: string,
  city: City,
  nowMs: number,
  elapsedDays: number,
): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const { store, db, close } = createSqliteStore({ file });
  try {
    await store.campaigns.saveCity(benchCity);
    await store.campaigns.saveCampaign(city.data);
    await store.campaigns.setCurrentCampaign(benchCity.id, city.data.campaign.id);
    for (const [i, user] of [...city.reporters, city.leader].entries()) {
      await store.people.putUser(user);
      await store.people.putSession({
        // The server looks a bearer token up by its hash, as it stores the sessions it makes.
        tokenHash: nodeIds.hashToken(user.id === city.leader.id ? 'bench-leader' : tokenOf(i)),
        userId: user.id,
        expiresAt: nowMs + 86_400_000,
      });
    }
    loadFigures(db, city, elapsedDays, elapsedDays);
  } finally {
    close();
  }
}

export async function httpWrites(opts: {
  dataDir: string;
  city: City;
  nowIso: string;
  posts: number;
  warmup: number;
  concurrency: number;
  /** Stop sending new posts after this long, whatever `posts` says (keeps the run bounded). */
  budgetMs: number;
}): Promise<Summary & { failures: number }> {
  const server = await spawnServer({
    DATA_DIR: opts.dataDir,
    ARENA_NOW: opts.nowIso,
    ARENA_DEMO: '0',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  let failures = 0;
  const send = async (k: number): Promise<number> => {
    const { unitIndex, figures } = benchFigures(opts.city, k);
    const unit = opts.city.data.units[unitIndex];
    const started = performance.now();
    const res = await fetch(`${server.url}/api/arena`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(unitIndex)}` },
      body: JSON.stringify({
        action: 'post.create',
        data: { unitId: unit?.id, figures, text: '基准测试', requestId: `bench-request-${k}` },
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) failures += 1;
    return performance.now() - started;
  };
  const run = async (from: number, count: number) => {
    const times: number[] = [];
    let next = from;
    const deadline = performance.now() + opts.budgetMs;
    const worker = async () => {
      while (next < from + count && performance.now() < deadline) {
        const k = next++;
        times.push(await send(k));
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    return summarize(times, performance.now() - started);
  };
  try {
    await run(0, opts.warmup);
    failures = 0;
    const measured = await run(opts.warmup, opts.posts);
    return { ...measured, failures };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

export const dbFile = (dataDir: string) => join(dataDir, 'arena.db');
