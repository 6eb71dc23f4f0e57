/**
 * A query answers 100 documents unless it asks for more (20 for an aggregate without a limit): the adapter
 * must read past that. A campaign of 250 units × 2 metrics loads whole and its figures come back complete,
 * through the real wx-server-sdk over the emulated server.
 */
import type { CampaignData, LatestFigure } from '../../core/app/ports';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { collections } from './collections';
import { sorted } from '../../tests/store/read';
import { createCloudStore } from './store';

let env: Emulated;
beforeEach(() => {
  env = emulate({ collections: Object.values(collections) });
});
afterEach(() => env.done());

const C = 'c-province';
const unitId = (i: number) => `u-${String(i).padStart(3, '0')}`;
const METRICS = ['m-invest', 'm-signed'];

function bigCampaign(units: number): CampaignData {
  return {
    cityId: 'city',
    campaign: {
      id: C,
      name: '全省百日攻坚',
      startDate: '2025-03-01',
      endDate: '2025-06-08',
      timezone: 'Asia/Shanghai',
      weights: { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 },
    },
    tracks: [{ id: 't-1', name: '百日攻坚', leadUnitId: 'lead' }],
    metrics: METRICS.map((id) => ({
      id,
      trackId: 't-1',
      name: id,
      measure: '个',
      kind: 'count' as const,
      direction: 'up' as const,
    })),
    // Reverse order, so that insertion order, id order and the saved order all differ.
    units: Array.from({ length: units }, (_, i) => ({
      id: unitId(units - 1 - i),
      name: `单位${units - i}`,
      division: i % 2 ? '甲' : '乙',
    })),
    targets: Array.from({ length: units }, (_, i) =>
      METRICS.map((metricId) => ({ unitId: unitId(i), metricId, target: i + 10 })),
    ).flat(),
  };
}

const post = (i: number, day: string, requestId: string, value: number) => ({
  campaignId: C,
  unitId: unitId(i),
  authorId: `user-${i}`,
  authorName: '填报员',
  createdAt: `${day}T0${i % 10}:00:00.000Z`,
  day,
  text: '',
  photos: [],
  correctionReason: null,
  requestId,
  figures: METRICS.map((metricId) => ({ metricId, value })),
});
const accept = (figures: Array<{ metricId: string; value: number }>) => () => ({
  ok: true as const,
  figures: figures.map((f) => ({ ...f, previous: null })),
});

describe('cloudbase store: reading past the 100-document cap', () => {
  it('loads a campaign of 250 units and 500 targets whole and in order', async () => {
    const store = createCloudStore({ db: env.db });
    const data = bigCampaign(250);
    await store.campaigns.saveCampaign(data);
    const loaded = await store.campaigns.loadCampaign(C);
    expect(loaded?.units).toHaveLength(250);
    expect(loaded?.targets).toHaveLength(500);
    expect(loaded).toEqual(data);

    // Saving a smaller version drops the rest, however many there were.
    await store.campaigns.saveCampaign(bigCampaign(120));
    expect(await store.campaigns.loadCampaign(C)).toEqual(bigCampaign(120));
    expect(env.server.dump('targets')).toHaveLength(240);
  });

  it('returns the latest and as-of figures of all 250 units, not the first page of them', async () => {
    const store = createCloudStore({ db: env.db });
    await store.campaigns.saveCampaign(bigCampaign(250));
    for (let i = 0; i < 250; i += 1) {
      const d = post(i, '2025-03-05', `r-${i}`, i + 1);
      expect((await store.posts.commitPost(d, accept(d.figures))).ok).toBe(true);
    }
    const expected: LatestFigure[] = Array.from({ length: 250 }, (_, i) =>
      METRICS.map((metricId) => ({ unitId: unitId(i), metricId, value: i + 1, day: '2025-03-05' })),
    ).flat();

    env.emulator.resetRoundTrips();
    expect(sorted(await store.standings.latestFigures(C))).toEqual(expected);
    // The version document (it says whether older latest documents exist), then each unit's newest
    // snapshot, 100 + 100 + 50 units to a page.
    expect(env.emulator.roundTrips()).toBe(4);

    expect(sorted(await store.standings.figuresAsOf(C, '2025-03-31'))).toEqual(expected);
    expect(await store.standings.figuresAsOf(C, '2025-03-04')).toEqual([]);
  });

  it('follows one unit’s 130 days of figures and a 150-post page past the cap', async () => {
    const store = createCloudStore({ db: env.db });
    await store.campaigns.saveCampaign(bigCampaign(3));
    const day = (n: number) => new Date(Date.UTC(2025, 2, 1 + n)).toISOString().slice(0, 10);
    for (let n = 0; n < 130; n += 1) {
      const d = post(1, day(n), `r-${n}`, n);
      await store.posts.commitPost(d, accept(d.figures));
    }
    const daily = await store.standings.unitDailyFigures(C, unitId(1));
    expect(daily).toHaveLength(260);
    expect(daily.map((f) => f.day)).toEqual(Array.from({ length: 130 }, (_, n) => [day(n), day(n)]).flat());

    const page = await store.posts.listPosts({ campaignId: C, limit: 150 });
    expect(page.items.map((p) => p.day)).toEqual(Array.from({ length: 130 }, (_, n) => day(129 - n)));
    expect(page.nextCursor).toBeNull();
    const first = await store.posts.listPosts({ campaignId: C, limit: 101 });
    const rest = await store.posts.listPosts({
      campaignId: C,
      limit: 101,
      cursor: first.nextCursor ?? undefined,
    });
    expect([...first.items, ...rest.items]).toEqual(page.items);
    expect([first.items.length, rest.items.length, rest.nextCursor]).toEqual([101, 29, null]);
  });
});
