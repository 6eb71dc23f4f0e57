/**
 * Figures as an older program wrote them — one latest document per unit, a daily document per unit and
 * day, posts ordered by the campaign's post count, request keys — through the real wx-server-sdk over the
 * emulated server: read as before; a post continues from the latest document (its `previous`, the day's
 * figures so far) and an old request still replays; `upgradeDocuments` turns the latest documents into
 * snapshots, after which the same reads give the same answers without them.
 */
import type { LatestFigure } from '../../core/app/posts/store';
import type { Store } from '../../core/app/store';
import { requestHash } from '../../core/app/posts/request-hash';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { C1, M, U, campaignData, commit, commitOk, draft } from '../../tests/store/fixtures';
import { sorted } from '../../tests/store/read';
import { collections, docId } from './collections';
import { upgradeDocuments } from './setup';
import { createCloudStore } from './store';
import type { WxData } from './wx-types';

const D3 = '2025-03-03';
const D4 = '2025-03-04';
const D5 = '2025-03-05';

let env: Emulated;
let store: Store;

const put = (name: string, id: string, data: WxData) => env.db.collection(name).doc(id).set({ data });

/** The posts an older program took, and the documents it left. */
const old = [
  draft({
    unitId: U.a1,
    day: D3,
    time: '09:00',
    requestId: 'old-1',
    figures: [
      { metricId: M.invest, value: 1 },
      { metricId: M.start, value: 10 },
    ],
  }),
  draft({
    unitId: U.a2,
    day: D3,
    time: '10:00',
    requestId: 'old-2',
    figures: [{ metricId: M.invest, value: 0.4 }],
  }),
  draft({
    unitId: U.a1,
    day: D4,
    time: '09:00',
    requestId: 'old-3',
    figures: [{ metricId: M.invest, value: 1.3 }],
  }),
  draft({ unitId: U.a2, day: D5, time: '09:00', requestId: 'old-4', figures: [], text: '召开推进会' }),
];

async function seedOlder(): Promise<void> {
  await store.campaigns.saveCampaign(campaignData());
  // The version document as an older program kept it: no heads, no layout.
  await put(collections.dataVersions, docId(C1), { campaignId: C1, version: 5, campaign: 1, posts: 4 });
  const entry = (metricId: string, value: number, day: string) => ({ metricId, value, day });
  await put(collections.latestFigures, docId(C1, U.a1), {
    campaignId: C1,
    unitId: U.a1,
    lastDay: D4,
    figures: [entry(M.invest, 1.3, D4), entry(M.start, 10, D3)],
  });
  await put(collections.latestFigures, docId(C1, U.a2), {
    campaignId: C1,
    unitId: U.a2,
    lastDay: D5,
    figures: [entry(M.invest, 0.4, D3)],
  });
  const daily = (unitId: string, day: string, figures: WxData[], state: WxData[]) =>
    put(collections.dailyFigures, docId(C1, unitId, day), { campaignId: C1, unitId, day, figures, state });
  await daily(
    U.a1,
    D3,
    [
      { metricId: M.invest, value: 1 },
      { metricId: M.start, value: 10 },
    ],
    [entry(M.invest, 1, D3), entry(M.start, 10, D3)],
  );
  await daily(
    U.a1,
    D4,
    [{ metricId: M.invest, value: 1.3 }],
    [entry(M.invest, 1.3, D4), entry(M.start, 10, D3)],
  );
  await daily(U.a2, D3, [{ metricId: M.invest, value: 0.4 }], [entry(M.invest, 0.4, D3)]);
  let seq = 0;
  for (const d of old) {
    const id = `old-post-${(seq += 1)}`;
    const { figures, ...rest } = d;
    const record = { ...rest, id, figures: figures.map((f) => ({ ...f, previous: null })) };
    await put(collections.posts, id, {
      campaignId: C1,
      unitId: d.unitId,
      createdMs: Date.parse(d.createdAt),
      seq,
      record,
    });
    await put(collections.requestKeys, docId(d.authorId, d.requestId), {
      postId: id,
      campaignId: C1,
      hash: requestHash(d),
    });
  }
}

const f = (unitId: string, metricId: string, value: number, day: string): LatestFigure => ({
  unitId,
  metricId,
  value,
  day,
});

/** Everything the standings and the reminder read of the campaign. */
async function reads() {
  const s = store.standings;
  return {
    latest: sorted(await s.latestFigures(C1)),
    changes: sorted((await s.latestChanges(C1, null)).figures),
    asOf: await Promise.all([D3, D4, D5].map(async (d) => sorted(await s.figuresAsOf(C1, d)))),
    daily: await Promise.all([U.a1, U.a2].map(async (u) => sorted(await s.unitDailyFigures(C1, u)))),
    lastPostDays: await store.posts.lastPostDays(C1),
    feed: (await store.posts.listPosts({ campaignId: C1, limit: 10 })).items.map((p) => p.requestId),
  };
}

beforeEach(async () => {
  env = emulate({ collections: Object.values(collections) });
  store = createCloudStore({ db: env.db });
  await seedOlder();
});
afterEach(() => env.done());

describe('cloudbase figures written by an older program', () => {
  it('read as they were written, before any upgrade', async () => {
    expect(await reads()).toEqual({
      latest: sorted([f(U.a1, M.invest, 1.3, D4), f(U.a1, M.start, 10, D3), f(U.a2, M.invest, 0.4, D3)]),
      changes: sorted([f(U.a1, M.invest, 1.3, D4), f(U.a1, M.start, 10, D3), f(U.a2, M.invest, 0.4, D3)]),
      asOf: [
        sorted([f(U.a1, M.invest, 1, D3), f(U.a1, M.start, 10, D3), f(U.a2, M.invest, 0.4, D3)]),
        sorted([f(U.a1, M.invest, 1.3, D4), f(U.a1, M.start, 10, D3), f(U.a2, M.invest, 0.4, D3)]),
        sorted([f(U.a1, M.invest, 1.3, D4), f(U.a1, M.start, 10, D3), f(U.a2, M.invest, 0.4, D3)]),
      ],
      daily: [
        sorted([f(U.a1, M.invest, 1, D3), f(U.a1, M.start, 10, D3), f(U.a1, M.invest, 1.3, D4)]),
        [f(U.a2, M.invest, 0.4, D3)],
      ],
      lastPostDays: new Map([
        [U.a1, D4],
        [U.a2, D5],
      ]),
      feed: ['old-4', 'old-3', 'old-2', 'old-1'],
    });
  });

  it('a post continues from the latest document, and an old request still replays', async () => {
    const post = await commitOk(
      store,
      draft({
        unitId: U.a1,
        day: D4,
        time: '18:00',
        requestId: 'new-1',
        figures: [{ metricId: M.invest, value: 1.6 }],
      }),
    );
    expect(post.figures).toEqual([{ metricId: M.invest, value: 1.6, previous: 1.3 }]);
    const replayed = await commit(store, old[2]!);
    expect(replayed).toMatchObject({ ok: true, replayed: true, post: { id: 'old-post-3' } });
    const after = await reads();
    expect(after.latest).toEqual(
      sorted([f(U.a1, M.invest, 1.6, D4), f(U.a1, M.start, 10, D3), f(U.a2, M.invest, 0.4, D3)]),
    );
    expect(after.asOf[1]).toEqual(after.latest);
    // The day's figures: the older daily document's, then this post's over them.
    expect(after.daily[0]).toEqual(
      sorted([f(U.a1, M.invest, 1, D3), f(U.a1, M.start, 10, D3), f(U.a1, M.invest, 1.6, D4)]),
    );
    expect(await store.standings.dataVersion(C1)).toBe(6);
    // In the feed by time; a new post of the same millisecond as an old one was written later: first.
    await commitOk(store, { ...old[3]!, requestId: 'new-2', text: '再次推进' });
    expect((await reads()).feed).toEqual(['new-2', 'old-4', 'new-1', 'old-3', 'old-2', 'old-1']);
  });

  it('upgraded, reads the same without the latest documents; a second upgrade changes nothing', async () => {
    await commitOk(
      store,
      draft({ unitId: U.a1, day: D5, requestId: 'new-1', figures: [{ metricId: M.start, value: 25 }] }),
    );
    const before = await reads();
    // The unit that posted since has its snapshot; the other's latest document becomes one.
    expect((await upgradeDocuments(env.db)).latest_figures).toBe(1);
    expect(env.server.dump(collections.dataVersions)[0]).toMatchObject({ figureDocs: 2, version: 6 });
    for (const unitId of [U.a1, U.a2])
      await env.db.collection(collections.latestFigures).doc(docId(C1, unitId)).remove();
    expect(await reads()).toEqual(before);
    expect((await upgradeDocuments(env.db)).latest_figures).toBe(0);

    const next = await commitOk(
      store,
      draft({
        unitId: U.a2,
        day: D5,
        time: '17:00',
        requestId: 'new-2',
        figures: [{ metricId: M.invest, value: 0.9 }],
      }),
    );
    expect(next.figures).toEqual([{ metricId: M.invest, value: 0.9, previous: 0.4 }]);
    expect(await store.posts.lastPostDays(C1)).toEqual(
      new Map([
        [U.a1, D5],
        [U.a2, D5],
      ]),
    );
    expect(sorted(await store.standings.figuresAsOf(C1, D4))).toEqual(before.asOf[1]);
  });
});
