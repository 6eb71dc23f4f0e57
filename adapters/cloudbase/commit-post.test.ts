/**
 * The post path under concurrency, through the real wx-server-sdk over the emulated server, whose
 * transactions conflict as the cloud's do: concurrent posts are serialised by retries and lose no update,
 * a phone's retries of one request write one post, and when retries run out the caller is told to try
 * again and nothing is written. A post writes the request key, the unit's next figure snapshot, the post
 * and the version, and reads no figures when its instance already holds the unit's newest snapshot; one
 * that started from a snapshot another instance has since moved past is run again from the newer one.
 */
import type { PostDraft, Store } from '../../core/app/ports';
import { C1, C2, CITY, M, U, campaignData, decideFrom, draft, users } from '../../tests/store/fixtures';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { collections, docId } from './collections';
import { createCloudStore, type CloudStoreOptions } from './store';

const burst = (n: number, unitId: string = U.a1): PostDraft[] =>
  Array.from({ length: n }, (_, i) =>
    draft({
      unitId,
      day: '2025-03-10',
      time: '10:00',
      requestId: `req-${unitId}-${i}`,
      figures: [{ metricId: M.invest, value: i + 1 }],
    }),
  );

let env: Emulated;
afterEach(() => env.done());

const conflicts = () => {
  const { conflictsAtWrite, conflictsAtCommit } = env.server.stats.transactions;
  return conflictsAtWrite + conflictsAtCommit;
};

async function setUp(options: Omit<CloudStoreOptions, 'db'> = {}) {
  env = emulate({ collections: Object.values(collections), jitter: 3, seed: 11 });
  const store = createCloudStore({ db: env.db, ...options });
  await store.campaigns.saveCampaign(campaignData());
  await store.campaigns.saveCampaign(campaignData(C2));
  return { store };
}

describe('cloudbase commitPost under concurrency', () => {
  it('concurrent posts to one unit conflict, are retried, and each sees the one committed before it', async () => {
    const { store } = await setUp();
    const conflictsBefore = conflicts();
    const drafts = burst(12);
    const results = await Promise.all(drafts.map((d) => store.posts.commitPost(d, decideFrom(d.figures))));

    expect(conflicts()).toBeGreaterThan(conflictsBefore);
    const previous = results.map((r) => (r.ok ? r.post.figures[0]?.previous : 'failed'));
    // One post saw nothing before it; every other saw a value no other post saw: a chain, no lost update.
    expect(previous.filter((p) => p === null)).toHaveLength(1);
    expect(new Set(previous).size).toBe(12);
    // The unit's snapshots 1..12 are the posts in the order they committed, and so is the feed's tie break.
    const snapshots = env.server.dump('daily_figures').sort((a, b) => Number(a.k) - Number(b.k));
    expect(snapshots.map((d) => d.k)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const seqOf = new Map(env.server.dump('posts').map((p) => [p._id, p.seq as number]));
    const seqs = snapshots.map((d) => seqOf.get(d.postId)!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(12);
    // The end of the chain (the value no post saw as previous) is the unit's latest figure.
    const values = results.map((r) => (r.ok ? r.post.figures[0]!.value : NaN));
    const end = values.filter((v) => !previous.includes(v));
    expect(end).toHaveLength(1);
    expect(await store.standings.latestFigures(C1)).toEqual([
      { unitId: U.a1, metricId: M.invest, value: end[0], day: '2025-03-10' },
    ]);
  });

  it('posts to one unit from three instances that keep what they see still make one chain', async () => {
    await setUp();
    const instances = [0, 1, 2].map(() => createCloudStore({ db: env.db, warm: true }));
    // Each instance first holds the unit's newest snapshot of its time, so each starts from a kept one.
    for (const [i, s] of instances.entries()) {
      const d = burst(1)[0]!;
      await s.posts.commitPost(
        { ...d, requestId: `warm-${i}` },
        decideFrom([{ metricId: M.invest, value: 100 + i }]),
      );
    }
    const drafts = burst(12);
    const results = await Promise.all(
      drafts.map((d, i) => instances[i % 3]!.posts.commitPost(d, decideFrom(d.figures))),
    );
    const previous = results.map((r) => (r.ok ? r.post.figures[0]?.previous : 'failed'));
    // The first of the burst saw the last warm-up post; every other saw a value no other post saw.
    expect(previous.filter((p) => p === 102)).toHaveLength(1);
    expect(new Set(previous).size).toBe(12);
    const ks = env.server.dump('daily_figures').map((d) => Number(d.k));
    expect(ks.sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const values = results.map((r) => (r.ok ? r.post.figures[0]!.value : NaN));
    const end = values.filter((v) => !previous.includes(v));
    expect(await instances[0]!.standings.latestFigures(C1)).toEqual([
      { unitId: U.a1, metricId: M.invest, value: end[0], day: '2025-03-10' },
    ]);
  });

  it('a request sent five times at once writes one post and answers the rest as replays', async () => {
    const { store } = await setUp();
    const v0 = await store.standings.dataVersion(C1);
    const d = burst(1)[0]!;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => store.posts.commitPost(d, decideFrom(d.figures))),
    );
    const fresh = results.filter((r) => r.ok && !r.replayed);
    expect(fresh).toHaveLength(1);
    const id = fresh[0]!.ok ? fresh[0]!.post.id : '';
    expect(results.every((r) => r.ok && r.post.id === id)).toBe(true);
    expect(env.server.dump('posts')).toHaveLength(1);
    expect(await store.standings.dataVersion(C1)).toBe(v0 + 1);
  });

  it('posts to different campaigns touch different documents and never conflict', async () => {
    const { store } = await setUp();
    const before = conflicts();
    const a = burst(1, U.a1)[0]!;
    const b = { ...burst(1, U.b1)[0]!, campaignId: C2 };
    await Promise.all([a, b].map((d) => store.posts.commitPost(d, decideFrom(d.figures))));
    expect(conflicts()).toBe(before);
  });

  it('when retries run out, the post is refused as busy and nothing of it is written', async () => {
    const { store } = await setUp({ retry: { attempts: 1 } });
    const drafts = burst(2);
    const results = await Promise.all(drafts.map((d) => store.posts.commitPost(d, decideFrom(d.figures))));
    const refused = results.filter((r) => !r.ok);
    expect(refused).toEqual([
      { ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('稍后重试') } },
    ]);
    expect(env.server.dump('posts')).toHaveLength(1);
    expect(env.server.dump('request_keys')).toHaveLength(1);
    expect(env.server.dump('daily_figures')).toHaveLength(1);
  });

  it('an error that is not a conflict is not retried and reaches the caller', async () => {
    env = emulate({ collections: ['campaigns', 'request_keys'] });
    const store = createCloudStore({ db: env.db });
    const d = burst(1)[0]!;
    await expect(store.posts.commitPost(d, decideFrom(d.figures))).rejects.toMatchObject({
      errCode: -502005,
    });
    expect(env.server.stats.transactions.started).toBe(1);
    expect(env.server.openTransactions()).toBe(0);
  });

  it('a request key written before hashes were kept still replays, whatever the retry carries', async () => {
    const { store } = await setUp();
    const d = burst(1)[0]!;
    const first = await store.posts.commitPost(d, decideFrom(d.figures));
    expect(first.ok).toBe(true);
    const key = env.db.collection(collections.requestKeys).doc(docId(d.authorId, d.requestId));
    const { data: stored } = (await key.get()) as { data: Record<string, unknown> };
    expect(typeof stored.hash).toBe('string');
    // As an older program wrote it: no hash.
    await key.set({ data: { postId: stored.postId, campaignId: stored.campaignId } });
    const other = { ...d, text: '另一条内容' };
    const again = await store.posts.commitPost(other, decideFrom(other.figures));
    expect(again).toEqual({ ...first, replayed: true });
    expect(env.server.dump('posts')).toHaveLength(1);
  });

  it('a post touches each document once and reads no figures its instance holds', async () => {
    const drafts = [0, 1, 2].map((i) =>
      draft({
        unitId: U.a1,
        day: '2025-03-10',
        time: `10:0${i}`,
        requestId: `once-${i}`,
        figures: [{ metricId: i === 1 ? M.signed : M.invest, value: 5 + i }],
      }),
    );
    const used = async (store: Store, d: PostDraft) => {
      const before = { ...env.server.stats.requests };
      expect((await store.posts.commitPost(d, decideFrom(d.figures))).ok).toBe(true);
      return Object.fromEntries(
        Object.entries(env.server.stats.requests)
          .map(([k, n]) => [k, n - (before[k] ?? 0)])
          .filter(([, n]) => n !== 0),
      );
    };
    const { store } = await setUp();
    await used(store, drafts[0]!);
    // Start, the key and the unit's next snapshot inserted, the post and the version written, commit; the
    // unit's head (which a warm call's check carries) and its snapshot read first.
    expect(await used(store, drafts[1]!)).toEqual({
      'database.startTransaction': 1,
      'database.getDocument': 2,
      'database.insertDocument': 2,
      'database.modifyDocument': 2,
      'database.commitTransaction': 1,
    });
    // An instance that keeps what it has seen holds the snapshot it wrote: only the head is read.
    const warm = createCloudStore({ db: env.db, warm: true });
    await used(warm, { ...drafts[1]!, requestId: 'once-warm' });
    expect(await used(warm, drafts[2]!)).toMatchObject({ 'database.getDocument': 1 });
    // The unit's newest snapshot still holds every figure of the day, as if the day had been read and merged.
    const newest = env.server.dump('daily_figures').find((d) => d._id === docId(C1, U.a1, '#4'));
    expect(newest).toMatchObject({ k: 4, day: '2025-03-10', last: '2025-03-10' });
    expect(newest?.figures).toEqual([
      { metricId: M.invest, value: 7 },
      { metricId: M.signed, value: 6 },
    ]);
  });

  it('a post from a head another instance has moved past is run again from the newer snapshot', async () => {
    const { store: other } = await setUp();
    const warm = createCloudStore({ db: env.db, warm: true });
    await other.campaigns.saveCity({ id: CITY, name: '永康市' });
    await other.campaigns.setCurrentCampaign(CITY, C1);
    await other.people.putUser({ ...users[0]!, openid: 'o-a1' });
    const on = (requestId: string, value: number) =>
      draft({ unitId: U.a1, day: '2025-03-10', requestId, figures: [{ metricId: M.invest, value }] });
    const via = async (s: Store, d: PostDraft) => {
      const r = await s.posts.commitPost(d, decideFrom(d.figures));
      if (!r.ok) throw new Error(r.error.message);
      return r.post.figures[0]!;
    };
    // The warm instance keeps the user, and the snapshot of its own post.
    for (let i = 0; i < 2; i += 1) await warm.invocation(() => warm.people.getUserByOpenid('o-a1'));
    expect(await warm.invocation(() => via(warm, on('a', 1)))).toMatchObject({ previous: null });

    const { started } = env.server.stats.transactions;
    const third = await warm.invocation(async () => {
      // The call's check reads the head of the user's unit (snapshot 1)…
      expect((await warm.people.getUserByOpenid('o-a1'))?.unitId).toBe(U.a1);
      // …then another instance posts (snapshot 2) before this call's post.
      expect(await via(other, on('b', 2))).toMatchObject({ previous: 1 });
      return via(warm, on('c', 3));
    });
    // Snapshot 2 was taken: the post ran again from it, and saw the other post's figure.
    expect(third).toMatchObject({ previous: 2 });
    expect(env.server.stats.transactions.started - started).toBe(3);
    expect(env.server.openTransactions()).toBe(0);
    expect(
      env.server
        .dump('daily_figures')
        .map((d) => d.k)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(await warm.standings.latestFigures(C1)).toEqual([
      { unitId: U.a1, metricId: M.invest, value: 3, day: '2025-03-10' },
    ]);
  });

  it('a refused post keeps no request key: sent again corrected, it is posted', async () => {
    const { store } = await setUp();
    const bad = draft({
      unitId: U.a1,
      day: '2025-03-10',
      requestId: 'fix-me',
      figures: [{ metricId: M.invest, value: -1 }],
    });
    expect(await store.posts.commitPost(bad, decideFrom(bad.figures))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(env.server.dump('request_keys')).toEqual([]);
    expect(env.server.openTransactions()).toBe(0);
    const fixed = { ...bad, figures: [{ metricId: M.invest, value: 1 }] };
    expect(await store.posts.commitPost(fixed, decideFrom(fixed.figures))).toMatchObject({
      ok: true,
      replayed: false,
    });
    expect(env.server.dump('posts')).toHaveLength(1);
  });

  it('a post stamped before midnight that lands after one stamped after it reads its day, and keeps that day’s figures', async () => {
    const { store } = await setUp();
    const on = (day: string, requestId: string, metricId: string, value: number) =>
      draft({ unitId: U.a1, day, requestId, figures: [{ metricId, value }] });
    for (const d of [
      on('2025-03-10', 'a', M.invest, 1),
      on('2025-03-11', 'b', M.invest, 2),
      on('2025-03-10', 'c', M.signed, 3),
    ])
      expect((await store.posts.commitPost(d, decideFrom(d.figures))).ok).toBe(true);
    const third = env.server.dump('daily_figures').find((d) => d._id === docId(C1, U.a1, '#3'));
    expect(third).toMatchObject({ day: '2025-03-10', last: '2025-03-11' });
    expect(third?.figures).toEqual([
      { metricId: M.invest, value: 1 },
      { metricId: M.signed, value: 3 },
    ]);
    expect(await store.standings.unitDailyFigures(C1, U.a1)).toEqual([
      { unitId: U.a1, metricId: M.invest, value: 1, day: '2025-03-10' },
      { unitId: U.a1, metricId: M.signed, value: 3, day: '2025-03-10' },
      { unitId: U.a1, metricId: M.invest, value: 2, day: '2025-03-11' },
    ]);
    expect(await store.posts.lastPostDays(C1)).toEqual(new Map([[U.a1, '2025-03-11']]));
  });
});
