/**
 * Cities and campaigns as scopes (issue 8 §3), through the API: two cities, each with its campaigns and
 * people, in one store. A user reads and writes their own city only; a campaign of another city is
 * answered exactly like one that does not exist; an admin manages their own city's campaigns only.
 */
import type { CampaignFile } from '../../contract';
import { memoryStore } from '../../../tests/app/memory-store';
import { campaign, city, rid, testArena, users } from '../../../tests/app/arena';
import { runDueJobs } from '../notifications/jobs';
import type { UserRecord } from '../people/store';
import type { CampaignData } from './store';
import { toCampaignFile } from './file';

/** Wuyi: the same unit ids as the test city (ids are only unique within a campaign), another campaign. */
const wuyi = { id: 'city-w', name: '武义县' };
const wuyiCampaign: CampaignData = {
  ...campaign,
  cityId: wuyi.id,
  campaign: { ...campaign.campaign, id: 'c-w', name: '武义三百' },
};
/** A second campaign of the test city, starting later, not current. */
const spring: CampaignData = {
  ...campaign,
  campaign: {
    ...campaign.campaign,
    id: 'c2',
    name: '春季攻坚',
    startDate: '2025-10-01',
    endDate: '2026-01-08',
  },
};
const wRep: UserRecord = { id: 'w-rep', name: '周宁', role: 'reporter', cityId: wuyi.id, unitId: 'A' };
const wAdmin: UserRecord = { id: 'w-admin', name: '吴迪', role: 'admin', cityId: wuyi.id, unitId: null };

async function twoCities() {
  const t = await testArena(memoryStore());
  const { campaigns, people } = t.store;
  await campaigns.saveCampaign(spring);
  await campaigns.saveCity(wuyi);
  await campaigns.saveCampaign(wuyiCampaign);
  await campaigns.setCurrentCampaign(wuyi.id, 'c-w');
  for (const u of [wRep, wAdmin]) await people.putUser(u);
  const as = {
    repA: await t.login(users.repA),
    adminT: await t.login(users.admin),
    leader: await t.login(users.leader),
    wRep: await t.login(wRep),
    wAdmin: await t.login(wAdmin),
  };
  return { ...t, as };
}

const post = (campaignId?: string) => ({
  ...(campaignId ? { campaignId } : {}),
  unitId: 'A',
  figures: [{ metricId: 'm-invest', value: 2 }],
  text: '项目进展顺利',
  requestId: rid(),
});

describe('cities and campaigns as scopes', () => {
  it('campaign.list gives the caller’s city and its campaigns only, latest start first, the current one marked', async () => {
    const t = await twoCities();
    const mine = await t.expectOk('campaign.list', {}, t.as.repA);
    expect(mine.city).toEqual(city);
    expect(mine.campaigns.map((c) => [c.id, c.current])).toEqual([
      ['c2', false],
      ['c1', true],
    ]);
    const theirs = await t.expectOk('campaign.list', {}, t.as.wRep);
    expect(theirs).toEqual({ city: wuyi, campaigns: [{ ...wuyiCampaign.campaign, current: true }] });
  });

  it('each city’s users get their own current campaign by default, and may name another of their city', async () => {
    const t = await twoCities();
    expect((await t.expectOk('campaign.current', {}, t.as.repA)).campaign.id).toBe('c1');
    expect((await t.expectOk('campaign.current', {}, t.as.wRep)).campaign.id).toBe('c-w');
    expect((await t.expectOk('campaign.current', { campaignId: 'c2' }, t.as.repA)).campaign.name).toBe(
      '春季攻坚',
    );
    const posted = await t.expectOk('post.create', post('c2'), t.as.repA);
    expect((await t.expectOk('post.list', { campaignId: 'c2' }, t.as.repA)).items.map((p) => p.id)).toEqual([
      posted.post.id,
    ]);
    expect((await t.expectOk('post.list', {}, t.as.repA)).items).toEqual([]);
  });

  it('another city’s campaign is answered like one that does not exist, for every action, and nothing is written', async () => {
    const t = await twoCities();
    await t.expectOk('post.create', post(), t.as.wRep);
    const calls = [
      ['campaign.current', {}],
      ['post.list', {}],
      ['post.create', post()],
      ['board.leaderboard', {}],
      ['unit.detail', { unitId: 'A' }],
      ['unit.trend', { unitId: 'A' }],
    ] as const;
    for (const [action, data] of calls) {
      const foreign = await t.call(action, { ...data, campaignId: 'c-w' }, t.as.repA);
      const missing = await t.call(action, { ...data, campaignId: 'c-none' }, t.as.repA);
      expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // The same words for both, bar the id: an id tells nothing about another city.
      const words = (r: typeof foreign, id: string) => (r.ok ? '' : r.error.message.replace(id, '…'));
      expect(words(foreign, 'c-w')).toBe(words(missing, 'c-none'));
    }
    const feed = await t.expectOk('post.list', {}, t.as.wRep);
    expect(feed.items.map((p) => p.authorName)).toEqual([wRep.name]);
    expect((await t.expectOk('post.list', {}, t.as.repA)).items).toEqual([]);
  });

  it('a post counts in its own city’s standings only', async () => {
    const t = await twoCities();
    await t.expectOk('post.create', post(), t.as.wRep);
    const board = (token: string) => t.expectOk('board.leaderboard', {}, token);
    const w = (await board(t.as.wRep)).rows.find((r) => r.unitId === 'A');
    const home = (await board(t.as.leader)).rows.find((r) => r.unitId === 'A');
    expect(w?.completion).toBeGreaterThan(0);
    expect(home?.completion).toBe(0);
  });

  it('an admin invites into their own city only, and the joiner belongs to it', async () => {
    const t = await twoCities();
    const foreign = await t.call(
      'admin.invite',
      { role: 'reporter', unitId: 'A', campaignId: 'c-w' },
      t.as.adminT,
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const made = await t.expectOk('admin.invite', { role: 'reporter', unitId: 'B' }, t.as.wAdmin);
    const bound = await t.expectOk(
      'me.bind',
      { inviteCode: made.invite.code, name: '郑新' },
      { openid: 'o-new' },
    );
    expect(bound.user).toMatchObject({ role: 'reporter', unitId: 'B', unitName: '乙镇' });
    expect((await t.store.people.getUserByOpenid('o-new'))?.cityId).toBe(wuyi.id);
    expect((await t.expectOk('campaign.current', {}, { openid: 'o-new' })).campaign.id).toBe('c-w');
  });

  it('an admin makes one of their city’s campaigns current, never another city’s', async () => {
    const t = await twoCities();
    expect(await t.call('admin.campaign.setCurrent', { campaignId: 'c-w' }, t.as.adminT)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await t.call('admin.campaign.setCurrent', { campaignId: 'c2' }, t.as.repA)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await t.store.campaigns.getCity(wuyi.id))?.currentCampaignId).toBe('c-w');
    expect(await t.expectOk('admin.campaign.setCurrent', { campaignId: 'c2' }, t.as.adminT)).toEqual({
      currentCampaignId: 'c2',
    });
    expect((await t.expectOk('campaign.current', {}, t.as.repA)).campaign.id).toBe('c2');
    expect((await t.expectOk('campaign.current', {}, t.as.wRep)).campaign.id).toBe('c-w');
  });
});

describe('admin.campaign.save and load', () => {
  const file = (): CampaignFile => {
    const f = toCampaignFile(campaign);
    return { ...f, campaign: { ...f.campaign, id: 'c-autumn', name: '秋季攻坚', lateDays: 10 } };
  };

  it('saves a campaign into the admin’s city, loads it back the same, and can make it current', async () => {
    const t = await twoCities();
    const saved = await t.expectOk('admin.campaign.save', { ...file(), makeCurrent: true }, t.as.adminT);
    expect(saved).toEqual({
      campaignId: 'c-autumn',
      currentCampaignId: 'c-autumn',
      counts: { tracks: 2, metrics: 3, units: 5, targets: 6 },
    });
    expect(await t.expectOk('admin.campaign.load', { campaignId: 'c-autumn' }, t.as.adminT)).toEqual(file());
    expect((await t.store.campaigns.loadCampaign('c-autumn'))?.cityId).toBe(city.id);
    expect((await t.expectOk('campaign.current', {}, t.as.repA)).campaign.id).toBe('c-autumn');
    // Not current unless asked: a second save of another campaign leaves the current one.
    const other = { ...file(), campaign: { ...file().campaign, id: 'c-winter', name: '冬季攻坚' } };
    expect((await t.expectOk('admin.campaign.save', other, t.as.adminT)).currentCampaignId).toBe('c-autumn');
  });

  it('refuses a non-admin, a file wrong anywhere, and a campaign id of another city, saving nothing', async () => {
    const t = await twoCities();
    expect(await t.call('admin.campaign.save', file(), t.as.repA)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const bad = file();
    bad.targets = [...bad.targets, { unitId: 'nowhere', metricId: 'm-invest', target: 1 }];
    bad.campaign = { ...bad.campaign, startDate: '2026-01-01' };
    const refused = await t.call('admin.campaign.save', bad, t.as.adminT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /nowhere[\s\S]*开始日期不能晚于结束日期|开始日期不能晚于结束日期[\s\S]*nowhere/,
    );
    expect(await t.store.campaigns.loadCampaign('c-autumn')).toBeNull();

    // A zone nobody can read would make every later read of the campaign fail: refused at the door.
    for (const timezone of ['Mars/Olympus', ' ', '']) {
      const zoned = { ...file(), campaign: { ...file().campaign, timezone }, makeCurrent: true };
      const answer = await t.call('admin.campaign.save', zoned, t.as.adminT);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(answer.ok ? '' : answer.error.message).toContain('无法识别的时区');
      expect(await t.store.campaigns.loadCampaign('c-autumn')).toBeNull();
    }
    expect(await t.call('board.leaderboard', {}, t.as.repA)).toMatchObject({ ok: true });

    const hijack = { ...file(), campaign: { ...file().campaign, id: 'c-w' } };
    expect(await t.call('admin.campaign.save', hijack, t.as.adminT)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await t.store.campaigns.loadCampaign('c-w')).toEqual(wuyiCampaign);
    expect(await t.call('admin.campaign.load', { campaignId: 'c-w' }, t.as.adminT)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('reminders in every city', () => {
  it('each city’s current campaign is checked, and each reminder names its user’s city and campaign', async () => {
    const t = await twoCities();
    await runDueJobs(t.deps, { at: Date.parse('2025-10-10T09:30:00+08:00') });
    const inbox = async (u: UserRecord) =>
      (await t.store.notifications.listNotifications({ userId: u.id, limit: 10 })).items;
    expect(await inbox(wRep)).toEqual([
      expect.objectContaining({ kind: 'no_post', cityId: wuyi.id, campaignId: 'c-w' }),
    ]);
    expect(await inbox(users.repA)).toEqual([
      expect.objectContaining({ kind: 'no_post', cityId: city.id, campaignId: 'c1' }),
    ]);
  });
});

describe('a campaign file whose target its metric’s own range excludes', () => {
  it('is refused whole, naming the unit, the metric and the range', async () => {
    const t = await twoCities();
    const f = toCampaignFile(campaign);
    f.campaign = { ...f.campaign, id: 'c-ranged' };
    f.tracks = f.tracks.map((tr) => ({
      ...tr,
      metrics: tr.metrics.map((m) => (m.id === 'm-invest' ? { ...m, range: { min: 0, max: 15 } } : m)),
    }));
    const r = await t.call('admin.campaign.save', f, t.as.adminT);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(r.ok ? '' : r.error.message).toContain(
      '单位「B」的「完成投资」目标 20亿元 超出该指标的范围 0–15亿元',
    );
    expect(await t.store.campaigns.loadCampaign('c-ranged')).toBeNull();
  });
});
