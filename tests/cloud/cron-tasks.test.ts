/**
 * The operator's console tasks of `arena-cron`: they need ARENA_TASK_KEY and the matching key; `setup`
 * creates the collections of a fresh environment; `invite` makes the first admin's code, which binds in
 * the `arena` function; `loadCampaign` checks a campaign file whole before saving it and making it current.
 * On the real wx-server-sdk over the CloudBase emulation.
 */
import { campaign } from '../app/arena';
import { createCloudStore } from '../../adapters/cloudbase/store';
import { collections } from '../../adapters/cloudbase/collections';
import { DEFAULT_CITY } from '../../core/app/campaigns/store';
import { createArenaMain } from '../../cloudfunctions/arena/handler';
import { createCronMain } from '../../cloudfunctions/arena-cron/handler';
import { createTestCloud, quiet, shanghai, testClock, testIds, type TestCloud } from './fake-cloud';

const KEY = 'k3y-for-tests';
const env = { ARENA_TASK_KEY: KEY };

let current: TestCloud | null = null;
afterEach(() => {
  current?.done();
  current = null;
});

function setUp(options: { env?: Record<string, string>; fresh?: boolean } = {}) {
  // One environment at a time: a test that wants another drops the one before.
  current?.done();
  const fake = createTestCloud({ fresh: options.fresh });
  current = fake;
  const { clock } = testClock(shanghai('2025-10-10', '10:00'));
  const wiring = { cloud: fake.cloud, env: options.env ?? env, clock, log: quiet };
  const cronMain = createCronMain({ ...wiring, ids: testIds('cron') });
  const arenaMain = createArenaMain({ ...wiring, ids: testIds('arena') });
  return {
    fake,
    /** An invocation from the console (no user), or from the mini-program when given an OPENID. */
    cron: (event: unknown, openid: string | null = null) => fake.invoke(cronMain, openid, event),
    arena: (event: unknown, openid: string | null = null) => fake.invoke(arenaMain, openid, event),
    store: createCloudStore({ db: fake.db }),
  };
}

/** The campaign file an admin writes: metrics inside their tracks. */
const campaignFile = () => ({
  campaign: campaign.campaign,
  tracks: campaign.tracks.map((t) => ({
    ...t,
    metrics: campaign.metrics.filter((m) => m.trackId === t.id).map(({ trackId: _t, ...m }) => m),
  })),
  units: campaign.units,
  targets: campaign.targets,
});

describe('arena-cron console tasks', () => {
  it('are refused without ARENA_TASK_KEY, with a wrong key, or from the mini-program', async () => {
    const unset = setUp({ env: {} });
    expect(await unset.cron({ task: 'setup', key: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const { fake, cron } = setUp();
    expect(await cron({ task: 'invite', key: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await cron({ task: 'invite' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await cron({ task: 'invite', key: KEY }, 'o-someone')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(fake.server.dump('invites')).toHaveLength(0);
  });

  it('setup creates every collection on a fresh environment, and again changes nothing', async () => {
    const { fake, cron } = setUp({ fresh: true });
    const first = await cron({ task: 'setup', key: KEY });
    expect(first.ok && (first.data as { created: string[] }).created.sort()).toEqual(
      Object.values(collections).sort(),
    );
    expect(await cron({ task: 'setup', key: KEY })).toMatchObject({ ok: true, data: { created: [] } });
    expect(fake.server.collections().sort()).toEqual(Object.values(collections).sort());
  });

  it('setup with demo mode off says what that disabled, and a demo user’s WeChat is refused', async () => {
    const demo = setUp({ env: { ...env, ARENA_DEMO: '1' } });
    expect(await demo.cron({ task: 'seedDemo', key: KEY })).toMatchObject({
      ok: true,
      data: { seeded: true },
    });
    const [someone] = await demo.store.people.listUsers({ demo: true });
    await demo.store.people.putUser({ ...someone!, openid: 'o-demo' });
    expect(await demo.arena({ action: 'me.get', data: {} }, 'o-demo')).toMatchObject({ ok: true });

    // The same environment, the function redeployed with ARENA_DEMO unset.
    const { clock } = testClock(shanghai('2025-10-10', '10:00'));
    const wiring = { cloud: demo.fake.cloud, env, clock, log: quiet };
    const cronOff = createCronMain({ ...wiring, ids: testIds('cron-off') });
    const arenaOff = createArenaMain({ ...wiring, ids: testIds('arena-off') });
    const setup = await demo.fake.invoke(cronOff, null, { task: 'setup', key: KEY });
    expect(setup).toMatchObject({ ok: true, data: { demoOff: expect.stringContaining('演示') } });
    expect(await demo.fake.invoke(arenaOff, 'o-demo', { action: 'me.get', data: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('loadCampaign saves the campaign and makes it current; the app then sees it', async () => {
    const { cron, arena, store } = setUp();
    const r = await cron({ task: 'loadCampaign', key: KEY, campaign: campaignFile() });
    expect(r).toEqual({
      ok: true,
      data: {
        campaignId: 'c1',
        currentCampaignId: 'c1',
        counts: { tracks: 2, metrics: 3, units: 5, targets: 6 },
      },
    });
    // An environment without a city gets a first one, which the campaign and the admin belong to.
    expect(await store.campaigns.listCities()).toEqual([{ ...DEFAULT_CITY, currentCampaignId: 'c1' }]);
    expect(await store.campaigns.loadCampaign('c1')).toEqual({ ...campaign, cityId: DEFAULT_CITY.id });

    // The first admin: an invite from the console, bound in the app by the admin's own WeChat.
    const made = await cron({ task: 'invite', key: KEY });
    if (!made.ok) throw new Error(made.error.message);
    const { code, role } = made.data as { code: string; role: string };
    expect(role).toBe('admin');
    expect(
      await arena({ action: 'me.bind', data: { inviteCode: code, name: '市督办办' } }, 'o-first-admin'),
    ).toMatchObject({
      ok: true,
      data: { user: { role: 'admin', unitId: null } },
    });
    const shown = await arena({ action: 'campaign.current', data: {} }, 'o-first-admin');
    expect(shown).toMatchObject({ ok: true, data: { campaign: { id: 'c1' } } });
  });

  it('a campaign file with a target for an unknown unit or a duplicate id is refused and nothing is saved', async () => {
    const { cron, store } = setUp();
    const bad = campaignFile();
    bad.targets = [...bad.targets, { unitId: 'nowhere', metricId: 'm-invest', target: 3 }];
    bad.units = [...bad.units, bad.units[0]!];
    const r = await cron({ task: 'loadCampaign', key: KEY, campaign: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const message = r.ok ? '' : r.error.message;
    expect(message).toContain('单位 ID 重复');
    expect(message).toContain('nowhere');
    expect(await store.campaigns.listCampaigns(DEFAULT_CITY.id)).toEqual([]);
    expect((await store.campaigns.getCity(DEFAULT_CITY.id))?.currentCampaignId ?? null).toBeNull();
  });

  it('with several cities, a task names its city; a campaign id of another city is refused', async () => {
    const { cron, arena, store } = setUp();
    const yk = { id: 'yongkang', name: '永康市' };
    const wy = { id: 'wuyi', name: '武义县' };
    expect(await cron({ task: 'loadCampaign', key: KEY, city: yk, campaign: campaignFile() })).toMatchObject({
      ok: true,
    });
    const other = campaignFile();
    other.campaign = { ...other.campaign, id: 'c-wy', name: '武义三百' };
    expect(await cron({ task: 'loadCampaign', key: KEY, city: wy, campaign: other })).toMatchObject({
      ok: true,
    });

    const unnamed = await cron({ task: 'invite', key: KEY });
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(unnamed.ok ? '' : unnamed.error.message).toContain('yongkang');
    expect(await cron({ task: 'invite', key: KEY, city: { id: 'nowhere' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const stolen = await cron({
      task: 'loadCampaign',
      key: KEY,
      city: { id: 'wuyi' },
      campaign: campaignFile(),
    });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await store.campaigns.loadCampaign('c1'))?.cityId).toBe('yongkang');

    // Wuyi's first admin sees Wuyi's campaign, and cannot name Yongkang's.
    const made = await cron({ task: 'invite', key: KEY, city: { id: 'wuyi' } });
    if (!made.ok) throw new Error(made.error.message);
    const { code } = made.data as { code: string };
    expect(
      await arena({ action: 'me.bind', data: { inviteCode: code, name: '武义管理员' } }, 'o-wy'),
    ).toMatchObject({ ok: true });
    expect(await arena({ action: 'campaign.current', data: {} }, 'o-wy')).toMatchObject({
      ok: true,
      data: { campaign: { id: 'c-wy' } },
    });
    expect(await arena({ action: 'campaign.current', data: { campaignId: 'c1' } }, 'o-wy')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('seedDemo runs only in demo mode, and then loads the demo campaign once', async () => {
    const { cron } = setUp();
    expect(await cron({ task: 'seedDemo', key: KEY })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const demo = setUp({ env: { ...env, ARENA_DEMO: '1' } });
    const seeded = await demo.cron({ task: 'seedDemo', key: KEY });
    expect(seeded).toMatchObject({ ok: true, data: { seeded: true, posts: expect.any(Number) } });
    const [city] = await demo.store.campaigns.listCities();
    const campaignId = city?.currentCampaignId ?? null;
    expect(campaignId).not.toBeNull();
    expect(demo.fake.server.dump('posts').length).toBe(
      seeded.ok ? (seeded.data as { posts: number }).posts : -1,
    );
    expect(await demo.cron({ task: 'seedDemo', key: KEY })).toMatchObject({
      ok: true,
      data: { seeded: false, campaignId },
    });
  });
});
