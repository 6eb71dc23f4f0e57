/**
 * `post.create` through HTTP against the real server process on 127.0.0.1, `concurrency` requests in
 * flight, on a temp SQLite file prepared with the synthetic city (so the server seeds nothing); and the
 * http floor: the same client, bodies and concurrency against a do-nothing server.
 */
import { mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { nodeIds } from '../adapters/node';
import { createSqliteStore } from '../adapters/sqlite';
import { spawnServer, type ChildServer } from '../server/spawn';
import { benchCity, type City } from './city';
import { httpFloorEntry } from './floor';
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

export interface DriveOptions {
  city: City;
  posts: number;
  warmup: number;
  concurrency: number;
  /** Stop sending new posts after this long, whatever `posts` says (keeps the run bounded). */
  budgetMs: number;
}

/**
 * The client: `concurrency` workers each send the next post.create body and wait for its answer, first
 * `warmup` posts unmeasured, then up to `posts` measured. The arena and the http floor get the same bodies.
 */
async function drive(url: string, opts: DriveOptions): Promise<Summary & { failures: number }> {
  const target = new URL('/api/arena', url);
  // One kept-alive connection per worker, as a browser or proxy in front would keep.
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  let failures = 0;
  const send = async (k: number): Promise<number> => {
    const { unitIndex, figures } = benchFigures(opts.city, k);
    const unit = opts.city.data.units[unitIndex];
    const body = Buffer.from(
      JSON.stringify({
        action: 'post.create',
        data: { unitId: unit?.id, figures, text: '基准测试', requestId: `bench-request-${k}` },
      }),
    );
    const started = performance.now();
    const status = await post(agent, target, body, `Bearer ${tokenOf(unitIndex)}`);
    if (status !== 200) failures += 1;
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
    agent.destroy();
  }
}

/**
 * One POST on node:http, its answer read whole; resolves to the status. (Lighter than `fetch`, whose own
 * cost per request would otherwise set the pace of the floor and hide the server's.)
 */
function post(agent: Agent, target: URL, body: Buffer, authorization: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function stopped(server: ChildServer): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** post.create against the real server (its own child process) on the prepared data directory. */
export async function httpWrites(
  opts: DriveOptions & { dataDir: string; nowIso: string },
): Promise<Summary & { failures: number }> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const server = await spawnServer(
    {
      DATA_DIR: opts.dataDir,
      ARENA_NOW: opts.nowIso,
      ARENA_DEMO: '0',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    // BENCH_CPU_PROF=<folder>: the server writes a CPU profile there when it stops (open it in DevTools).
    profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {},
  );
  try {
    return await drive(server.url, opts);
  } finally {
    await stopped(server);
  }
}

/** The http floor: the same client and bodies against the do-nothing server (./floor.ts), also a child. */
export async function httpFloor(opts: DriveOptions): Promise<Summary & { failures: number }> {
  const server = await spawnServer({ BENCH_SERVE_HTTP_FLOOR: '1' }, { entry: httpFloorEntry });
  try {
    return await drive(server.url, opts);
  } finally {
    await stopped(server);
  }
}

export const dbFile = (dataDir: string) => join(dataDir, 'arena.db');
