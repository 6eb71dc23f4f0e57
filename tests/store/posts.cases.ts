/**
 * Store contract cases for the posts slice's transaction, commitPost: what one post writes, what `decide`
 * sees and decides, refusals and replays that write nothing, the day's last figure, the data version,
 * concurrent posts to one unit (no lost update); each unit's latest post day; a flagged post.
 * The feed: ./posts.feed.cases.ts; image checks: ./posts.photos.cases.ts.
 */
import type { Store } from '../../core/app/store';
import type { DecideFigures, LatestFigure, StoredFigure } from '../../core/app/posts/store';
import type { SuiteContext } from './suite';
import { C1, C2, M, U, campaignData, commit, commitOk, decideFrom, draft } from './fixtures';
import { readAll, sorted } from './read';

const D1 = '2025-03-03';
const D2 = '2025-03-04';

/** Everything a reader can see of a campaign, to show that a call wrote nothing. */
async function snapshot(store: Store, campaignId = C1) {
  return {
    posts: (await store.posts.listPosts({ campaignId, limit: 50 })).items,
    latest: sorted(await store.standings.latestFigures(campaignId)),
    asOf: sorted(await store.standings.figuresAsOf(campaignId, D2)),
    daily: sorted(await store.standings.unitDailyFigures(campaignId, U.a1)),
    version: await store.standings.dataVersion(campaignId),
  };
}

export const postCaseIds = [
  'commit.writes',
  'commit.decideSeesLatest',
  'commit.keepsDecidedFigures',
  'commit.textOnly',
  'commit.refused',
  'commit.decideThrows',
  'commit.replay',
  'commit.replayOtherAuthor',
  'commit.reusedRequest',
  'commit.lastOfDayWins',
  'commit.dataVersion',
  'commit.concurrent',
  'posts.lastPostDays',
  'commit.flagged',
] as const;

export function postCases({ it, store }: SuiteContext): void {
  describe('commitPost', () => {
    beforeEach(async () => {
      await store().campaigns.saveCampaign(campaignData());
    });

    it('commit.writes', 'a post is stored with an id, and sets the latest and the day’s figures', async () => {
      const d = draft({
        unitId: U.a1, day: D1, time: '10:15', requestId: 'req-0001', text: '方岩镇项目全面开工',
        photos: ['cloud://photos/1.jpg', 'cloud://photos/2.jpg'], correctionReason: '上周误填',
        figures: [{ metricId: M.invest, value: 1.25 }, { metricId: M.start, value: 40 }],
      });
      const r = await commit(store(), d);
      expect(r).toEqual({
        ok: true, replayed: false,
        post: { ...d, id: expect.any(String), figures: [{ metricId: M.invest, value: 1.25, previous: null }, { metricId: M.start, value: 40, previous: null }] },
      });
      if (!r.ok) return;
      expect(r.post.id).not.toBe('');
      expect((await store().posts.listPosts({ campaignId: C1, limit: 20 })).items).toEqual([r.post]);
      const expected: LatestFigure[] = [
        { unitId: U.a1, metricId: M.invest, value: 1.25, day: D1 },
        { unitId: U.a1, metricId: M.start, value: 40, day: D1 },
      ];
      expect(sorted(await store().standings.latestFigures(C1))).toEqual(expected);
      expect(sorted(await store().standings.figuresAsOf(C1, D1))).toEqual(expected);
      expect(sorted(await store().standings.unitDailyFigures(C1, U.a1))).toEqual(expected);
    });

    it('commit.decideSeesLatest', 'decide is given this unit’s latest figures by metric, and nobody else’s', async () => {
      await store().campaigns.saveCampaign(campaignData(C2));
      await commitOk(store(), draft({ unitId: U.a1, day: D1, requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }, { metricId: M.start, value: 20 }] }));
      await commitOk(store(), draft({ unitId: U.a1, day: D2, requestId: 'r2', figures: [{ metricId: M.invest, value: 1.5 }] }));
      await commitOk(store(), draft({ unitId: U.b1, day: D2, requestId: 'r3', figures: [{ metricId: M.invest, value: 9 }, { metricId: M.signed, value: 3 }] }));
      await commitOk(store(), draft({ campaignId: C2, unitId: U.a1, day: D2, requestId: 'r4', figures: [{ metricId: M.signed, value: 7 }] }));

      const seen: Array<[string, LatestFigure]> = [];
      const d = draft({ unitId: U.a1, day: D2, time: '18:00', requestId: 'r5', figures: [{ metricId: M.invest, value: 2 }] });
      const r = await store().posts.commitPost(d, (latest) => {
        seen.push(...latest.entries());
        return decideFrom(d.figures)(latest);
      });
      expect(r.ok).toBe(true);
      expect(seen.sort(([a], [b]) => (a < b ? -1 : 1))).toEqual([
        [M.invest, { unitId: U.a1, metricId: M.invest, value: 1.5, day: D2 }],
        [M.start, { unitId: U.a1, metricId: M.start, value: 20, day: D1 }],
      ]);
      if (r.ok) expect(r.post.figures).toEqual([{ metricId: M.invest, value: 2, previous: 1.5 }]);
    });

    it('commit.keepsDecidedFigures', 'the store writes the figures decide returns, previous included', async () => {
      const d = draft({ unitId: U.a2, day: D1, requestId: 'r1', figures: [{ metricId: M.invest, value: 0.8 }] });
      const decide: DecideFigures = () => ({ ok: true, figures: [{ metricId: M.invest, value: 0.75, previous: 0.5 }] });
      const r = await store().posts.commitPost(d, decide);
      expect(r.ok && r.post.figures).toEqual([{ metricId: M.invest, value: 0.75, previous: 0.5 }]);
      const [listed] = (await store().posts.listPosts({ campaignId: C1, limit: 5 })).items;
      expect(listed?.figures).toEqual([{ metricId: M.invest, value: 0.75, previous: 0.5 }]);
      expect(await store().standings.latestFigures(C1)).toEqual([{ unitId: U.a2, metricId: M.invest, value: 0.75, day: D1 }]);
    });

    it('commit.textOnly', 'a post without figures is stored and leaves the figures alone', async () => {
      await commitOk(store(), draft({ unitId: U.a1, day: D1, requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      const post = await commitOk(store(), draft({ unitId: U.a1, day: D2, requestId: 'r2', figures: [], text: '现场推进会' }));
      expect(post.figures).toEqual([]);
      expect((await store().posts.listPosts({ campaignId: C1, limit: 5 })).items[0]).toEqual(post);
      expect(await store().standings.latestFigures(C1)).toEqual([{ unitId: U.a1, metricId: M.invest, value: 1, day: D1 }]);
    });

    it('commit.refused', 'a post decide refuses returns the error, writes nothing, and may be retried', async () => {
      await commitOk(store(), draft({ unitId: U.a1, day: D1, requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      const before = await snapshot(store());
      const bad = draft({ unitId: U.a1, day: D2, requestId: 'r2', figures: [{ metricId: M.start, value: 30 }, { metricId: M.invest, value: -1 }] });
      expect(await commit(store(), bad)).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: `数值不能小于 0：${M.invest}` } });
      expect(await snapshot(store())).toEqual(before);

      const fixed = { ...bad, figures: [{ metricId: M.start, value: 30 }, { metricId: M.invest, value: 1.1 }] };
      const retry = await commit(store(), fixed);
      expect(retry.ok && retry.replayed).toBe(false);
      expect(retry.ok && retry.post.figures).toEqual([{ metricId: M.start, value: 30, previous: null }, { metricId: M.invest, value: 1.1, previous: 1 }]);
    });

    it('commit.decideThrows', 'when decide throws, commitPost rejects and writes nothing', async () => {
      await commitOk(store(), draft({ unitId: U.a1, day: D1, requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      const before = await snapshot(store());
      const d = draft({ unitId: U.a1, day: D2, requestId: 'r2', figures: [{ metricId: M.invest, value: 2 }] });
      await expect(store().posts.commitPost(d, () => { throw new Error('decide failed'); })).rejects.toThrow('decide failed');
      expect(await snapshot(store())).toEqual(before);
    });

    it('commit.replay', 'the same author, requestId and content again returns the first post and writes nothing', async () => {
      const first = await commitOk(store(), draft({ unitId: U.a1, day: D1, requestId: 'req-same', text: '首发', figures: [{ metricId: M.invest, value: 1 }] }));
      const before = await snapshot(store());
      // A retry arrives later (its time and day are the server's), with the same content.
      const again = draft({ unitId: U.a1, day: D2, time: '11:00', requestId: 'req-same', text: '首发', figures: [{ metricId: M.invest, value: 1 }] });
      let calls = 0;
      const r = await store().posts.commitPost(again, (latest) => {
        calls += 1;
        return decideFrom(again.figures)(latest);
      });
      expect(r).toEqual({ ok: true, post: first, replayed: true });
      expect(calls).toBe(0);
      expect(await snapshot(store())).toEqual(before);
    });

    it('commit.reusedRequest', 'a used requestId with other content is refused as CONFLICT and writes nothing', async () => {
      const first = { unitId: U.a1, day: D1, requestId: 'req-used', text: '首发', figures: [{ metricId: M.invest, value: 1 }] };
      await commitOk(store(), draft(first));
      const before = await snapshot(store());
      const others = [
        { ...first, figures: [{ metricId: M.invest, value: 2 }] },
        { ...first, text: '改过的说明' },
        { ...first, photos: ['/files/p.jpg'] },
        { ...first, correctionReason: '口径调整' },
        { ...first, figures: [] },
      ];
      for (const other of others) {
        let calls = 0;
        const d = draft({ ...other, day: D2 });
        const r = await store().posts.commitPost(d, (latest) => {
          calls += 1;
          return decideFrom(d.figures)(latest);
        });
        expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: '这条动态的请求编号已用于另一条内容：请重新发布。' } });
        expect(calls).toBe(0);
      }
      expect(await snapshot(store())).toEqual(before);
      // The same content still replays.
      const replay = await commit(store(), draft({ ...first, day: D2 }));
      expect(replay.ok && replay.replayed).toBe(true);
    });

    it('commit.replayOtherAuthor', 'the same requestId from another author is another post', async () => {
      const first = await commitOk(store(), draft({ unitId: U.b1, day: D1, requestId: 'req-same', figures: [{ metricId: M.invest, value: 4 }] }));
      const r = await commit(store(), draft({ unitId: U.b1, day: D1, time: '10:00', authorId: 'user-b1', requestId: 'req-same', figures: [{ metricId: M.invest, value: 5 }] }));
      expect(r.ok && r.replayed).toBe(false);
      expect(r.ok && r.post.id).not.toBe(first.id);
      expect(r.ok && r.post.figures).toEqual([{ metricId: M.invest, value: 5, previous: 4 }]);
      expect((await store().posts.listPosts({ campaignId: C1, limit: 10 })).items).toHaveLength(2);
    });

    it('commit.lastOfDayWins', 'the day’s figure is the last post of the day, metric by metric', async () => {
      await commitOk(store(), draft({ unitId: U.a1, day: D1, time: '09:00', requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }, { metricId: M.start, value: 10 }] }));
      await commitOk(store(), draft({ unitId: U.a1, day: D1, time: '17:00', requestId: 'r2', figures: [{ metricId: M.invest, value: 1.4 }] }));
      await commitOk(store(), draft({ unitId: U.a1, day: D2, time: '09:00', requestId: 'r3', figures: [{ metricId: M.start, value: 25 }] }));
      expect(sorted(await store().standings.figuresAsOf(C1, D1))).toEqual([
        { unitId: U.a1, metricId: M.invest, value: 1.4, day: D1 },
        { unitId: U.a1, metricId: M.start, value: 10, day: D1 },
      ]);
      expect(sorted(await store().standings.unitDailyFigures(C1, U.a1))).toEqual([
        { unitId: U.a1, metricId: M.invest, value: 1.4, day: D1 },
        { unitId: U.a1, metricId: M.start, value: 10, day: D1 },
        { unitId: U.a1, metricId: M.start, value: 25, day: D2 },
      ]);
    });

    it('commit.dataVersion', 'the data version grows with each post, not with a refusal or a replay', async () => {
      const v0 = await store().standings.dataVersion(C1);
      await commitOk(store(), draft({ unitId: U.a1, day: D1, requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      const v1 = await store().standings.dataVersion(C1);
      expect(v1).toBeGreaterThan(v0);
      await commitOk(store(), draft({ unitId: U.a2, day: D1, requestId: 'r2', figures: [{ metricId: M.invest, value: 2 }] }));
      const v2 = await store().standings.dataVersion(C1);
      expect(v2).toBeGreaterThan(v1);
      await commit(store(), draft({ unitId: U.a1, day: D2, requestId: 'r3', figures: [{ metricId: M.invest, value: -3 }] }));
      expect(await store().standings.dataVersion(C1)).toBe(v2);
      await commit(store(), draft({ unitId: U.a1, day: D2, requestId: 'r1', figures: [{ metricId: M.invest, value: 3 }] }));
      expect(await store().standings.dataVersion(C1)).toBe(v2);
    });
  });
  describe('concurrency', () => {
    it('commit.concurrent', '20 posts to one unit at once all land, each seeing the one before (no lost update)', async () => {
      await store().campaigns.saveCampaign(campaignData());
      const v0 = await store().standings.dataVersion(C1);
      const drafts = Array.from({ length: 20 }, (_, i) =>
        draft({ unitId: U.b1, day: '2025-03-10', time: '10:00', requestId: `req-burst-${i}`, figures: [{ metricId: M.invest, value: i + 1 }] }),
      );
      const results = await Promise.all(drafts.map((d) => commit(store(), d)));
      const figures: StoredFigure[] = results.map((r) => {
        if (!r.ok || r.replayed) throw new Error('every concurrent post should be written once');
        return r.post.figures[0]!;
      });

      // Follow the chain from the first report: each value must be the `previous` of exactly one other.
      const next = new Map<number | null, number>();
      for (const f of figures) {
        expect(next.has(f.previous)).toBe(false);
        next.set(f.previous, f.value);
      }
      const chain: number[] = [];
      for (let at = next.get(null); at !== undefined; at = next.get(at)) chain.push(at);
      expect([...chain].sort((a, b) => a - b)).toEqual(drafts.map((_, i) => i + 1));

      const last = chain[chain.length - 1];
      expect(await store().standings.latestFigures(C1)).toEqual([{ unitId: U.b1, metricId: M.invest, value: last, day: '2025-03-10' }]);
      expect(await store().standings.figuresAsOf(C1, '2025-03-10')).toEqual([{ unitId: U.b1, metricId: M.invest, value: last, day: '2025-03-10' }]);
      expect(await readAll(store(), C1, 50)).toHaveLength(20);
      expect(await store().standings.dataVersion(C1)).toBeGreaterThan(v0);
    });
  });
  describe('post activity', () => {
    beforeEach(async () => {
      await store().campaigns.saveCampaign(campaignData());
      await store().campaigns.saveCampaign(campaignData(C2));
    });

    it('posts.lastPostDays', 'each unit’s latest post day, text-only posts included; units that never posted are absent', async () => {
      expect(await store().posts.lastPostDays(C1)).toEqual(new Map());
      await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-05', requestId: 'r2', figures: [], text: '项目推进顺利' }));
      await commitOk(store(), draft({ unitId: U.b1, day: '2025-03-04', requestId: 'r3', figures: [], text: '召开推进会' }));
      await commitOk(store(), draft({ campaignId: C2, unitId: U.a2, day: '2025-03-06', requestId: 'r4', figures: [], text: '秋季' }));
      expect(await store().posts.lastPostDays(C1)).toEqual(new Map([[U.a1, '2025-03-05'], [U.b1, '2025-03-04']]));
      expect(await store().posts.lastPostDays(C2)).toEqual(new Map([[U.a2, '2025-03-06']]));
    });

    it('commit.flagged', 'a post flagged for review keeps its flag; others have none', async () => {
      const flagged = await commitOk(store(), { ...draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r1', figures: [], text: '待审' }), flagged: true });
      const plain = await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-03', time: '10:00', requestId: 'r2', figures: [], text: '正常' }));
      expect(flagged.flagged).toBe(true);
      const listed = (await store().posts.listPosts({ campaignId: C1, limit: 5 })).items;
      expect(listed).toEqual([plain, flagged]);
      expect(listed[0]?.flagged).toBeUndefined();
      expect(listed[1]?.flagged).toBe(true);
    });
  });
}
