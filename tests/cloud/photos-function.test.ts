/**
 * Photos through the `arena` function on the real wx-server-sdk over the CloudBase emulation (issue 7):
 * a post may carry only the caller's own uploads in this environment; each is submitted to
 * mediaCheckAsync; WeChat's push of a risky verdict hides that photo and flags the post; the same push
 * sent from the mini-program, or naming a check never started, changes nothing.
 */
import { collections } from '../../adapters/cloudbase/collections';
import { createCloudStore } from '../../adapters/cloudbase/store';
import type { Store } from '../../core/app/ports';
import { campaign, city, countingCode, users } from '../app/arena';
import type { CloudMain } from '../../cloud/deps';
import { createArenaMain } from '../../cloudfunctions/arena/handler';
import { callerVars, runAs } from '../cloudbase/context';
import { emulate, type Emulated } from '../cloudbase/setup';

const OPENID = 'o-rep-a';
const ENV = 'test-env';
const APPID = 'wx-test-app';
const mine = (name: string) => `cloud://${ENV}.7465-${ENV}-1250000000/posts/${users.repA.id}/2025-10-10/${name}`;

let cloud: Emulated;
let main: CloudMain;
let store: Store;

beforeEach(async () => {
  cloud = emulate({ collections: Object.values(collections) });
  store = createCloudStore({ db: cloud.db });
  await store.campaigns.saveCity(city);
  await store.campaigns.saveCampaign(campaign);
  await store.campaigns.setCurrentCampaign(city.id, campaign.campaign.id);
  await store.people.putUser({ ...users.repA, demo: false, openid: OPENID });
  let n = 0;
  const ids = {
    newId: () => `id-${(n += 1)}`,
    newToken: () => `token-${(n += 1)}`,
    hashToken: (token: string) => `hash-of-${token}`,
    newCode: (length: number, alphabet: string) => countingCode((n += 1), length, alphabet),
  };
  const now = Date.parse('2025-10-10T02:00:00Z');
  main = createArenaMain({ cloud: cloud.cloud, env: {}, clock: { now: () => now }, ids, log: () => undefined });
});
afterEach(() => cloud.done());

/** A call from the mini-program: the platform sets the caller's OPENID and SOURCE wx_client. */
const fromApp = (event: unknown, openid = OPENID) =>
  runAs({ ...callerVars(openid, APPID), TCB_SOURCE: 'wx_client' }, () => main(event));
/** WeChat's message push: no user of the mini-program behind it. */
const fromWeChat = (event: unknown) => runAs({}, () => main(event));

const create = (photos: string[], requestId: string) =>
  fromApp({ action: 'post.create', data: { unitId: 'A', text: '项目现场', photos, requestId } });
const feed = async () => {
  const r = await fromApp({ action: 'post.list', data: {} });
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as { items: Array<{ id: string; photos: string[]; hiddenPhotos?: number[]; flagged?: boolean }> }).items;
};
const pushOf = (traceId: string, suggest: string) => ({
  ToUserName: 'gh_38cc49f9733b',
  FromUserName: 'o-push-service',
  CreateTime: 1_760_061_000,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: APPID,
  trace_id: traceId,
  version: 2,
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
  detail: [],
});

describe('arena function: whose photos', () => {
  it('takes the caller’s own uploads in this environment and submits each to mediaCheckAsync', async () => {
    const photos = [mine('a.jpg'), mine('b.jpg')];
    const r = await create(photos, 'req-photo-01');
    expect(r).toMatchObject({ ok: true });
    expect(cloud.emulator.dump('posts')[0]).toMatchObject({ record: { photos } });
    expect(cloud.services.callsOf('security.mediaCheckAsync')).toEqual(
      photos.map((p) => ({
        media_url: `https://tmp.example/${p.slice('cloud://'.length)}?sign=1`,
        media_type: 2,
        version: 2,
        scene: 2,
        openid: OPENID,
      })),
    );
    expect(cloud.emulator.dump('photo_checks')).toHaveLength(2);
  });

  it.each([
    ['an outside URL', 'https://elsewhere.example/a.jpg'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['another environment’s file', `cloud://other-env.7465-other-env-1250000000/posts/${users.repA.id}/a.jpg`],
    ['another user’s upload', `cloud://${ENV}.7465-${ENV}-1250000000/posts/${users.repB.id}/a.jpg`],
  ])('refuses %s with INVALID_ARGUMENT in Chinese, writing and checking nothing', async (_what, bad) => {
    const r = await create([mine('a.jpg'), bad], 'req-photo-02');
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^photos\.1：.*[\u4e00-\u9fa5]/) } });
    expect(cloud.emulator.dump('posts')).toEqual([]);
    expect(cloud.emulator.dump('photo_checks')).toEqual([]);
    expect(cloud.services.callsOf('security.mediaCheckAsync')).toEqual([]);
    expect(cloud.services.callsOf('security.msgSecCheck')).toEqual([]);
  });
});

describe('arena function: the mediaCheckAsync push', () => {
  async function postTwo() {
    let n = 0;
    cloud.services.answers['security.mediaCheckAsync'] = () => ({ errcode: 0, errmsg: 'ok', trace_id: `trace-${(n += 1)}` });
    const r = await create([mine('a.jpg'), mine('b.jpg')], 'req-photo-03');
    if (!r.ok) throw new Error(r.error.message);
    return (r.data as { post: { id: string } }).post.id;
  }

  it('risky from WeChat: that photo is hidden from the feed (kept in the store), the post flagged', async () => {
    const postId = await postTwo();
    expect(await fromWeChat(pushOf('trace-2', 'risky'))).toEqual({ ok: true, data: { outcome: 'hidden' } });
    cloud.services.fileRequests.length = 0;
    const [shown] = await feed();
    expect(shown).toMatchObject({ id: postId, flagged: true, photos: [expect.stringContaining('a.jpg'), ''], hiddenPhotos: [1] });
    // No temporary URL of the hidden photo is even asked for.
    expect(cloud.services.fileRequests).toEqual([[mine('a.jpg')]]);
    expect(cloud.emulator.dump('posts')[0]).toMatchObject({ record: { photos: [mine('a.jpg'), mine('b.jpg')], hiddenPhotos: [mine('b.jpg')] } });
  });

  it('is taken from WeChat’s push account too (an OPENID equal to FromUserName); review only flags', async () => {
    await postTwo();
    const asPushAccount = () =>
      runAs({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'o-push-service', WX_APPID: APPID }, () =>
        main(pushOf('trace-1', 'review')),
      );
    expect(await asPushAccount()).toEqual({ ok: true, data: { outcome: 'flagged' } });
    const [shown] = await feed();
    expect(shown).toMatchObject({ flagged: true, photos: [expect.stringContaining('a.jpg'), expect.stringContaining('b.jpg')] });
    expect(shown?.hiddenPhotos).toBeUndefined();
  });

  it('sent from the mini-program it is refused and changes nothing, even when it names a real check', async () => {
    await postTwo();
    const before = cloud.emulator.dump('posts');
    const forged = pushOf('trace-1', 'risky');
    expect(await fromApp(forged)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fromApp({ ...forged, FromUserName: OPENID })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fromWeChat({ ...forged, userInfo: { appId: APPID, openId: OPENID } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(cloud.emulator.dump('posts')).toEqual(before);
  });

  it('naming a check this deployment never started, or carrying no verdict, changes nothing', async () => {
    await postTwo();
    const before = cloud.emulator.dump('posts');
    expect(await fromWeChat(pushOf('trace-forged', 'risky'))).toEqual({ ok: true, data: { outcome: 'unknown' } });
    expect(await fromWeChat({ ...pushOf('trace-1', 'risky'), result: {} })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await fromWeChat(pushOf('trace-1', 'pass'))).toEqual({ ok: true, data: { outcome: 'passed' } });
    expect(cloud.emulator.dump('posts')).toEqual(before);
  });
});
