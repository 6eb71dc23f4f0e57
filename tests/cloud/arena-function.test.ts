/**
 * The `arena` cloud function through `main(event, context)` with a faked WX context: identity comes from
 * the platform's OPENID only; a bound user posts for their own unit and no other; an unbound OPENID can
 * only bind, with an invite an admin made; msgSecCheck refuses risky text and flags text for review.
 */
import { campaign, users } from '../../core/app/test-arena';
import type { Store } from '../../core/app/ports';
import { createCloudStore } from '../../adapters/cloudbase/store';
import { createArenaMain, type CloudMain } from '../../cloudfunctions/arena/handler';
import { createFakeCloud, quiet, shanghai, testClock, testIds, type FakeCloud } from './fake-cloud';

const OPENID = { repA: 'o-rep-a', admin: 'o-admin', stranger: 'o-stranger', other: 'o-other' };

let fake: FakeCloud;
let main: CloudMain;
let store: Store;

beforeEach(async () => {
  fake = createFakeCloud();
  store = createCloudStore({ db: fake.double.db });
  await store.saveCampaign(campaign);
  await store.setCurrentCampaignId(campaign.campaign.id);
  await store.putUser({ ...users.repA, demo: false, openid: OPENID.repA });
  await store.putUser({ ...users.admin, demo: false, openid: OPENID.admin });
  const { clock } = testClock(shanghai('2025-10-10', '10:00'));
  main = createArenaMain({ cloud: fake.cloud, env: {}, clock, ids: testIds(), log: quiet });
});

const wxContext = { callbackWaitsForEmptyEventLoop: false, memory_limit_in_mb: 256, function_name: 'arena' };

async function call(openid: string | undefined, action: string, data?: Record<string, unknown>) {
  fake.callAs(openid);
  return main(data === undefined ? { action } : { action, data }, wxContext);
}

const post = (unitId: string, requestId: string, text = '本周新开工 2 个项目') => ({
  unitId,
  requestId,
  text,
  figures: [{ metricId: 'm-invest', value: 4.2 }],
});

describe('arena function: who is calling', () => {
  it('a call without an OPENID is unauthenticated, even when the event names a user', async () => {
    fake.callAs(undefined);
    const forged = await main(
      { action: 'me.get', data: {}, userInfo: { openId: OPENID.admin, appId: 'wx' }, openid: OPENID.admin },
      wxContext,
    );
    expect(forged).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call(undefined, 'post.create', post('A', 'req-00001'))).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(fake.double.dump('posts')).toHaveLength(0);
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
    expect(fake.double.dump('posts')).toHaveLength(0);
  });

  it('an unknown action or a malformed event is answered with an error, not a crash', async () => {
    expect(await call(OPENID.repA, 'post.delete', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    fake.callAs(OPENID.repA);
    expect(await main('post.list', wxContext)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await main({ action: 'post.list', data: 'x' }, wxContext)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});

describe('arena function: joining with an invite', () => {
  it('an unbound OPENID may only bind; with an admin’s invite it then posts for the invite’s unit', async () => {
    expect(await call(OPENID.stranger, 'me.get')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
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
    expect(bound).toMatchObject({ ok: true, data: { user: { name: '新同事', role: 'reporter', unitId: 'B', unitName: '乙镇' } } });
    expect(await store.getUserByOpenid(OPENID.stranger)).toMatchObject({ unitId: 'B', openid: OPENID.stranger });
    expect(await call(OPENID.stranger, 'post.create', post('B', 'req-00005'))).toMatchObject({ ok: true });

    // Single use: the same code does nothing for anyone else.
    expect(await call(OPENID.other, 'me.bind', { inviteCode: code, name: '又一位' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await store.getUserByOpenid(OPENID.other)).toBeNull();
  });

  it('binding needs an OPENID: the console or another caller without one cannot bind', async () => {
    const r = await call(undefined, 'me.bind', { inviteCode: 'ABCDEFGH', name: '某人' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('arena function: content checks and photos', () => {
  it('risky text is refused with a Chinese message and nothing is written', async () => {
    fake.answers.check = async () => ({ errCode: 0, result: { suggest: 'risky', label: 20003 } });
    const r = await call(OPENID.repA, 'post.create', post('A', 'req-00006', '一段不宜发布的文字'));
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(fake.checked).toEqual([{ version: 2, scene: 2, openid: OPENID.repA, content: '一段不宜发布的文字' }]);
    expect(fake.double.dump('posts')).toHaveLength(0);
  });

  it('text for review is published, flagged; so is text the check could not reach', async () => {
    fake.answers.check = async () => ({ errCode: 0, result: { suggest: 'review', label: 20001 } });
    const reviewed = await call(OPENID.repA, 'post.create', post('A', 'req-00007'));
    expect(reviewed).toMatchObject({ ok: true, data: { post: { flagged: true } } });
    fake.answers.check = () => Promise.reject(Object.assign(new Error('system busy'), { errCode: -1 }));
    const unchecked = await call(OPENID.repA, 'post.create', post('A', 'req-00008'));
    expect(unchecked).toMatchObject({ ok: true, data: { post: { flagged: true } } });
    fake.answers.check = async () => ({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    const clean = await call(OPENID.repA, 'post.create', post('A', 'req-00009'));
    expect(clean.ok).toBe(true);
    expect(clean.ok && (clean.data as { post: { flagged?: boolean } }).post.flagged).not.toBe(true);
  });

  it('photos kept as fileIDs are read back as temporary URLs', async () => {
    const fileID = 'cloud://test-env.7465/posts/site.jpg';
    await call(OPENID.repA, 'post.create', { ...post('A', 'req-00010'), photos: [fileID] });
    expect(fake.double.dump('posts')[0]?.record).toMatchObject({ photos: [fileID] });
    const feed = await call(OPENID.repA, 'post.list', {});
    expect(feed).toMatchObject({
      ok: true,
      data: { items: [{ photos: ['https://tmp.example/test-env.7465/posts/site.jpg?sign=1'] }] },
    });
  });
});
