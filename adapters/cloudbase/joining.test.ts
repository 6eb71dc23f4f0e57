/**
 * Joining and reminders on the cloud database, where requests really do arrive at once: through the real
 * wx-server-sdk over the emulated server, whose transactions conflict as the cloud's do. One code, one winner; one OPENID, one user; one
 * reminder however often the timer fires; a user's list read whole past the 100-document cap.
 */
import type { InviteRecord, NotificationRecord, UserRecord } from '../../core/app/ports';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { collections } from './collections';
import { createCloudStore } from './store';

let env: Emulated | undefined;
afterEach(() => env?.done());

const setUp = () => {
  env = emulate({ collections: Object.values(collections), jitter: 3, seed: 5 });
  return { server: env.server, store: createCloudStore({ db: env.db }) };
};

const invite = (code: string, expiresAt = 10_000): InviteRecord => ({
  code,
  cityId: 'city',
  role: 'reporter',
  unitId: 'u-1',
  createdBy: 'admin',
  createdAt: 0,
  expiresAt,
  usedBy: null,
  usedAt: null,
});

const person = (id: string, extra: Partial<UserRecord> = {}): UserRecord => ({
  id,
  name: `用户${id}`,
  role: 'reporter',
  cityId: 'city',
  unitId: 'u-1',
  ...extra,
});

const note = (i: number, createdAt: number, userId = 'u-a'): NotificationRecord => ({
  id: `n-${i}`,
  userId,
  cityId: 'city',
  campaignId: null,
  kind: 'no_post',
  title: '该晒一晒了',
  body: '已 3 天没有填报',
  subjectId: 'unit-1',
  dedupeKey: `${userId}|no_post|unit-1|${i}`,
  createdAt,
  readAt: null,
  channels: {},
});

describe('cloudbase joining under concurrency', () => {
  it('of eight people redeeming one code at once, exactly one wins and the code names them', async () => {
    const { server, store } = setUp();
    await store.people.createInvite(invite('ABCD2345'));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.people.redeemInvite('ABCD2345', `user-${i}`, 500)),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    const { conflictsAtWrite, conflictsAtCommit } = server.stats.transactions;
    expect(conflictsAtWrite + conflictsAtCommit).toBeGreaterThan(0);
    const [stored] = server.dump('invites');
    expect(stored?.usedBy).toBe(winners[0]!.usedBy);
    expect(stored?.record).toEqual({ ...invite('ABCD2345'), usedBy: winners[0]!.usedBy, usedAt: 500 });
  });

  it('an expired or unknown code redeems nothing and writes nothing', async () => {
    const { server, store } = setUp();
    await store.people.createInvite(invite('EXPD2345', 100));
    expect(await store.people.redeemInvite('EXPD2345', 'u', 100)).toBeNull();
    expect(await store.people.redeemInvite('NONE2345', 'u', 1)).toBeNull();
    expect(server.dump('invites')[0]?.usedBy).toBeNull();
  });

  it('a code that exists is never overwritten by a new invite with the same code', async () => {
    const { store } = setUp();
    await store.people.createInvite(invite('SAME2345'));
    await store.people.redeemInvite('SAME2345', 'first', 1);
    await expect(store.people.createInvite(invite('SAME2345'))).rejects.toBeDefined();
    expect(await store.people.redeemInvite('SAME2345', 'second', 2)).toBeNull();
  });

  it('one OPENID bound by two users at once: one is stored, the other refused', async () => {
    const { server, store } = setUp();
    const results = await Promise.allSettled([
      store.people.putUser(person('a', { openid: 'o-1' })),
      store.people.putUser(person('b', { openid: 'o-1' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const owner = await store.people.getUserByOpenid('o-1');
    expect(owner).not.toBeNull();
    expect(server.dump('users').map((d) => d._id)).toEqual([owner!.id]);
  });

  it('a user who changes account frees the old one, and lookups follow', async () => {
    const { store } = setUp();
    await store.people.putUser(person('a', { account: 'wangfang' }));
    await store.people.putUser(person('a', { account: 'wf2025' }));
    expect(await store.people.getUserByAccount('wangfang')).toBeNull();
    expect((await store.people.getUserByAccount('wf2025'))?.id).toBe('a');
    await store.people.putUser(person('b', { account: 'wangfang' }));
    expect((await store.people.getUserByAccount('wangfang'))?.id).toBe('b');
  });

  it('credits given and taken at once lose nothing, and never go below zero', async () => {
    const { store } = setUp();
    // Starting from 1, no order of these reaches below zero: every one of them must count.
    await store.people.putUser(person('a', { subscribeCredits: { tpl: 1 } }));
    await Promise.all([1, 1, 1, 1, -1].map((d) => store.notifications.addSubscribeCredits('a', { tpl: d })));
    expect((await store.people.getUser('a'))?.subscribeCredits).toEqual({ tpl: 4 });
    expect(await store.notifications.addSubscribeCredits('a', { tpl: -10 })).toEqual({});
    expect(await store.notifications.addSubscribeCredits('nobody', { tpl: 2 })).toEqual({});
  });
});

describe('cloudbase reminders under concurrency', () => {
  it('a reminder fired four times at once is stored once', async () => {
    const { server, store } = setUp();
    const inserted = await Promise.all(
      Array.from({ length: 4 }, (_, i) => store.notifications.addNotification({ ...note(1, 1000), id: `n-try-${i}` })),
    );
    expect(inserted.filter(Boolean)).toHaveLength(1);
    expect(server.dump('notifications')).toHaveLength(1);
    expect(await store.notifications.countUnread('u-a')).toBe(1);
  });

  it('lists 130 notifications made in one millisecond, newest first, in pages past the cap', async () => {
    const { store } = setUp();
    for (let i = 0; i < 130; i += 1) await store.notifications.addNotification(note(i, 5000));
    await store.notifications.addNotification(note(999, 5000, 'u-other'));
    const all = await store.notifications.listNotifications({ userId: 'u-a', limit: 150 });
    expect(all.items.map((n) => n.id)).toEqual(Array.from({ length: 130 }, (_, i) => `n-${129 - i}`));
    const first = await store.notifications.listNotifications({ userId: 'u-a', limit: 120 });
    const rest = await store.notifications.listNotifications({ userId: 'u-a', limit: 120, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items]).toEqual(all.items);
    expect(rest.nextCursor).toBeNull();
    expect(await store.notifications.countUnread('u-a')).toBe(130);

    await store.notifications.markRead('u-a', undefined, 6000);
    expect(await store.notifications.countUnread('u-a')).toBe(0);
    expect(await store.notifications.countUnread('u-other')).toBe(1);
    const page = await store.notifications.listNotifications({ userId: 'u-a', limit: 3 });
    expect(page.items.map((n) => n.readAt)).toEqual([6000, 6000, 6000]);
  });

  it('marking read ignores ids of another user’s notifications', async () => {
    const { store } = setUp();
    await store.notifications.addNotification(note(1, 1, 'u-a'));
    await store.notifications.addNotification(note(2, 1, 'u-b'));
    await store.notifications.markRead('u-a', ['n-1', 'n-2', 'n-missing'], 9);
    expect(await store.notifications.countUnread('u-a')).toBe(0);
    expect(await store.notifications.countUnread('u-b')).toBe(1);
  });

  it('channel outcomes accumulate on the notification', async () => {
    const { store } = setUp();
    await store.notifications.addNotification(note(1, 1));
    await store.notifications.setNotificationChannel('n-1', 'subscribe', 'not_subscribed');
    await store.notifications.setNotificationChannel('n-1', 'webhook', 'sent');
    const [n] = (await store.notifications.listNotifications({ userId: 'u-a', limit: 1 })).items;
    expect(n?.channels).toEqual({ subscribe: 'not_subscribed', webhook: 'sent' });
    await expect(store.notifications.setNotificationChannel('n-1', 'a.b', 'x')).rejects.toThrow('channel');
  });
});
