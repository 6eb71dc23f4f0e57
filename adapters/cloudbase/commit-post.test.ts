/**
 * The post path under concurrency, through the real wx-server-sdk over the emulated server, whose
 * transactions conflict as the cloud's do: concurrent posts are serialised by retries and lose no update,
 * a phone's retries of one request write one post, and when retries run out the caller is told to try
 * again and nothing is written.
 */
import type { PostDraft } from '../../core/app/ports';
import { C1, C2, M, U, campaignData, decideFrom, draft } from '../../tests/store/fixtures';
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
    const seqs = env.server
      .dump('posts')
      .map((p) => p.seq as number)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // The end of the chain (the value no post saw as previous) is the unit's latest figure.
    const values = results.map((r) => (r.ok ? r.post.figures[0]!.value : NaN));
    const end = values.filter((v) => !previous.includes(v));
    expect(end).toHaveLength(1);
    expect(await store.standings.latestFigures(C1)).toEqual([
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

  it('a post touches each document once: the key is claimed by an insert and the day’s document is written unread', async () => {
    const { store } = await setUp();
    const [first, second] = [0, 1].map((i) =>
      draft({
        unitId: U.a1,
        day: '2025-03-10',
        time: `10:0${i}`,
        requestId: `once-${i}`,
        figures: [{ metricId: i === 0 ? M.invest : M.signed, value: 5 + i }],
      }),
    );
    expect((await store.posts.commitPost(first!, decideFrom(first!.figures))).ok).toBe(true);
    const before = { ...env.server.stats.requests };
    expect((await store.posts.commitPost(second!, decideFrom(second!.figures))).ok).toBe(true);
    const used = Object.fromEntries(
      Object.entries(env.server.stats.requests)
        .map(([k, n]) => [k, n - (before[k] ?? 0)])
        .filter(([, n]) => n !== 0),
    );
    // start, the key inserted, latest and version read, daily, latest, post and version written, commit.
    expect(used).toEqual({
      'database.startTransaction': 1,
      'database.insertDocument': 1,
      'database.getDocument': 2,
      'database.modifyDocument': 4,
      'database.commitTransaction': 1,
    });
    // The day's document still holds both of the day's figures, as if it had been read and merged.
    const daily = env.server.dump('daily_figures').find((d) => d._id === docId(C1, U.a1, '2025-03-10'));
    expect(daily?.figures).toEqual(
      [
        { metricId: M.invest, value: 5 },
        { metricId: M.signed, value: 6 },
      ].sort((a, b) => (a.metricId < b.metricId ? -1 : 1)),
    );
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

  it('a day’s document is read when the latest document holds a later day, and keeps that day’s figures', async () => {
    const { store } = await setUp();
    const on = (day: string, requestId: string, metricId: string, value: number) =>
      draft({ unitId: U.a1, day, requestId, figures: [{ metricId, value }] });
    for (const d of [
      on('2025-03-10', 'a', M.invest, 1),
      on('2025-03-11', 'b', M.invest, 2),
      on('2025-03-10', 'c', M.signed, 3),
    ])
      expect((await store.posts.commitPost(d, decideFrom(d.figures))).ok).toBe(true);
    const daily = env.server.dump('daily_figures').find((d) => d._id === docId(C1, U.a1, '2025-03-10'));
    expect(daily?.figures).toEqual(
      [
        { metricId: M.invest, value: 1 },
        { metricId: M.signed, value: 3 },
      ].sort((a, b) => (a.metricId < b.metricId ? -1 : 1)),
    );
  });
});
