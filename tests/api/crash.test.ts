/**
 * The crash test (issue 2, "Done when"): a real server process takes a stream of posts, is killed with
 * SIGKILL in the middle, and restarts on the same data dir. Every post it acknowledged must be there,
 * and its leaderboard must equal a replay of every stored post into a fresh SQLite store in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../adapters/sqlite';
import { createArena, decideFigures } from '../../core/app';
import type { PostRecord, Store } from '../../core/app/ports';
import { spawnServer, type ChildServer } from '../../server/spawn';
import { fixedNow } from './harness';

jest.setTimeout(30_000);

interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string } };
}

const call = async (url: string, action: string, data: unknown, token?: string): Promise<Reply> => {
  const res = await fetch(`${url}/api/arena`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
};

async function allPosts(store: Store, campaignId: string): Promise<PostRecord[]> {
  const items: PostRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.posts.listPosts({ campaignId, limit: 200, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items.reverse(); // oldest first: the order they were committed in
}

describe('a server killed in the middle of a stream of posts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arena-crash-'));
  const env = { DATA_DIR: dataDir, ARENA_NOW: fixedNow, ARENA_DEMO: '1', RATE_LIMIT_PER_MINUTE: '100000' };
  let server: ChildServer | null = null;
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged post, and its leaderboard equals a replay of the stored posts', async () => {
    server = await spawnServer(env);
    const first = server;
    const login = async (url: string, userId: string) =>
      ((await call(url, 'auth.demoLogin', { userId })).body.data as { token: string }).token;
    const writers = [
      { token: await login(first.url, 'demo-reporter-dongcheng'), unitId: 'u-dongcheng' },
      { token: await login(first.url, 'demo-reporter-xicheng'), unitId: 'u-xicheng' },
      { token: await login(first.url, 'demo-leader-devZone'), unitId: 'u-dev-zone' },
    ];

    const acknowledged: Array<{ id: string; requestId: string; value: number }> = [];
    let n = 0;
    const postOne = async (w: (typeof writers)[number]) => {
      n += 1;
      const value = 100 + n; // rising, so no post is refused for lowering a running total
      const requestId = `crash-${w.unitId}-${n}`;
      const data = {
        unitId: w.unitId,
        figures: [{ metricId: 'm-zs-zheshang', value }],
        text: `第 ${n} 条`,
        requestId,
      };
      try {
        const reply = await call(first.url, 'post.create', data, w.token);
        if (reply.status === 200)
          acknowledged.push({ id: (reply.body.data as { post: { id: string } }).post.id, requestId, value });
        else throw new Error(`unexpected ${reply.status}`);
      } catch (error) {
        if (first.child.exitCode === null && first.child.signalCode === null && !killed) throw error;
      }
    };

    // One reporter posts one after another; every third step, three units post at once.
    let killed = false;
    const stream = (async () => {
      for (let step = 0; !killed; step++) {
        const [a, b, c] = writers as [
          (typeof writers)[number],
          (typeof writers)[number],
          (typeof writers)[number],
        ];
        await (step % 3 === 2 ? Promise.all([postOne(a), postOne(b), postOne(c)]) : postOne(a));
      }
    })();
    while (acknowledged.length < 45) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    first.child.kill('SIGKILL'); // while the stream still has a request in flight
    await Promise.all([stream, first.exited]);
    expect(first.child.signalCode).toBe('SIGKILL');

    server = await spawnServer(env);
    const second = server;
    const leader = await login(second.url, 'demo-leader');
    // Sessions survive the restart: the writer's token still works on the new process.
    const feed = await call(second.url, 'post.list', { limit: 50 }, writers[0]?.token);
    expect(feed.status).toBe(200);

    const board = await call(second.url, 'board.leaderboard', {}, leader);
    expect(board.status).toBe(200);
    // In-flight reads are answered before a SIGTERM'd server exits, and it exits 0.
    const reads = Array.from({ length: 4 }, () => call(second.url, 'board.leaderboard', {}, leader));
    await new Promise((r) => setTimeout(r, 20));
    second.child.kill('SIGTERM');
    const settled = await Promise.allSettled(reads);
    for (const r of settled) if (r.status === 'fulfilled') expect(r.value.status).toBe(200);
    expect(await second.exited).toEqual({ code: 0, signal: null });

    // Read what the database holds, and replay it into a fresh store.
    const disk = createSqliteStore({ file: join(dataDir, 'arena.db') });
    let replayDb: ReturnType<typeof createSqliteStore> | null = null;
    try {
      const [city] = await disk.store.campaigns.listCities();
      const campaignId = city?.currentCampaignId ?? '';
      const campaign = await disk.store.campaigns.loadCampaign(campaignId);
      if (!campaign) throw new Error('no campaign after restart');
      const stored = await allPosts(disk.store, campaignId);
      const byId = new Map(stored.map((p) => [p.id, p]));
      for (const ack of acknowledged) {
        expect(byId.get(ack.id)).toEqual(
          expect.objectContaining({
            requestId: ack.requestId,
            figures: [expect.objectContaining({ value: ack.value })],
          }),
        );
      }
      expect(stored.filter((p) => p.requestId.startsWith('crash-')).length).toBeGreaterThanOrEqual(
        acknowledged.length,
      );

      // A fresh :memory: SQLite store (the in-memory adapter lists latest figures in another order,
      // and the domain's float sums then differ in the last bit).
      replayDb = createSqliteStore({ file: ':memory:' });
      const fresh = replayDb.store;
      await fresh.campaigns.saveCity(city!);
      await fresh.campaigns.saveCampaign(campaign);
      await fresh.campaigns.setCurrentCampaign(city!.id, campaignId);
      for (const user of await disk.store.people.listUsers()) await fresh.people.putUser(user);
      for (const p of stored) {
        const { id: _id, figures, ...rest } = p;
        const draft = { ...rest, figures: figures.map(({ metricId, value }) => ({ metricId, value })) };
        const replayed = await fresh.posts.commitPost(draft, decideFigures(campaign, draft));
        expect(replayed.ok).toBe(true);
        if (replayed.ok) expect(replayed.post.figures).toEqual(figures);
      }
      // Quality comes from the campaign's problems (the demo raises some): they come along as stored.
      for (const p of await disk.store.tasks.listProblems(campaignId)) {
        const [raised] = await disk.store.tasks.problemHistory(campaignId, p.id);
        await fresh.tasks.createProblem(p, raised!);
      }
      const sorted = (figures: Awaited<ReturnType<Store['standings']['latestFigures']>>) =>
        [...figures].sort((a, b) => (a.unitId + a.metricId < b.unitId + b.metricId ? -1 : 1));
      expect(sorted(await fresh.standings.latestFigures(campaignId))).toEqual(
        sorted(await disk.store.standings.latestFigures(campaignId)),
      );

      const now = Date.parse(fixedNow);
      await fresh.people.putSession({ tokenHash: 'hash-of-replay', userId: 'demo-leader', expiresAt: now + 60_000 });
      const arena = createArena({
        store: fresh,
        clock: { now: () => now },
        ids: { newId: () => 'unused', newToken: () => 'unused', hashToken: (t) => `hash-of-${t}`, newCode: () => 'unused' },
        settings: { demo: true, rateLimitPerMinute: 1000, sessionTtlMs: 60_000 },
      });
      const replayBoard = await arena.handle({ action: 'board.leaderboard', data: {} }, { token: 'replay' });
      expect(replayBoard).toEqual(board.body);
    } finally {
      disk.close();
      replayDb?.close();
    }
  });
});
