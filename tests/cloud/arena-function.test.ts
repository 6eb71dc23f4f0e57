/**
 * The `arena` cloud function through `main(event, context)`, on the real wx-server-sdk over the CloudBase
 * emulation, the caller's WX context set as the platform sets it: identity comes from the platform's OPENID only; a bound user posts for their own unit and no other; an unbound OPENID can
 * only bind, with an invite an admin made; msgSecCheck refuses risky text and flags text for review.
 */
import { campaign, city, users } from '../app/arena';
import type { Store } from '../../core/app/ports';
import { createCloudStore } from '../../adapters/cloudbase/store';
import type { CloudMain } from '../../cloud/deps';
import { createArenaMain } from '../../cloudfunctions/arena/handler';
import { createTestCloud, quiet, shanghai, testClock, testIds, type TestCloud } from './fake-cloud';

const OPENID = { repA: 'o-rep-a', admin: 'o-admin', stranger: 'o-stranger', other: 'o-other' };

let fake: TestCloud;
let main: CloudMain;
let store: Store;

beforeEach(async () => {
  fake = createTestCloud();
  store = createCloudStore({ db: fake.db });
  await store.campaigns.saveCity(city);
  await store.campaigns.saveCampaign(campaign);
  await store.campaigns.setCurrentCampaign(city.id, campaign.campaign.id);
  await store.people.putUser({ ...users.repA, demo: false, openid: OPENID.repA });
  await store.people.putUser({ ...users.admin, demo: false, openid: OPENID.admin });
  const { clock } = testClock(shanghai('2025-10-10', '10:00'));
  main = createArenaMain({ cloud: fake.cloud, env: {}, clock, ids: testIds(), log: quiet });
});
afterEach(() => fake.done());

async function call(openid: string | null, action: string, data?: Record<string, unknown>) {
  return fake.invoke(main, openid, data === undefined ? { action } : { action, data });
}

const post = (unitId: string, requestId: string, text = '本周新开工 2 个项目') => ({
  unitId,
  requestId,
  text,
  figures: [{ metricId: 'm-invest', value: 4.2 }],
});

describe('arena function: who is calling', () => {
  it('a call without an OPENID is unauthenticated, even when the event names a user', async () => {
    const forged = await fake.invoke(main, null, {
      action: 'me.get',
      data: {},
      userInfo: { openId: OPENID.admin, appId: 'wx' },
      openid: OPENID.admin,
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call(null, 'post.create', post('A', 'req-00001'))).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(fake.server.dump('posts')).toHaveLength(0);
  });

  it('a bound user is known by their OPENID and posts for their unit', async () => {
    const me = await call(OPENID.repA, 'me.get');
    expect(me).toEqual({
      ok: true,
      data: { user: { id: users.repA.id, name: '王芳', role: 'reporter', unitId: 'A', unitName: '甲镇' } },
    });
    const created = await call(OPENID.repA, 'post.create', post('A', 'req-00002'));
    expect(created).toMatchObject({ ok: true, data: { post: { unitId: 'A', authorId: users.repA.id } } });
    const feed = await call(OPENID.repA, 'post.list', {});
    expect(feed).toMatchObject({ ok: true, data: { items: [{ unitId: 'A', text: '本周新开工 2 个项目' }] } });
  });

  it('a bound user posting for another unit is refused and nothing is written', async () => {
    const r = await call(OPENID.repA, 'post.create', post('B', 'req-00003'));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fake.server.dump('posts')).toHaveLength(0);
  });

  it('an unknown action or a malformed event is answered with an error, not a crash', async () => {
    expect(await call(OPENID.repA, 'post.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await fake.invoke(main, OPENID.repA, 'post.list')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await fake.invoke(main, OPENID.repA, { action: 'post.list', data: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});

describe('arena function: joining with an invite', () => {
  it('an unbound OPENID may only bind; with an admin’s invite it then posts for the invite’s unit', async () => {
    expect(await call(OPENID.stranger, 'me.get')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await call(OPENID.stranger, 'post.create', post('B', 'req-00004'))).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await call(OPENID.stranger, 'admin.invite', { role: 'admin' })).toMatchObject({ ok: false });

    const refused = await call(OPENID.repA, 'admin.invite', { role: 'reporter', unitId: 'B' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const made = await call(OPENID.admin, 'admin.invite', { role: 'reporter', unitId: 'B' });
    if (!made.ok) throw new Error(made.error.message);
    const { code } = (made.data as { invite: { code: string } }).invite;

    const bound = await call(OPENID.stranger, 'me.bind', { inviteCode: code.toLowerCase(), name: '新同事' });
    expect(bound).toMatchObject({
      ok: true,
      data: { user: { name: '新同事', role: 'reporter', unitId: 'B', unitName: '乙镇' } },
    });
    expect(await store.people.getUserByOpenid(OPENID.stranger)).toMatchObject({
      unitId: 'B',
      openid: OPENID.stranger,
    });
    expect(await call(OPENID.stranger, 'post.create', post('B', 'req-00005'))).toMatchObject({ ok: true });

    // Single use: the same code does nothing for anyone else.
    expect(await call(OPENID.other, 'me.bind', { inviteCode: code, name: '又一位' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await store.people.getUserByOpenid(OPENID.other)).toBeNull();
  });

  it('binding needs an OPENID: the console or another caller without one cannot bind', async () => {
    const r = await call(null, 'me.bind', { inviteCode: 'ABCDEFGH', name: '某人' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('arena function: content checks and photos', () => {
  it('risky text is refused with a Chinese message and nothing is written', async () => {
    fake.services.answers['security.msgSecCheck'] = () => ({
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'risky', label: 20003 },
    });
    const r = await call(OPENID.repA, 'post.create', post('A', 'req-00006', '一段不宜发布的文字'));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    });
    expect(fake.services.callsOf('security.msgSecCheck')).toEqual([
      { version: 2, scene: 2, openid: OPENID.repA, content: '一段不宜发布的文字' },
    ]);
    expect(fake.server.dump('posts')).toHaveLength(0);
  });

  it('text for review is published, flagged; so is text the check could not reach', async () => {
    const check = (answer: Record<string, unknown>) =>
      (fake.services.answers['security.msgSecCheck'] = () => answer);
    check({ errcode: 0, errmsg: 'ok', result: { suggest: 'review', label: 20001 } });
    const reviewed = await call(OPENID.repA, 'post.create', post('A', 'req-00007'));
    expect(reviewed).toMatchObject({ ok: true, data: { post: { flagged: true } } });
    check({ errcode: -1, errmsg: 'system error' });
    const unchecked = await call(OPENID.repA, 'post.create', post('A', 'req-00008'));
    expect(unchecked).toMatchObject({ ok: true, data: { post: { flagged: true } } });
    check({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } });
    const clean = await call(OPENID.repA, 'post.create', post('A', 'req-00009'));
    expect(clean.ok).toBe(true);
    expect(clean.ok && (clean.data as { post: { flagged?: boolean } }).post.flagged).not.toBe(true);
  });

  it('photos kept as fileIDs are read back as temporary URLs', async () => {
    // The author's own upload in this environment (adapters/cloudbase/photo-refs.ts).
    const fileID = `cloud://test-env.7465/posts/${users.repA.id}/site.jpg`;
    await call(OPENID.repA, 'post.create', { ...post('A', 'req-00010'), photos: [fileID] });
    expect(fake.server.dump('posts')[0]?.record).toMatchObject({ photos: [fileID] });
    const feed = await call(OPENID.repA, 'post.list', {});
    expect(feed).toMatchObject({
      ok: true,
      data: {
        items: [{ photos: [`https://tmp.example/test-env.7465/posts/${users.repA.id}/site.jpg?sign=1`] }],
      },
    });
  });
});

describe('arena function: an admin runs the city’s campaigns from the mini-program', () => {
  const file = () => ({
    campaign: { ...campaign.campaign, id: 'c-spring', name: '春季攻坚' },
    tracks: campaign.tracks.map((t) => ({
      ...t,
      metrics: campaign.metrics.filter((m) => m.trackId === t.id).map(({ trackId: _t, ...m }) => m),
    })),
    units: campaign.units,
    targets: campaign.targets,
  });

  it('saves a campaign whole, loads it back, makes it current; a reporter may do none of it', async () => {
    expect(await call(OPENID.repA, 'admin.campaign.save', file())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(OPENID.admin, 'admin.campaign.save', file())).toMatchObject({
      ok: true,
      data: { campaignId: 'c-spring', currentCampaignId: campaign.campaign.id },
    });
    expect(await call(OPENID.admin, 'admin.campaign.load', { campaignId: 'c-spring' })).toEqual({
      ok: true,
      data: file(),
    });
    expect(await call(OPENID.admin, 'admin.campaign.setCurrent', { campaignId: 'c-spring' })).toEqual({
      ok: true,
      data: { currentCampaignId: 'c-spring' },
    });
    const listed = await call(OPENID.repA, 'campaign.list', {});
    expect(listed).toMatchObject({
      ok: true,
      data: {
        city,
        campaigns: [
          { id: 'c-spring', current: true },
          { id: 'c1', current: false },
        ],
      },
    });
    expect(await store.campaigns.loadCampaign('c-spring')).toMatchObject({ cityId: city.id });
  });
});
