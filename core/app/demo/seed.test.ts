import { memoryStore } from '../../../tests/app/memory-store';
import { createSqliteStore } from '../../../adapters/sqlite';
import { dayOf } from '../../domain/days';
import { createArena } from '../router';
import type { Deps, Store } from '../ports';
import { buildDemoCampaign, demoCampaignId, demoCity, seedDemo } from '.';

const now = Date.parse('2025-10-20T01:30:00Z'); // 09:30 in Shanghai
const clock = { now: () => now };

describe('seedDemo', () => {
  let sqlite: ReturnType<typeof createSqliteStore>;
  afterEach(() => sqlite?.close());

  it('writes the campaign dated from the clock, its users and every post through the store', async () => {
    const store = memoryStore();
    const report = await seedDemo({ store, clock });
    expect(report.seeded).toBe(true);
    expect(report.posts).toBeGreaterThan(200);
    expect(await store.campaigns.listCities()).toEqual([{ ...demoCity, currentCampaignId: demoCampaignId }]);
    const saved = await store.campaigns.loadCampaign(demoCampaignId);
    expect(saved?.campaign.startDate).toBe('2025-09-10');
    expect(saved).toEqual(buildDemoCampaign(dayOf(now)));
    const users = await store.people.listUsers({ demo: true });
    expect(users.filter((u) => u.role === 'reporter')).toHaveLength(saved?.units.length ?? -1);
    const page = await store.posts.listPosts({ campaignId: demoCampaignId, limit: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.items.every((p) => p.day < '2025-10-20')).toBe(true);
    expect(await store.standings.dataVersion(demoCampaignId)).toBeGreaterThanOrEqual(report.posts);
  });

  it('does nothing the second time', async () => {
    sqlite = createSqliteStore({ file: ':memory:' });
    const store: Store = sqlite.store;
    await seedDemo({ store, clock });
    const version = await store.standings.dataVersion(demoCampaignId);
    const latest = await store.standings.latestFigures(demoCampaignId);
    const again = await seedDemo({ store, clock: { now: () => now + 86_400_000 } });
    expect(again).toEqual({
      seeded: false,
      campaignId: demoCampaignId,
      posts: 0,
      tasks: 0,
      problems: 0,
      reviews: 0,
    });
    expect(await store.standings.dataVersion(demoCampaignId)).toBe(version);
    expect(await store.standings.latestFigures(demoCampaignId)).toEqual(latest);
    expect((await store.campaigns.loadCampaign(demoCampaignId))?.campaign.startDate).toBe('2025-09-10');
  });

  it('leaves a store whose latest figures are each unit last reported values', async () => {
    const store = memoryStore();
    await seedDemo({ store, clock });
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await store.posts.listPosts({
        campaignId: demoCampaignId,
        limit: 50,
        ...(cursor ? { cursor } : {}),
      });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = new Map<string, number>();
    for (const p of [...all].reverse())
      for (const f of p.figures) expected.set(`${p.unitId}/${f.metricId}`, f.value);
    const latest = await store.standings.latestFigures(demoCampaignId);
    expect(new Map(latest.map((l) => [`${l.unitId}/${l.metricId}`, l.value]))).toEqual(expected);
    expect(all.filter((p) => p.correctionReason !== null).length).toBeGreaterThanOrEqual(1);
  });

  it('gives a live leaderboard: day 41, units ranked with differing lights', async () => {
    const store = memoryStore();
    await seedDemo({ store, clock });
    const deps: Deps = {
      store,
      clock,
      ids: {
        newId: () => 'x',
        newToken: () => 'demo-token',
        hashToken: (token) => `hash-${token}`,
        newCode: () => 'DEMOCODE',
      },
      settings: { demo: true, rateLimitPerMinute: 600, sessionTtlMs: 3_600_000 },
    };
    const arena = createArena(deps);
    const login = await arena.handle({ action: 'auth.demoLogin', data: { userId: 'demo-leader' } }, {});
    expect(login.ok).toBe(true);
    const board = await arena.handle({ action: 'board.leaderboard', data: {} }, { token: 'demo-token' });
    if (!board.ok) throw new Error(board.error.message);
    const { timeProgress, rows } = board.data as {
      timeProgress: number;
      rows: Array<{ light: string; score: number }>;
    };
    expect(timeProgress).toBeCloseTo(41 / 100, 10);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.map((r) => r.light)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.score)).size).toBeGreaterThan(10);
  });
});
