/**
 * Store contract cases for the standings slice: the figures standings are computed from (latest, as of a
 * day's close, a unit's daily trend), and what holds the design together: replaying every post, oldest
 * first, into an empty store gives the same figures (ARCHITECTURE.md "Reads never scan the posts").
 */
import type { FigureInputRecord, PostDraft, PostRecord } from '../../core/app/posts/store';
import type { SuiteContext } from './suite';
import { C1, M, U, campaignData, commit, commitOk, draft, draftOf } from './fixtures';
import { readAll, seeded, sorted } from './read';

const days = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08'];
const allUnits = [U.a1, U.a2, U.b1, U.b2];

/** A stream of posts over several days: subsets of metrics, text-only posts, equal times, refusals, retries. */
function stream(): PostDraft[] {
  const rand = seeded(2025);
  const totals = new Map<string, number>();
  const out: PostDraft[] = [];
  let n = 0;
  for (const day of days.slice(0, 5)) {
    let unitId: string = U.a1;
    for (let slot = 0; slot < 6; slot += 1) {
      // Slots 2 and 5 repeat the unit and the time of the slot before: equal times are ordered by insertion.
      const tie = slot % 3 === 2;
      if (!tie) unitId = allUnits[Math.floor(rand() * allUnits.length)]!;
      const figures: FigureInputRecord[] = [];
      for (const metricId of [M.invest, M.start, M.signed]) {
        if (rand() < 0.4) continue;
        const key = `${unitId}/${metricId}`;
        const value = metricId === M.start ? Math.round(rand() * 100) : (totals.get(key) ?? 0) + Math.round(rand() * 30) / 10;
        totals.set(key, value);
        figures.push({ metricId, value });
      }
      const time = `${two(8 + (tie ? slot - 1 : slot))}:00`;
      out.push(draft({ unitId, day, time, requestId: `req-${(n += 1)}`, figures, text: figures.length ? '' : '今日无新增，继续推进' }));
    }
    // A post refused by decide, and a phone's retry of an earlier request.
    out.push(draft({ unitId: U.a1, day, time: '21:00', requestId: `req-${(n += 1)}`, figures: [{ metricId: M.invest, value: -1 }] }));
    out.push({ ...out[out.length - 3]!, text: '重试' });
  }
  return out;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

export const standingsCaseIds = [
  'figures.latest',
  'figures.asOf',
  'figures.daily',
  'figures.changes',
  'closes.kept',
  'replay.sameFigures',
] as const;

export function standingsCases({ it, store, fresh }: SuiteContext): void {
  describe('figures', () => {
    beforeEach(async () => {
      await store().campaigns.saveCampaign(campaignData());
      const posts: Array<[string, string, string, number, number?]> = [
        // unit, day, time, invest, start
        [U.a1, '2025-03-03', '09:00', 1.0, 10],
        [U.a2, '2025-03-03', '10:00', 0.4],
        [U.a1, '2025-03-04', '09:00', 1.3],
        [U.a1, '2025-03-06', '09:00', 1.9, 35],
        [U.b1, '2025-03-06', '11:00', 5.5, 20],
        [U.a2, '2025-03-07', '16:00', 0.9],
      ];
      let n = 0;
      for (const [unitId, day, time, invest, start] of posts) {
        const figures = [{ metricId: M.invest, value: invest }, ...(start === undefined ? [] : [{ metricId: M.start, value: start }])];
        await commitOk(store(), draft({ unitId, day, time, requestId: `r-${(n += 1)}`, figures }));
      }
    });

    it('figures.latest', 'latest figures hold each unit’s last value per metric and the day it was set', async () => {
      expect(sorted(await store().standings.latestFigures(C1))).toEqual(sorted([
        { unitId: U.a1, metricId: M.invest, value: 1.9, day: '2025-03-06' },
        { unitId: U.a1, metricId: M.start, value: 35, day: '2025-03-06' },
        { unitId: U.a2, metricId: M.invest, value: 0.9, day: '2025-03-07' },
        { unitId: U.b1, metricId: M.invest, value: 5.5, day: '2025-03-06' },
        { unitId: U.b1, metricId: M.start, value: 20, day: '2025-03-06' },
      ]));
    });

    it('figures.asOf', 'figures as of a day are the values at its close; units with nothing yet are absent', async () => {
      expect(await store().standings.figuresAsOf(C1, '2025-03-02')).toEqual([]);
      const day3 = [
        { unitId: U.a1, metricId: M.invest, value: 1.0, day: '2025-03-03' },
        { unitId: U.a1, metricId: M.start, value: 10, day: '2025-03-03' },
        { unitId: U.a2, metricId: M.invest, value: 0.4, day: '2025-03-03' },
      ];
      expect(sorted(await store().standings.figuresAsOf(C1, '2025-03-03'))).toEqual(day3);
      const day5 = [{ ...day3[0]!, value: 1.3, day: '2025-03-04' }, day3[1]!, day3[2]!];
      expect(sorted(await store().standings.figuresAsOf(C1, '2025-03-05'))).toEqual(day5);
      expect(sorted(await store().standings.figuresAsOf(C1, '2025-03-06'))).toEqual(sorted([
        { unitId: U.a1, metricId: M.invest, value: 1.9, day: '2025-03-06' },
        { unitId: U.a1, metricId: M.start, value: 35, day: '2025-03-06' },
        day3[2]!,
        { unitId: U.b1, metricId: M.invest, value: 5.5, day: '2025-03-06' },
        { unitId: U.b1, metricId: M.start, value: 20, day: '2025-03-06' },
      ]));
      expect(sorted(await store().standings.figuresAsOf(C1, '2025-12-31'))).toEqual(sorted(await store().standings.latestFigures(C1)));
    });

    it('figures.daily', 'a unit’s daily figures come oldest first, one per metric and day', async () => {
      const daily = await store().standings.unitDailyFigures(C1, U.a1);
      expect(daily.map((f) => f.day)).toEqual([...daily.map((f) => f.day)].sort());
      expect(sorted(daily)).toEqual([
        { unitId: U.a1, metricId: M.invest, value: 1.0, day: '2025-03-03' },
        { unitId: U.a1, metricId: M.invest, value: 1.3, day: '2025-03-04' },
        { unitId: U.a1, metricId: M.invest, value: 1.9, day: '2025-03-06' },
        { unitId: U.a1, metricId: M.start, value: 10, day: '2025-03-03' },
        { unitId: U.a1, metricId: M.start, value: 35, day: '2025-03-06' },
      ]);
      expect(await store().standings.unitDailyFigures(C1, U.b2)).toEqual([]);
    });
  });
  describe('changes and kept closes', () => {
    beforeEach(async () => {
      await store().campaigns.saveCampaign(campaignData());
    });

    it('figures.changes', 'latest changes since a version hold at least every figure written after it, with the version they reach', async () => {
      const s = store().standings;
      await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-03', time: '09:00', requestId: 'c-1', figures: [{ metricId: M.invest, value: 1 }, { metricId: M.start, value: 10 }] }));
      const first = await s.latestChanges(C1, null);
      expect(first.complete).toBe(true);
      expect(first.version).toBe(await s.dataVersion(C1));
      expect(sorted(first.figures)).toEqual(sorted(await s.latestFigures(C1)));

      // Nothing written since: a store that can tell says so; one that cannot gives the whole set again.
      const none = await s.latestChanges(C1, first.version);
      expect(none.version).toBe(first.version);
      if (!none.complete) expect(none.figures).toEqual([]);

      await commitOk(store(), draft({ unitId: U.b1, day: '2025-03-04', time: '09:00', requestId: 'c-2', figures: [{ metricId: M.invest, value: 5 }] }));
      await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-04', time: '10:00', requestId: 'c-3', figures: [{ metricId: M.invest, value: 2 }] }));
      const next = await s.latestChanges(C1, first.version);
      expect(next.version).toBe(await s.dataVersion(C1));
      expect(next.version).toBeGreaterThan(first.version);
      const changed = [
        { unitId: U.a1, metricId: M.invest, value: 2, day: '2025-03-04' },
        { unitId: U.b1, metricId: M.invest, value: 5, day: '2025-03-04' },
      ];
      if (next.complete) expect(sorted(next.figures)).toEqual(sorted(await s.latestFigures(C1)));
      else expect(sorted(next.figures)).toEqual(sorted(changed));
      // Applying the changes to the first read gives the latest figures.
      const applied = new Map(first.figures.map((f) => [`${f.unitId}/${f.metricId}`, f]));
      for (const f of next.figures) applied.set(`${f.unitId}/${f.metricId}`, f);
      expect(sorted([...applied.values()])).toEqual(sorted(await s.latestFigures(C1)));
      // A refused post changes nothing.
      const refused = await commit(store(), draft({ unitId: U.a2, day: '2025-03-04', time: '11:00', requestId: 'c-4', figures: [{ metricId: M.invest, value: -1 }] }));
      expect(refused.ok).toBe(false);
      const after = await s.latestChanges(C1, next.version);
      expect(after.version).toBe(next.version);
      if (!after.complete) expect(after.figures).toEqual([]);
    });

    it('closes.kept', 'a kept close reads back as kept, whole, for the days that have one; keeping a day again replaces it', async () => {
      const s = store().standings;
      expect(await s.keptCloses(C1, ['2025-03-03'])).toEqual(new Map());
      expect(await s.keptCloses(C1, [])).toEqual(new Map());
      const day3 = [
        { unitId: U.a1, metricId: M.invest, value: 1.25 },
        { unitId: U.a1, metricId: M.start, value: 10 },
        { unitId: U.a2, metricId: M.invest, value: 0 },
      ];
      await s.keepClose(C1, '2025-03-03', day3);
      await s.keepClose(C1, '2025-03-04', []);
      const both = await s.keptCloses(C1, ['2025-03-03', '2025-03-04', '2025-03-05']);
      expect([...both.keys()].sort()).toEqual(['2025-03-03', '2025-03-04']);
      expect(sorted(both.get('2025-03-03')!)).toEqual(sorted(day3));
      expect(both.get('2025-03-04')).toEqual([]);
      // Another campaign's closes are its own.
      expect(await s.keptCloses('another', ['2025-03-03'])).toEqual(new Map());

      const again = [{ unitId: U.b1, metricId: M.signed, value: 3 }];
      await s.keepClose(C1, '2025-03-03', again);
      expect((await s.keptCloses(C1, ['2025-03-03'])).get('2025-03-03')).toEqual(again);

      // A big close (a province-sized city) reads back whole.
      const big = Array.from({ length: 1_300 }, (_, u) =>
        [M.invest, M.start].map((metricId, m) => ({ unitId: `u${String(u).padStart(4, '0')}`, metricId, value: u * 2 + m + 0.5 })),
      ).flat();
      await s.keepClose(C1, '2025-03-05', big);
      expect(sorted((await s.keptCloses(C1, ['2025-03-05'])).get('2025-03-05')!)).toEqual(sorted(big));
    });
  });
  describe('replay', () => {
    it('replay.sameFigures', 'replaying every post oldest first into an empty store gives the same figures', async () => {
      const a = store();
      await a.campaigns.saveCampaign(campaignData());
      let written = 0;
      for (const d of stream()) {
        const r = await commit(a, d);
        if (r.ok && !r.replayed) written += 1;
      }
      const feed = await readAll(a, C1, 7);
      expect(feed).toHaveLength(written);

      const b = await fresh();
      await b.campaigns.saveCampaign(campaignData());
      const replayed: PostRecord[] = [];
      for (const post of [...feed].reverse()) replayed.push(await commitOk(b, draftOf(post)));

      expect(replayed.map((p) => p.figures)).toEqual([...feed].reverse().map((p) => p.figures));
      expect(sorted(await b.standings.latestFigures(C1))).toEqual(sorted(await a.standings.latestFigures(C1)));
      for (const day of ['2025-03-02', ...days]) {
        expect(sorted(await b.standings.figuresAsOf(C1, day))).toEqual(sorted(await a.standings.figuresAsOf(C1, day)));
      }
      for (const unitId of allUnits) {
        expect(sorted(await b.standings.unitDailyFigures(C1, unitId))).toEqual(sorted(await a.standings.unitDailyFigures(C1, unitId)));
      }
    });
  });}
