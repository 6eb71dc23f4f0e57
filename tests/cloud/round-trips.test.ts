/**
 * The cloud's latency is its database round trips (issue 11): each action through the `arena` function's
 * handler on the real wx-server-sdk over the CloudBase emulation, counted as bench/cloud-round-trips.ts
 * counts them (`npm run bench` prints the same table), within its budget on a warm instance — and still
 * answering what a cold instance answers. What a warm instance keeps (adapters/cloudbase/warm.ts) must never
 * outlive a change made on another instance: a role change, a rebinding of the OPENID, the city's switch to
 * another campaign and a post all show on the very next call.
 */
import { campaign, city, users } from '../app/arena';
import { createCloudStore } from '../../adapters/cloudbase/store';
import type { Store } from '../../core/app/ports';
import type { CloudMain } from '../../cloud/deps';
import { createArenaMain } from '../../cloudfunctions/arena/handler';
import { cloudRoundTrips, tripBudgets, warmDbTrips, type TripRow } from '../../bench/cloud-round-trips';
import { createTestCloud, quiet, shanghai, testClock, testIds, type TestCloud } from './fake-cloud';

const UNITS = 150;

describe('round trips per action on a warm instance (bench city, 150 units)', () => {
  let rows: TripRow[];
  const row = (action: string): TripRow => {
    const found = rows.find((r) => r.action === action);
    if (!found) throw new Error(`no row ${action}`);
    return found;
  };

  beforeAll(async () => {
    rows = await cloudRoundTrips(UNITS);
  }, 60_000);

  it.each(['post.list', 'board.leaderboard', 'unit.detail'])('%s is within its budget', (action) => {
    const budget = tripBudgets(UNITS)[action]!;
    expect({ action, trips: warmDbTrips(row(action)) }).toEqual({ action, trips: expect.any(Number) });
    expect(warmDbTrips(row(action))).toBeLessThanOrEqual(budget);
  });

  it('the cached leaderboard is the version check alone', () => {
    expect(warmDbTrips(row('board.leaderboard'))).toBe(1);
    expect(row('me.get').warm).toBe(1);
  });

  // Missed by one: the issue asks ≤ 6, seven remain — the version check (which also brings the head of
  // the caller's unit), then start, the request key inserted, the unit's next figure snapshot inserted, the
  // post written, the version bumped with the unit's new head (no read), commit; the unit's figures come
  // from the snapshot this instance holds (adapters/cloudbase/commit-post.ts). Six would need one of those
  // writes to go, and each keeps a guarantee: the key is written before `decide` (a replay is never
  // judged afresh: the Store suite's commit.replay) and the post after it (it holds what `decide` returned);
  // the figures are a document of their own so that standings never read the posts; every post moves the
  // version that caches key on, or a cached leaderboard would miss it. The failing case turns green if one
  // of those is given up.
  it('post.create takes at most 7 round trips (16, then 10 before), and asks WeChat once to check its text', () => {
    expect(warmDbTrips(row('post.create'))).toBeLessThanOrEqual(7);
    expect(row('post.create').warmServices).toBe(1);
  });
  it.failing('post.create within the issue’s 6 (not met: one over)', () => {
    expect(warmDbTrips(row('post.create'))).toBeLessThanOrEqual(6);
  });
  it('a post on an instance that does not hold the unit’s newest figures reads them: one round trip more', () => {
    expect(warmDbTrips(row('post.create, unit last posted elsewhere'))).toBe(
      warmDbTrips(row('post.create'))! + 1,
    );
  });

  // The uncached leaderboard's reads of the days' closes are being reworked apart (adapters/cloudbase/
  // standings.ts); what this side adds is only the version check, with identity and campaign kept.
  it('the uncached leaderboard adds only the version check to the standings reads', () => {
    const uncached = warmDbTrips(row('board.leaderboard, uncached'))!;
    expect(uncached).toBeLessThan(row('board.leaderboard, uncached').cold);
    expect(uncached).toBeLessThanOrEqual(tripBudgets(UNITS)['board.leaderboard, uncached']! + 2);
  });

  it('warm calls answer what cold ones did, and the leaderboard after a post is the fresh one', () => {
    for (const action of [
      'me.get',
      'campaign.current',
      'board.leaderboard',
      'unit.detail',
      'unit.trend',
      'post.list',
    ])
      expect({ action, warm: row(action).answers?.warm }).toEqual({
        action,
        warm: row(action).answers?.cold,
      });
    const uncached = row('board.leaderboard, uncached').answers!;
    expect(uncached.warm).not.toEqual(uncached.cold);
    expect(uncached.warm).toEqual(uncached.fresh);
  });
});

describe('what a warm instance keeps never outlives a change made elsewhere', () => {
  let fake: TestCloud;
  let main: CloudMain;
  let other: Store;

  beforeEach(async () => {
    fake = createTestCloud();
    // Another instance (the admin's, the console's): its own store, no cache shared with `main`.
    other = createCloudStore({ db: fake.db, warm: true });
    await other.campaigns.saveCity(city);
    await other.campaigns.saveCampaign(campaign);
    await other.campaigns.setCurrentCampaign(city.id, campaign.campaign.id);
    await other.people.putUser({ ...users.repA, demo: false, openid: 'o-a' });
    const { clock } = testClock(shanghai('2025-10-10', '10:00'));
    main = createArenaMain({ cloud: fake.cloud, env: {}, clock, ids: testIds(), log: quiet });
  });
  afterEach(() => fake.done());

  const call = (openid: string, action: string, data: Record<string, unknown> = {}) =>
    fake.invoke(main, openid, { action, data });
  const warmUp = async () => {
    for (let i = 0; i < 3; i += 1) expect(await call('o-a', 'me.get')).toMatchObject({ ok: true });
  };

  it('a role or unit change shows on the next call, and a post for the old unit is refused', async () => {
    await warmUp();
    await other.people.putUser({ ...users.repA, demo: false, openid: 'o-a', unitId: 'B' });
    expect(await call('o-a', 'me.get')).toMatchObject({ ok: true, data: { user: { unitId: 'B' } } });
    const post = {
      unitId: 'A',
      requestId: 'request-0001',
      text: '进展',
      figures: [{ metricId: 'm-invest', value: 1 }],
    };
    const refused = await call('o-a', 'post.create', post);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an OPENID bound to another user is that user on the next call; one unbound is asked for an invite', async () => {
    await warmUp();
    await other.people.putUser({ ...users.repA, demo: false, openid: 'o-moved' });
    await other.people.putUser({ ...users.repB, demo: false, openid: 'o-a' });
    expect(await call('o-a', 'me.get')).toMatchObject({ ok: true, data: { user: { id: users.repB.id } } });
    await other.people.putUser({ ...users.repB, demo: false, openid: 'o-elsewhere' });
    expect(await call('o-a', 'post.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('the city’s switch to another campaign shows on the next call, and back again', async () => {
    await warmUp();
    expect(await call('o-a', 'campaign.current')).toMatchObject({
      ok: true,
      data: { campaign: { id: campaign.campaign.id } },
    });
    const spring = { ...campaign, campaign: { ...campaign.campaign, id: 'c-spring', name: '春季攻坚' } };
    await other.campaigns.saveCampaign(spring);
    await other.campaigns.setCurrentCampaign(city.id, 'c-spring');
    expect(await call('o-a', 'campaign.current')).toMatchObject({
      ok: true,
      data: { campaign: { id: 'c-spring' } },
    });
    await other.campaigns.setCurrentCampaign(city.id, campaign.campaign.id);
    expect(await call('o-a', 'campaign.current')).toMatchObject({
      ok: true,
      data: { campaign: { id: campaign.campaign.id } },
    });
  });

  it('a city renamed elsewhere is renamed on the next call', async () => {
    await warmUp();
    await other.campaigns.saveCity({ id: city.id, name: '新名字市' });
    expect(await call('o-a', 'campaign.list')).toMatchObject({
      ok: true,
      data: { city: { name: '新名字市' } },
    });
  });

  it('a version document written by an older program (no currentOf) is healed once, then vouches', async () => {
    const ref = fake.db.collection('data_versions').doc(campaign.campaign.id);
    const { data } = (await ref.get()) as { data: Record<string, unknown> };
    const { _id: _ignored, currentOf: _old, epoch: _epoch, ...older } = data;
    await ref.set({ data: older });
    await warmUp();
    expect(((await ref.get()) as { data: Record<string, unknown> }).data.currentOf).toBe(city.id);
    fake.emulator.resetRoundTrips();
    await call('o-a', 'me.get');
    expect(fake.emulator.roundTrips()).toBe(1);
  });
});
