/**
 * The schema version of CloudBase documents: the read path's branches one by one, then data as the store
 * wrote it before cities (version 1), through the real SDK over the emulated server: read before any
 * upgrade, upgraded by `upgradeDocuments`, upgraded again to no effect; and a document written by a newer
 * program refused, by reads and by the upgrade alike.
 */
import { DEFAULT_CITY, type CampaignData } from '../../core/app/campaigns/store';
import type { InviteRecord, UserRecord } from '../../core/app/people/store';
import type { NotificationRecord } from '../../core/app/notifications/store';
import type { Store } from '../../core/app/store';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { C1, C2, CITY2, campaignData, users } from '../../tests/store/fixtures';
import { collections, docId } from './collections';
import { SCHEMA_TOO_NEW, SCHEMA_UNKNOWN, SCHEMA_VERSION, stamped, upgraded, versionOf } from './schema';
import { upgradeDocuments } from './setup';
import { createCloudStore } from './store';
import type { WxData, WxDatabase } from './wx-types';

const CITY = DEFAULT_CITY.id;
const NEWER = /数据由更新版本的程序写入.*请先部署新版本/;

describe('cloudbase schema: the read path', () => {
  const record = { id: 'x', name: '某' };

  it('a document without _v is version 1; a positive integer is its version; anything else is refused', () => {
    expect(versionOf('users', { _id: 'a', record })).toBe(1);
    expect(versionOf('users', { _id: 'a', _v: 2, record })).toBe(2);
    for (const bad of ['2', 0, -1, 1.5, true]) {
      expect(() => versionOf('users', { _id: 'a', _v: bad })).toThrow(
        expect.objectContaining({ code: SCHEMA_UNKNOWN }),
      );
    }
    expect(() => versionOf('users', { _id: 'a', _v: 'x' })).toThrow(/数据版本无法识别/);
  });

  it('version 1 is upgraded in memory into the default city, the stored document untouched', () => {
    const v1 = { _id: 'c1', record: { id: 'c1' } };
    expect(upgraded('campaigns', v1)).toEqual({ _id: 'c1', _v: 2, cityId: CITY, record: { id: 'c1' } });
    expect(v1).toEqual({ _id: 'c1', record: { id: 'c1' } });
    expect(upgraded('users', { _id: 'u', isDemo: true, record })).toEqual({
      _id: 'u',
      _v: 2,
      isDemo: true,
      cityId: CITY,
      record: { ...record, cityId: CITY },
    });
    expect(upgraded('invites', { _id: 'i', usedBy: null, record: { code: 'i' } })).toEqual({
      _id: 'i',
      _v: 2,
      usedBy: null,
      record: { code: 'i', cityId: CITY },
    });
    expect(upgraded('notifications', { _id: 'n', userId: 'u', record: { id: 'n' } })).toEqual({
      _id: 'n',
      _v: 2,
      userId: 'u',
      record: { id: 'n', cityId: CITY, campaignId: null },
    });
  });

  it('a city has no version 1: one without _v was not written by this store and is refused', () => {
    expect(() => upgraded('cities', { _id: 'city', record })).toThrow(
      expect.objectContaining({ code: SCHEMA_UNKNOWN }),
    );
  });

  it('the current version is taken as it is', () => {
    const doc = { _id: 'u', _v: SCHEMA_VERSION, cityId: CITY2, record: { ...record, cityId: CITY2 } };
    for (const name of ['cities', 'campaigns', 'users', 'invites', 'notifications'] as const)
      expect(upgraded(name, doc)).toBe(doc);
  });

  it('a version this code does not know is refused with a message that says what to do', () => {
    for (const v of [3, 99]) {
      const doc = { _id: 'u-new', _v: v, record };
      expect(() => upgraded('users', doc)).toThrow(NEWER);
      expect(() => upgraded('users', doc)).toThrow(expect.objectContaining({ code: SCHEMA_TOO_NEW }));
      expect(() => upgraded('users', doc)).toThrow(`users/u-new 为第 ${v} 版`);
    }
  });

  it('every write is stamped with the current version', () => {
    expect(stamped({ record })).toEqual({ _v: SCHEMA_VERSION, record });
    expect(stamped({ _v: 1, record })).toEqual({ _v: SCHEMA_VERSION, record });
  });
});

/* ---------- version-1 data, written as the store wrote it before cities ---------- */

const T0 = 1_760_000_000_000;

/** The record without `cityId`: what a version-1 document holds. */
const v1 = <T extends { cityId?: string }>(r: T): Omit<T, 'cityId'> => {
  const { cityId: _city, ...rest } = r;
  return rest;
};

const invite = (code: string): InviteRecord => ({
  code,
  cityId: CITY,
  role: 'reporter',
  unitId: 'u-fangyan',
  createdBy: 'user-admin',
  createdAt: T0,
  expiresAt: T0 + 3_600_000,
  usedBy: null,
  usedAt: null,
});

const note = (n: number, readAt: number | null): NotificationRecord => ({
  id: `n-${n}`,
  userId: 'user-a1',
  cityId: CITY,
  campaignId: null,
  kind: 'no_post',
  title: '该晒进度了',
  body: `第 ${n} 条提醒`,
  subjectId: 'u-fangyan',
  dedupeKey: `user-a1|no_post|u-fangyan|${n}`,
  createdAt: T0 + n,
  readAt,
  channels: {},
});

/** Users of the default city, as read after the upgrade; the first has an OPENID. */
const oldUsers: UserRecord[] = [
  { ...users[0]!, cityId: CITY, openid: 'o-wangfang' },
  { ...users[3]!, cityId: CITY },
];

async function seedV1(db: WxDatabase, current: string | null = C1): Promise<void> {
  const put = (name: string, id: string, data: WxData) => db.collection(name).doc(id).set({ data });
  for (const id of [C1, C2]) {
    const data = campaignData(id, CITY);
    const tagged = <T>(name: string, records: T[], key: (r: T) => string[]) =>
      Promise.all(
        records.map((record, order) =>
          put(name, docId(id, ...key(record)), { campaignId: id, order, record }),
        ),
      );
    await tagged('tracks', data.tracks, (t) => [t.id]);
    await tagged('metrics', data.metrics, (m) => [m.id]);
    await tagged('units', data.units, (u) => [u.id]);
    await tagged('targets', data.targets, (t) => [t.unitId, t.metricId]);
    await put('campaigns', docId(id), { record: data.campaign });
    await put('data_versions', docId(id), { campaignId: id, version: 1, campaign: 1, posts: 0 });
  }
  if (current !== null) await put('settings', 'currentCampaign', { value: current });
  for (const u of oldUsers) {
    await put('users', docId(u.id), { isDemo: u.demo === true, record: v1(u) });
    if (u.openid) await put('openids', docId(u.openid), { userId: u.id });
  }
  for (const code of ['OLD23456', 'OLD34567']) {
    const i = invite(code);
    await put('invites', docId(code), { expiresAt: i.expiresAt, usedBy: null, record: v1(i) });
  }
  for (const [n, readAt] of [
    [1, T0 + 50],
    [2, null],
  ] as const) {
    const r = note(n, readAt);
    const { cityId: _city, campaignId: _campaign, ...old } = r;
    await put('notifications', docId(r.id), {
      userId: r.userId,
      createdMs: r.createdAt,
      seq: n,
      unread: readAt === null,
      record: old,
    });
    await put('notification_keys', docId(r.dedupeKey), { id: r.id, userId: r.userId });
  }
  await put('inboxes', docId('user-a1'), { seq: 2 });
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Everything a reader sees of the seeded data. */
async function reads(store: Store) {
  const { campaigns, people, notifications } = store;
  return {
    city: await campaigns.getCity(CITY),
    cities: await campaigns.listCities(),
    c1: await campaigns.loadCampaign(C1),
    list: await campaigns.listCampaigns(CITY),
    otherCity: await campaigns.listCampaigns(CITY2),
    users: byId(await people.listUsers({ cityId: CITY })),
    demo: await people.listUsers({ cityId: CITY, demo: true }),
    all: byId(await people.listUsers()),
    elsewhere: await people.listUsers({ cityId: CITY2 }),
    byOpenid: await people.getUserByOpenid('o-wangfang'),
    notes: (await notifications.listNotifications({ userId: 'user-a1', limit: 10 })).items,
    unread: await notifications.countUnread('user-a1'),
  };
}

const everything = (env: Emulated) =>
  Object.fromEntries(Object.values(collections).map((name) => [name, env.server.dump(name)]));

let made = 0;
let env: Emulated;
let store: Store;
beforeEach(() => {
  env = emulate({ collections: Object.values(collections), env: `schema-${(made += 1)}` });
  store = createCloudStore({ db: env.db });
});
afterEach(() => env.done());

describe('cloudbase schema: data written before cities', () => {
  it('reads as the default city’s before the upgrade, and the same after it; a second upgrade changes nothing', async () => {
    await seedV1(env.db);
    const before = await reads(store);
    expect(before.city).toEqual({ id: CITY, name: DEFAULT_CITY.name, currentCampaignId: C1 });
    expect(before.cities).toEqual([before.city]);
    expect(before.c1).toEqual(campaignData(C1, CITY) satisfies CampaignData);
    // Same start: by id.
    expect(before.list).toEqual([campaignData(C2).campaign, campaignData(C1).campaign]);
    expect(before.otherCity).toEqual([]);
    expect(before.users).toEqual(byId(oldUsers));
    expect(before.demo.map((u) => u.id)).toEqual(['user-a1']);
    expect(before.all).toEqual(byId(oldUsers));
    expect(before.elsewhere).toEqual([]);
    expect(before.byOpenid).toEqual(oldUsers[0]);
    expect(before.notes).toEqual([note(2, null), note(1, T0 + 50)]);
    expect(before.unread).toBe(1);

    expect(await upgradeDocuments(env.db)).toEqual({
      cities: 1,
      campaigns: 2,
      users: 2,
      invites: 2,
      notifications: 2,
      settings: 1,
      latest_figures: 0,
    });
    const after = everything(env);
    expect(after.settings?.find((d) => d._id === 'currentCampaign')).toBeUndefined();
    expect(after.cities).toEqual([
      { _id: CITY, _v: 2, order: 0, record: { id: CITY, name: DEFAULT_CITY.name, currentCampaignId: C1 } },
    ]);
    for (const name of ['campaigns', 'users', 'invites', 'notifications'])
      for (const doc of after[name] ?? []) expect(doc._v).toBe(SCHEMA_VERSION);
    for (const doc of [...(after.campaigns ?? []), ...(after.users ?? [])]) expect(doc.cityId).toBe(CITY);
    expect(after.users?.find((d) => d._id === 'user-a1')).toEqual({
      _id: 'user-a1',
      _v: 2,
      cityId: CITY,
      isDemo: true,
      record: oldUsers[0],
    });
    expect(after.notifications?.find((d) => d._id === 'n-2')).toMatchObject({ unread: true, seq: 2 });
    expect(await reads(store)).toEqual(before);

    expect(await upgradeDocuments(env.db)).toEqual({
      cities: 0,
      campaigns: 0,
      users: 0,
      invites: 0,
      notifications: 0,
      settings: 0,
      latest_figures: 0,
    });
    expect(everything(env)).toEqual(after);
  });

  it('writes before the upgrade keep version 1’s meaning: naming the default city keeps its current campaign', async () => {
    await seedV1(env.db);
    await store.campaigns.saveCity({ id: CITY2, name: '武义县' });
    // The default city comes first: it was there before any city was saved.
    expect((await store.campaigns.listCities()).map((c) => c.id)).toEqual([CITY, CITY2]);
    await store.campaigns.saveCity({ id: CITY, name: '永康市' });
    expect(await store.campaigns.getCity(CITY)).toEqual({ id: CITY, name: '永康市', currentCampaignId: C1 });
    expect((await store.campaigns.listCities()).map((c) => c.id)).toEqual([CITY, CITY2]);
    // A version-1 campaign is the default city's: another city can neither take its id nor make it current.
    await expect(store.campaigns.saveCampaign(campaignData(C2, CITY2))).rejects.toThrow(/已被城市 city/);
    expect(await store.campaigns.setCurrentCampaign(CITY2, C2)).toBe(false);
    expect(await store.campaigns.setCurrentCampaign(CITY, C2)).toBe(true);
    // A redeemed old code, a user's new credits: each written back whole as version 2.
    expect(await store.people.redeemInvite('OLD23456', 'user-new', T0 + 1)).toEqual({
      ...invite('OLD23456'),
      usedBy: 'user-new',
      usedAt: T0 + 1,
    });
    expect(await store.notifications.addSubscribeCredits('user-real', { 'tpl-no-post': 1 })).toEqual({
      'tpl-no-post': 1,
    });
    expect(env.server.dump('users').find((d) => d._id === 'user-real')).toMatchObject({
      _v: 2,
      cityId: CITY,
    });
    await store.notifications.markRead('user-a1', undefined, T0 + 99);
    expect(await store.notifications.countUnread('user-a1')).toBe(0);

    // The upgrade keeps the city document saved meanwhile, and rewrites only what is still version 1.
    expect(await upgradeDocuments(env.db)).toEqual({
      cities: 0,
      campaigns: 2,
      users: 1,
      invites: 1,
      notifications: 2,
      settings: 1,
      latest_figures: 0,
    });
    expect(await store.campaigns.getCity(CITY)).toEqual({ id: CITY, name: '永康市', currentCampaignId: C2 });
    expect((await store.notifications.listNotifications({ userId: 'user-a1', limit: 5 })).items[0]).toEqual({
      ...note(2, T0 + 99),
    });
  });

  it('campaigns without the old setting still make the default city, with no current campaign', async () => {
    await seedV1(env.db, null);
    expect(await store.campaigns.getCity(CITY)).toEqual({
      id: CITY,
      name: DEFAULT_CITY.name,
      currentCampaignId: null,
    });
    expect(await store.campaigns.setCurrentCampaign(CITY, C1)).toBe(true);
    expect((await store.campaigns.getCity(CITY))?.currentCampaignId).toBe(C1);
  });

  it('an environment with no old data presents no default city, and its upgrade changes nothing', async () => {
    await store.campaigns.saveCity({ id: CITY2, name: '武义县' });
    expect(await store.campaigns.getCity(CITY)).toBeNull();
    expect(await store.campaigns.listCities()).toEqual([
      { id: CITY2, name: '武义县', currentCampaignId: null },
    ]);
    const counts = await upgradeDocuments(env.db);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it('the upgrade reads past the 100-document page', async () => {
    await Promise.all(
      Array.from({ length: 150 }, (_, n) => {
        const { cityId: _city, campaignId: _campaign, ...old } = note(n, null);
        const data = { userId: old.userId, createdMs: old.createdAt, seq: n, unread: true, record: old };
        return env.db.collection('notifications').doc(docId(old.id)).set({ data });
      }),
    );
    expect((await upgradeDocuments(env.db)).notifications).toBe(150);
    expect(env.server.dump('notifications').filter((d) => d._v !== SCHEMA_VERSION)).toEqual([]);
    expect((await upgradeDocuments(env.db)).notifications).toBe(0);
  });

  it('a document written by a newer program is refused by reads and by the upgrade, which then writes nothing', async () => {
    await seedV1(env.db);
    const newer = {
      _v: 99,
      cityId: CITY,
      isDemo: false,
      record: { id: 'u-new', name: '新', cityId: CITY, shape: '?' },
    };
    await env.db.collection('users').doc('u-new').set({ data: newer });
    const before = everything(env);
    await expect(store.people.getUser('u-new')).rejects.toThrow(NEWER);
    await expect(store.people.listUsers({ cityId: CITY })).rejects.toThrow(NEWER);
    await expect(upgradeDocuments(env.db)).rejects.toThrow(NEWER);
    expect(everything(env)).toEqual(before);
    // The others still read as before.
    expect(await store.people.getUser('user-a1')).toEqual(oldUsers[0]);
  });
});
