import { memoryStore } from '../../../tests/app/memory-store';
import type { Store } from '../ports';
import { rid, testArena, users } from '../../../tests/app/arena';
import { seedHandWorked } from '../../../tests/app/seed';

const seeded = (store: Store = memoryStore()) => seedHandWorked(store);

const table = (rows: Array<{ unitId: string; rank: number; rankDelta: number | null }>) =>
  rows.map((r) => [r.unitId, r.rank, r.rankDelta]);

describe('board.leaderboard', () => {
  it('ranks the whole city by the hand-computed scores, with changes since yesterday’s close', async () => {
    const { t, reader } = await seeded();
    const board = await t.expectOk('board.leaderboard', {}, reader);
    expect(board.asOf).toBe('2025-10-10T02:00:00.000Z');
    expect(board.timeProgress).toBeCloseTo(0.4, 12);
    // Yesterday: B 1, A 2, D 3, C 4. The lead unit L has no target and is not ranked.
    expect(table(board.rows)).toEqual([
      ['A', 1, 1],
      ['D', 2, 1],
      ['C', 3, 1],
      ['B', 4, -3],
    ]);
    expect(board.rows.map((r) => r.score)).toEqual([
      expect.closeTo(109.5, 8),
      expect.closeTo(90, 8),
      expect.closeTo(63.238095238, 8),
      expect.closeTo(59.857142857, 8),
    ]);
    expect(board.rows[0]).toMatchObject({
      unitName: '甲镇',
      division: '乡镇街道',
      overallRank: 1,
      divisionRank: 1,
      light: 'green',
    });
    expect(board.rows[0]?.completion).toBeCloseTo(0.8, 12);
    expect(board.rows[0]?.pace).toBeCloseTo(1.25, 12);
  });

  it('names the metric furthest behind with its own completion and 序时, the figures the light is read from', async () => {
    const { t, reader } = await seeded();
    const board = await t.expectOk('board.leaderboard', {}, reader);
    const b = board.rows.find((r) => r.unitId === 'B');
    // B: 完成投资 6 of 20 at τ 0.4 → 30% against 40%, pace 0.75 → 滞后
    expect(b?.light).toBe('red');
    expect(b?.worst).toEqual({
      metricId: 'm-invest',
      light: 'red',
      reported: true,
      completion: expect.closeTo(0.3, 12),
      expected: expect.closeTo(0.4, 12),
    });
    // C is over its ceiling on 不良贷款率 (c 0.8, held to 100%) and further behind on 完成投资 (0.2 / 0.4)
    const c = board.rows.find((r) => r.unitId === 'C');
    expect(c?.worst).toMatchObject({ metricId: 'm-invest', expected: expect.closeTo(0.4, 12) });
  });

  it('ranks within a division, with the change in that same view', async () => {
    const { t, reader } = await seeded();
    const board = await t.expectOk('board.leaderboard', { division: '乡镇街道' }, reader);
    // Yesterday in 乡镇街道: B 1, A 2, D 3.
    expect(table(board.rows)).toEqual([
      ['A', 1, 1],
      ['D', 2, 1],
      ['B', 3, -2],
    ]);
    expect(board.rows.map((r) => r.overallRank)).toEqual([1, 2, 4]);
  });

  it('ranks a track on its own metrics', async () => {
    const { t, reader } = await seeded();
    // 百日攻坚 (完成投资, 签约项目): A 60/150/100/150/150 → 106.5; C 20/50/100/66.7/57.1 → 48.24
    const build = await t.expectOk('board.leaderboard', { trackId: 't-build' }, reader);
    expect(build.rows.map((r) => [r.unitId, r.rank])).toEqual([
      ['A', 1],
      ['D', 2],
      ['B', 3],
      ['C', 4],
    ]);
    expect(build.rows[0]?.score).toBeCloseTo(106.5, 8);
    expect(build.rows[3]?.score).toBeCloseTo(48.238095238, 8);
    // 百日服务 (不良贷款率 only): A 100, C 80/80/100/100/100 → 88
    const serve = await t.expectOk('board.leaderboard', { trackId: 't-serve' }, reader);
    expect(serve.rows.map((r) => [r.unitId, r.score])).toEqual([
      ['A', expect.closeTo(100, 8)],
      ['C', expect.closeTo(88, 8)],
    ]);
  });

  it('answers NOT_FOUND for an unknown track or division', async () => {
    const { t, reader } = await seeded();
    for (const data of [{ trackId: 't-none' }, { division: '外省' }]) {
      const r = await t.call('board.leaderboard', data, reader);
      expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    }
  });

  it('recomputes after a write and serves the cache until then, reading only the figures that changed, never the posts', async () => {
    const memory = memoryStore();
    const calls = { latest: [] as Array<{ since: number | null; figures: number }>, posts: 0 };
    const store: Store = {
      ...memory,
      standings: {
        ...memory.standings,
        latestChanges: async (id, since) => {
          const r = await memory.standings.latestChanges(id, since);
          calls.latest.push({ since, figures: r.figures.length });
          return r;
        },
        unitDailyFigures: (id, u) => ((calls.posts += 1), memory.standings.unitDailyFigures(id, u)),
      },
      posts: { ...memory.posts, listPosts: (q) => ((calls.posts += 1), memory.posts.listPosts(q)) },
    };
    const { t, send, reader } = await seeded(store);
    const before = await t.expectOk('board.leaderboard', {}, reader);
    await t.expectOk('board.leaderboard', {}, reader);
    await t.expectOk('unit.detail', { unitId: 'B' }, reader);
    expect(calls.posts).toBe(0);
    expect(calls.latest).toEqual([{ since: null, figures: expect.any(Number) }]);
    const all = calls.latest[0]!.figures;

    // B reports 16 of 20: ΣA = 24. B 80/150/100/150/(16/24)/(20/40)=1.33 → 133.3 → 112;
    // A's contribution drops to (6/24)/(10/40) = 1 → 102; C's to 0.333 → 59.67.
    await send('B', [{ metricId: 'm-invest', value: 16 }]);
    const after = await t.expectOk('board.leaderboard', {}, reader);
    // The second read asks only for what changed since the first: B's one figure.
    expect(calls.latest).toEqual([
      { since: null, figures: all },
      { since: expect.any(Number), figures: 1 },
    ]);
    expect(before.rows.find((r) => r.unitId === 'B')?.score).toBeCloseTo(59.857142857, 8);
    expect(after.rows.map((r) => [r.unitId, r.score])).toEqual([
      ['B', expect.closeTo(112, 8)],
      ['A', expect.closeTo(102, 8)],
      ['D', expect.closeTo(90, 8)],
      ['C', expect.closeTo(59.666666667, 8)],
    ]);
    // The same answer a fresh process computes from scratch.
    const fresh = await testArena(store, { now: '2025-10-10T02:00:00Z' });
    expect(await fresh.expectOk('board.leaderboard', {}, await fresh.login(users.leader))).toEqual(after);
  });

  /** A store that counts the walks over daily figures (figuresAsOf) and the closes it keeps. */
  const counting = (memory: Store) => {
    const calls = { asOf: [] as string[], kept: [] as string[] };
    const store: Store = {
      ...memory,
      standings: {
        ...memory.standings,
        figuresAsOf: (id, day) => (calls.asOf.push(day), memory.standings.figuresAsOf(id, day)),
        keepClose: (id, day, figures) => (calls.kept.push(day), memory.standings.keepClose(id, day, figures)),
      },
    };
    return { store, calls };
  };

  it('walks the daily figures for a settled day once: later writes, tracks and a fresh process reuse its kept close', async () => {
    const memory = memoryStore();
    const { store, calls } = counting(memory);
    const { t, send, reader } = await seeded(store);
    const first = await t.expectOk('board.leaderboard', {}, reader);
    // Today 10-10: yesterday's close and the effort baselines of today (09-10) and yesterday (09-09).
    expect([...calls.asOf].sort()).toEqual(['2025-09-09', '2025-09-10', '2025-10-09']);
    expect([...calls.kept].sort()).toEqual(['2025-09-09', '2025-09-10', '2025-10-09']);
    for (let i = 0; i < 5; i += 1) {
      await send('B', [{ metricId: 'm-invest', value: 7 + i }]);
      await t.expectOk('board.leaderboard', {}, reader);
      await t.expectOk('board.leaderboard', { trackId: 't-serve' }, reader);
    }
    expect(calls.asOf).toHaveLength(3);
    // A new process (a restart, another cloud instance) reads the kept closes back instead.
    const cold = await testArena(store, { now: '2025-10-10T02:00:00Z' });
    const again = await cold.expectOk('board.leaderboard', {}, await cold.login(users.leader));
    expect(calls.asOf).toHaveLength(3);
    expect(calls.kept).toHaveLength(3);
    // …and ranks exactly as a process computing from the daily figures would.
    const plain = await testArena(memory, { now: '2025-10-10T02:00:00Z' });
    expect(await plain.expectOk('board.leaderboard', {}, await plain.login(users.leader))).toEqual(again);
    expect(again.rows.map((r) => r.rankDelta)).toEqual(first.rows.map(() => expect.any(Number)));
  });

  it('keeps no close of a day not yet settled: a post stamped before midnight that commits after it still counts', async () => {
    const memory = memoryStore();
    const { store, calls } = counting(memory);
    const { t, send, reader } = await seeded(store);
    // 16:05Z is 00:05 on 10-11 in Shanghai: 10-10 has ended but is not settled.
    t.setNow('2025-10-10T16:05:00Z');
    const early = await t.expectOk('board.leaderboard', {}, reader);
    expect(calls.kept).not.toContain('2025-10-10');
    expect(early.rows.find((r) => r.unitId === 'C')?.rankDelta).toBe(0);
    // A post stamped 10-10 (its request began at 23:59:59) commits now: it belongs to 10-10's close.
    const late = await store.posts.commitPost(
      {
        campaignId: 'c1',
        unitId: 'C',
        authorId: users.repC.id,
        authorName: users.repC.name,
        createdAt: '2025-10-10T15:59:59.000Z',
        day: '2025-10-10',
        figures: [{ metricId: 'm-invest', value: 20 }],
        text: '',
        photos: [],
        correctionReason: null,
        requestId: rid(),
      },
      () => ({ ok: true, figures: [{ metricId: 'm-invest', value: 20, previous: 2 }] }),
    );
    expect(late.ok).toBe(true);
    const board = await t.expectOk('board.leaderboard', {}, reader);
    // C led at 10-10's close and leads now: no change, because the close includes the late post.
    expect(board.rows[0]?.unitId).toBe('C');
    expect(board.rows[0]?.rankDelta).toBe(0);
    // Once settled, the next recompute (after the next write) keeps the close — with the late post in it.
    t.setNow('2025-10-10T16:15:00Z');
    await send('D', [{ metricId: 'm-signed', value: 3 }]);
    await t.expectOk('board.leaderboard', {}, reader);
    expect(calls.kept).toContain('2025-10-10');
    const kept = await memory.standings.keptCloses('c1', ['2025-10-10']);
    expect(kept.get('2025-10-10')).toContainEqual({ unitId: 'C', metricId: 'm-invest', value: 20 });
  });

  it('compares with the previous Shanghai day’s close once midnight passes at 16:00Z', async () => {
    const { t, send, reader } = await seeded();
    // 16:30Z is 00:30 on 10-11 in Shanghai: B's post belongs to 10-11, so the 10-10 close still has B 4th.
    t.setNow('2025-10-10T16:30:00Z');
    await send('B', [{ metricId: 'm-invest', value: 16 }]);
    const board = await t.expectOk('board.leaderboard', {}, reader);
    expect(board.timeProgress).toBeCloseTo(0.41, 12);
    expect(table(board.rows)).toEqual([
      ['B', 1, 3],
      ['A', 2, -1],
      ['D', 3, -1],
      ['C', 4, -1],
    ]);
  });

  it('has no rank change before the first day has closed', async () => {
    const t = await testArena(memoryStore(), { now: '2025-09-01T02:00:00Z' });
    const token = await t.login(users.repA);
    await t.expectOk(
      'post.create',
      { unitId: 'A', figures: [{ metricId: 'm-invest', value: 0.5 }], requestId: rid() },
      token,
    );
    const board = await t.expectOk('board.leaderboard', {}, token);
    expect(board.timeProgress).toBeCloseTo(0.01, 12);
    expect(board.rows.map((r) => r.rankDelta)).toEqual([null, null, null, null]);
  });
});
