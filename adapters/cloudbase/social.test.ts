/**
 * The social slice on the cloud, beyond the shared Store suite, through the real wx-server-sdk over the
 * emulated server: a feed page's reactions cost two queries however many likes there are; likes, unlikes
 * and comments at once all count, once each; a count survives conflicts that make its transaction run
 * again, and a transaction that keeps conflicting writes nothing; marks and counts never undo each other,
 * and a mark filed under another post is refused; marks and posts past a query's 100 documents come back
 * whole, in order; documents carry the schema version, and one from a newer program is refused.
 */
import type { Store } from '../../core/app/store';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { C1, C2, U, campaignData, commitOk, draft } from '../../tests/store/fixtures';
import { comment, exemplar } from '../../tests/store/social.cases';
import { collections, docId } from './collections';
import { SCHEMA_TOO_NEW, SCHEMA_VERSION } from './schema';
import { createCloudStore, type CloudStoreOptions } from './store';
import { isBusy } from './transaction';

const T0 = 1_747_000_000_000;

let env: Emulated;
afterEach(() => env.done());

function setUp(options: Omit<CloudStoreOptions, 'db'> = {}): Store {
  env = emulate({ collections: Object.values(collections), jitter: 3, seed: 14 });
  return createCloudStore({ db: env.db, ...options });
}

const conflicts = () => {
  const { conflictsAtWrite, conflictsAtCommit } = env.server.stats.transactions;
  return conflictsAtWrite + conflictsAtCommit;
};

const ids = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('cloudbase social: a page of reactions', () => {
  it('a 20-post page costs two queries, however many likes the posts have', async () => {
    const store = setUp();
    const page = ids(20);
    // 120 likes in all, more than one query's 100 documents: none of them is read.
    for (const [i, postId] of page.entries())
      for (let u = 0; u < 6; u += 1)
        if (u > 0 || i % 2 === 0)
          await store.social.setLike(C1, postId, u === 0 ? 'me' : `u${i}-${u}`, true, T0);
    await store.social.addComment(comment('c-1', { postId: 'p-3' }));
    await store.social.setExemplar(C1, 'p-5', exemplar('p-5'));

    env.emulator.resetRoundTrips();
    const got = await store.social.socialOf(C1, page, 'me');
    expect(env.emulator.roundTrips()).toBe(2);
    expect(got.size).toBe(20);
    expect(got.get('p-0')).toEqual({ likes: 6, likedByMe: true, comments: 0, exemplar: null });
    expect(got.get('p-3')).toEqual({ likes: 5, likedByMe: false, comments: 1, exemplar: null });
    expect(got.get('p-5')).toEqual({ likes: 5, likedByMe: false, comments: 0, exemplar: exemplar('p-5') });
    expect([...got.values()].filter((s) => s.likedByMe)).toHaveLength(10);

    env.emulator.resetRoundTrips();
    expect((await store.social.socialOf(C1, [], 'me')).size).toBe(0);
    expect(env.emulator.roundTrips()).toBe(0);
  });
});

describe('cloudbase social: counts under concurrency', () => {
  it('twenty likes at once count 20, and twenty unlikes at once bring it back to 0', async () => {
    const store = setUp();
    const users = ids(20, 'u');
    const liked = await Promise.all(users.map((u, i) => store.social.setLike(C1, 'p-1', u, true, T0 + i)));
    // The transactions ran in turn: the server refused writers, and the retries ran them again.
    expect(conflicts()).toBeGreaterThan(0);
    expect(liked.map((r) => r.likes).sort((a, b) => a - b)).toEqual(users.map((_, i) => i + 1));
    expect((await store.social.socialOf(C1, ['p-1'], 'u-7')).get('p-1')).toMatchObject({
      likes: 20,
      likedByMe: true,
    });
    expect(env.server.dump(collections.likes)).toHaveLength(20);

    await Promise.all(users.map((u, i) => store.social.setLike(C1, 'p-1', u, false, T0 + 30 + i)));
    expect((await store.social.socialOf(C1, ['p-1'], 'u-7')).get('p-1')).toMatchObject({
      likes: 0,
      likedByMe: false,
    });
    expect(env.server.dump(collections.likes)).toEqual([]);
    expect(env.server.openTransactions()).toBe(0);
  });

  it('comments at once all count; one comment sent twice at once is one comment, counted once', async () => {
    const store = setUp();
    const many = ids(8, 'c').map((id, i) => comment(id, { authorId: `user-${i}`, createdAt: T0 + i }));
    await Promise.all(many.map((c) => store.social.addComment(c)));
    const twice = comment('c-x', { createdAt: T0 + 100 });
    const [a, b] = await Promise.all([store.social.addComment(twice), store.social.addComment(twice)]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.comment).toEqual(b.comment);
    expect(await store.social.listComments(C1, 'p-1')).toEqual([...many, twice]);
    expect((await store.social.socialOf(C1, ['p-1'], 'me')).get('p-1')?.comments).toBe(9);
  });

  it('a count survives conflicts at a write and at commit: each transaction run again counts once', async () => {
    const store = setUp({ retry: { backoffMs: 1, maxBackoffMs: 4 } });
    env.server.inject({ at: 'write', collection: collections.postReactions, times: 2 });
    env.server.inject({ at: 'commit', times: 2 });
    expect(await store.social.setLike(C1, 'p-1', 'u1', true, T0)).toEqual({ likes: 1, likedByMe: true });
    expect(conflicts()).toBe(4);

    env.server.inject({ at: 'write', collection: collections.comments, times: 1 });
    env.server.inject({ at: 'write', collection: collections.postReactions, times: 1 });
    env.server.inject({ at: 'commit', times: 1 });
    expect((await store.social.addComment(comment('c-1'))).replayed).toBe(false);

    env.server.inject({ at: 'write', collection: collections.postReactions, times: 1 });
    env.server.inject({ at: 'commit', times: 1 });
    await store.social.setExemplar(C1, 'p-1', exemplar('p-1'));
    expect((await store.social.socialOf(C1, ['p-1'], 'u1')).get('p-1')).toEqual({
      likes: 1,
      likedByMe: true,
      comments: 1,
      exemplar: exemplar('p-1'),
    });
    expect(env.server.dump(collections.comments)).toHaveLength(1);
  });

  it('when every run conflicts, the like is refused as busy and nothing is written; sent again, it counts', async () => {
    const store = setUp({ retry: { attempts: 2, backoffMs: 1 } });
    env.server.inject({ at: 'write', collection: collections.postReactions, times: 2 });
    const busy = await store.social.setLike(C1, 'p-1', 'u1', true, T0).catch((e: unknown) => e);
    expect(isBusy(busy)).toBe(true);
    expect(env.server.dump(collections.likes)).toEqual([]);
    expect(env.server.dump(collections.postReactions)).toEqual([]);
    expect(await store.social.setLike(C1, 'p-1', 'u1', true, T0)).toEqual({ likes: 1, likedByMe: true });
  });

  it('marking, unmarking and reacting never undo one another', async () => {
    const store = setUp();
    await Promise.all([
      store.social.setLike(C1, 'p-1', 'u1', true, T0),
      store.social.setExemplar(C1, 'p-1', exemplar('p-1')),
      store.social.addComment(comment('c-1')),
      store.social.setLike(C1, 'p-1', 'u2', true, T0),
    ]);
    expect((await store.social.socialOf(C1, ['p-1'], 'u2')).get('p-1')).toEqual({
      likes: 2,
      likedByMe: true,
      comments: 1,
      exemplar: exemplar('p-1'),
    });
    await store.social.setExemplar(C1, 'p-1', null);
    expect((await store.social.socialOf(C1, ['p-1'], 'u2')).get('p-1')).toMatchObject({
      likes: 2,
      comments: 1,
    });
    // Unmarking a post without a mark, or clearing a like never set, writes nothing.
    const before = env.server.stats.requests['database.modifyDocument'] ?? 0;
    await store.social.setExemplar(C1, 'p-2', null);
    await store.social.setLike(C1, 'p-2', 'u1', false, T0);
    expect(env.server.stats.requests['database.modifyDocument'] ?? 0).toBe(before);
    expect(env.server.dump(collections.postReactions)).toHaveLength(1);
  });

  it('a mark filed under another post or campaign is refused, writing nothing, and the post keeps its own', async () => {
    const store = setUp();
    await store.social.setExemplar(C1, 'p-1', exemplar('p-1'));
    const before = env.server.dump(collections.postReactions);
    await expect(store.social.setExemplar(C1, 'p-1', exemplar('p-2', { reason: '别的' }))).rejects.toThrow(
      '经验做法标记属于',
    );
    await expect(store.social.setExemplar(C2, 'p-1', exemplar('p-1'))).rejects.toThrow('经验做法标记属于');
    expect(env.server.dump(collections.postReactions)).toEqual(before);
    expect((await store.social.listExemplars(C1, { limit: 5 })).items).toEqual([exemplar('p-1')]);
  });
});

describe('cloudbase social: lists past 100', () => {
  it('130 marks page newest first past a query’s 100, by track too; a foreign cursor gives an empty page', async () => {
    const store = setUp();
    const n = 130;
    for (let i = 0; i < n; i += 1)
      await store.social.setExemplar(
        C1,
        `p-${i}`,
        exemplar(`p-${i}`, { at: T0 + i, trackIds: i % 2 === 0 ? ['t-build'] : ['t-invite', 't-build'] }),
      );
    const newestFirst = Array.from({ length: n }, (_, i) => `p-${n - 1 - i}`);

    env.emulator.resetRoundTrips();
    const first = await store.social.listExemplars(C1, { limit: 120 });
    // 100 marks, then the 20 left and one more to know a next page exists.
    expect(env.emulator.roundTrips()).toBe(2);
    expect(first.items.map((e) => e.postId)).toEqual(newestFirst.slice(0, 120));
    expect(first.nextCursor).not.toBeNull();
    const rest = await store.social.listExemplars(C1, { limit: 120, cursor: first.nextCursor ?? '' });
    expect(rest.items.map((e) => e.postId)).toEqual(newestFirst.slice(120));
    expect(rest.nextCursor).toBeNull();

    const invite = await store.social.listExemplars(C1, { trackId: 't-invite', limit: 200 });
    expect(invite.items.map((e) => e.postId)).toEqual(
      newestFirst.filter((p) => Number(p.slice(2)) % 2 === 1),
    );
    expect((await store.social.listExemplars(C1, { trackId: 't-build', limit: 200 })).items).toHaveLength(n);
    expect(await store.social.listExemplars(C1, { limit: 10, cursor: 'not-ours' })).toEqual({
      items: [],
      nextCursor: null,
    });
  }, 60_000);

  it('105 posts asked by id come back whole, in two queries; unknown ids are left out', async () => {
    const store = setUp();
    await store.campaigns.saveCampaign(campaignData());
    const posts = [];
    for (let i = 0; i < 105; i += 1)
      posts.push(
        await commitOk(store, draft({ unitId: U.a1, day: '2025-03-03', requestId: `r-${i}`, figures: [] })),
      );
    env.emulator.resetRoundTrips();
    const got = await store.posts.getPosts(C1, [...posts.map((p) => p.id), 'nope', posts[0]!.id]);
    expect(env.emulator.roundTrips()).toBe(2);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(got.sort(byId)).toEqual([...posts].sort(byId));
  }, 60_000);
});

describe('cloudbase social: schema version', () => {
  it('every document the slice writes carries the current schema version', async () => {
    const store = setUp();
    await store.social.setLike(C1, 'p-1', 'u1', true, T0);
    await store.social.addComment(comment('c-1'));
    await store.social.setExemplar(C1, 'p-2', exemplar('p-2'));
    for (const name of [collections.likes, collections.comments, collections.postReactions]) {
      const docs = env.server.dump(name);
      expect({ name, some: docs.length > 0 }).toEqual({ name, some: true });
      for (const doc of docs) expect({ name, _v: doc._v }).toEqual({ name, _v: SCHEMA_VERSION });
    }
  });

  it('reactions from a newer program are refused, not guessed at, and a like on them writes nothing', async () => {
    const store = setUp();
    await store.social.setLike(C1, 'p-1', 'u1', true, T0);
    await env.db
      .collection(collections.postReactions)
      .doc(docId(C1, 'p-1'))
      .update({ data: { _v: SCHEMA_VERSION + 1 } });
    await expect(store.social.socialOf(C1, ['p-1'], 'u1')).rejects.toMatchObject({ code: SCHEMA_TOO_NEW });
    await expect(store.social.setLike(C1, 'p-1', 'u2', true, T0)).rejects.toThrow(/数据由更新版本的程序写入/);
    expect(env.server.dump(collections.likes)).toHaveLength(1);
  });
});
