/**
 * Every transaction of the CloudBase store survives conflicts, wherever the server raises them: at a write
 * inside the transaction (which the SDK would not retry) and at commit (which it would, at once). Each
 * store method that writes in a transaction is run with conflicts injected at both places, through the
 * real wx-server-sdk over the emulated server; it still does its work exactly once. When every run
 * conflicts the caller is told the store is busy, and an error that is no conflict is not retried.
 */
import type { InviteRecord, NotificationRecord, Store } from '../../core/app/ports';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { C1, CITY, M, U, campaignData, commitOk, draft } from '../../tests/store/fixtures';
import { comment, exemplar } from '../../tests/store/social.cases';
import { collections } from './collections';
import { createCloudStore } from './store';
import { inTransaction, isBusy } from './transaction';

let env: Emulated;
let store: Store;

beforeEach(() => {
  env = emulate({ collections: Object.values(collections) });
  store = createCloudStore({ db: env.db, retry: { backoffMs: 1, maxBackoffMs: 4 } });
});
afterEach(() => env.done());

const conflicts = () => {
  const { conflictsAtWrite, conflictsAtCommit } = env.server.stats.transactions;
  return { write: conflictsAtWrite, commit: conflictsAtCommit };
};

const invite = (code: string): InviteRecord => ({
  code,
  cityId: CITY,
  role: 'reporter',
  unitId: U.a1,
  createdBy: 'admin',
  createdAt: 0,
  expiresAt: 10_000,
  usedBy: null,
  usedAt: null,
});

const note: NotificationRecord = {
  id: 'n-1',
  userId: 'user-a1',
  cityId: CITY,
  campaignId: C1,
  kind: 'no_post',
  title: '该晒一晒了',
  body: '已 3 天没有填报',
  subjectId: U.a1,
  dedupeKey: 'user-a1|no_post|u|2025-03-10',
  createdAt: 1000,
  readAt: null,
  channels: {},
};

/** Each method that writes in a transaction, with conflicts injected, and a check that it did its work once. */
const cases: Array<[string, () => Promise<void>]> = [
  [
    'commitPost',
    async () => {
      await store.campaigns.saveCampaign(campaignData());
      env.server.inject({ at: 'write', collection: collections.dailyFigures, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      const post = await commitOk(
        store,
        draft({
          unitId: U.a1,
          day: '2025-03-10',
          requestId: 'r-1',
          figures: [{ metricId: M.invest, value: 1.5 }],
        }),
      );
      expect(env.server.dump(collections.posts).map((d) => d._id)).toEqual([post.id]);
      expect(await store.standings.latestFigures(C1)).toEqual([
        { unitId: U.a1, metricId: M.invest, value: 1.5, day: '2025-03-10' },
      ]);
    },
  ],
  [
    'redeemInvite',
    async () => {
      await store.people.createInvite(invite('ABCD2345'));
      env.server.inject({ at: 'write', collection: collections.invites, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      expect(await store.people.redeemInvite('ABCD2345', 'user-new', 5)).toMatchObject({
        usedBy: 'user-new',
        usedAt: 5,
      });
      expect(await store.people.redeemInvite('ABCD2345', 'user-other', 6)).toBeNull();
    },
  ],
  [
    'putUser',
    async () => {
      env.server.inject({ at: 'write', collection: collections.openids, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      await store.people.putUser({
        id: 'u-1',
        name: '王芳',
        role: 'reporter',
        cityId: CITY,
        unitId: U.a1,
        openid: 'o-1',
      });
      expect((await store.people.getUserByOpenid('o-1'))?.id).toBe('u-1');
    },
  ],
  [
    'addNotification',
    async () => {
      env.server.inject({ at: 'write', collection: collections.inboxes, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      expect(await store.notifications.addNotification(note)).toBe(true);
      expect(await store.notifications.addNotification({ ...note, id: 'n-2' })).toBe(false);
      expect(env.server.dump(collections.notifications)).toHaveLength(1);
    },
  ],
  [
    'saveCampaign (its version)',
    async () => {
      env.server.inject({ at: 'write', collection: collections.dataVersions, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      await store.campaigns.saveCampaign(campaignData());
      expect(await store.campaigns.campaignVersion(C1)).toBe(1);
    },
  ],
  [
    'flagPost',
    async () => {
      await store.campaigns.saveCampaign(campaignData());
      const photo = 'cloud://test-env.7465/a.jpg';
      const post = await commitOk(
        store,
        draft({ unitId: U.a1, day: '2025-03-10', requestId: 'r-1', figures: [], photos: [photo] }),
      );
      env.server.inject({ at: 'write', collection: collections.posts, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      expect(await store.posts.flagPost(post.id, photo)).toBe(true);
      const [stored] = env.server.dump(collections.posts);
      expect(stored?.record).toMatchObject({ flagged: true, hiddenPhotos: [photo] });
    },
  ],
  [
    'setLike',
    async () => {
      env.server.inject({ at: 'write', collection: collections.likes, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      expect(await store.social.setLike(C1, 'p-1', 'u-1', true, 1)).toEqual({ likes: 1, likedByMe: true });
      expect(env.server.dump(collections.likes)).toHaveLength(1);
    },
  ],
  [
    'addComment',
    async () => {
      env.server.inject({ at: 'write', collection: collections.postReactions, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      expect((await store.social.addComment(comment('c-1'))).replayed).toBe(false);
      expect((await store.social.socialOf(C1, ['p-1'], 'u-1')).get('p-1')?.comments).toBe(1);
    },
  ],
  [
    'setExemplar',
    async () => {
      env.server.inject({ at: 'write', collection: collections.postReactions, times: 2 });
      env.server.inject({ at: 'commit', times: 2 });
      await store.social.setExemplar(C1, 'p-1', exemplar('p-1'));
      expect((await store.social.listExemplars(C1, { limit: 5 })).items).toEqual([exemplar('p-1')]);
    },
  ],
];

describe('cloudbase transactions retry conflicts at the write and at commit', () => {
  it.each(cases)('%s', async (_, run) => {
    await run();
    expect(conflicts()).toEqual({ write: 2, commit: 2 });
    expect(env.server.openTransactions()).toBe(0);
  });

  it('subscription credits: a conflicting run is redone, and its change counted once', async () => {
    await store.people.putUser({
      id: 'u-1',
      name: '王芳',
      role: 'reporter',
      cityId: CITY,
      unitId: U.a1,
      openid: 'o-1',
    });
    env.server.inject({ at: 'write', collection: collections.users, times: 2 });
    env.server.inject({ at: 'commit', times: 2 });
    const before = env.server.dump(collections.users);
    await store.notifications.addSubscribeCredits('u-1', { tpl: 2 });
    expect(conflicts()).toEqual({ write: 2, commit: 2 });
    expect(env.server.dump(collections.users)).not.toEqual(before);
    expect((await store.people.getUser('u-1'))?.subscribeCredits).toEqual({ tpl: 2 });
  });
});

describe('inTransaction', () => {
  it('gives up after its attempts with a busy error, having written nothing', async () => {
    env.server.inject({ at: 'write', times: 3 });
    let runs = 0;
    const e = await inTransaction(
      env.db,
      async (t) => {
        runs += 1;
        await t
          .collection(collections.settings)
          .doc('k')
          .set({ data: { value: runs } });
      },
      { attempts: 3, backoffMs: 1, maxBackoffMs: 1 },
    ).catch((x: unknown) => x);
    expect(isBusy(e)).toBe(true);
    expect(runs).toBe(3);
    expect(env.server.dump(collections.settings)).toEqual([]);
  });

  it('does not retry an error that is not a conflict', async () => {
    let runs = 0;
    const e = await inTransaction(env.db, async (t) => {
      runs += 1;
      await t
        .collection('no_such_collection')
        .doc('k')
        .set({ data: { value: 1 } });
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({ errCode: -502005 });
    expect(runs).toBe(1);
  });
});
