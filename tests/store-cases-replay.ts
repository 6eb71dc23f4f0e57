/**
 * Store contract cases that hold the design together: concurrent posts to one unit lose no update,
 * and replaying every post, oldest first, into an empty store gives the same figures
 * (ARCHITECTURE.md "Reads never scan the posts").
 */
import type { FigureInputRecord, PostDraft, PostRecord, StoredFigure } from '../core/app/ports';
import type { SuiteContext } from './store-contract';
import { C1, M, U, campaignData, commit, commitOk, draft, draftOf } from './store-fixtures';
import { readAll, seeded, sorted } from './store-read';

export function concurrencyCases({ it, store }: SuiteContext): void {
  describe('concurrency', () => {
    it('commit.concurrent', '20 posts to one unit at once all land, each seeing the one before (no lost update)', async () => {
      await store().saveCampaign(campaignData());
      const v0 = await store().dataVersion(C1);
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
      expect(await store().latestFigures(C1)).toEqual([{ unitId: U.b1, metricId: M.invest, value: last, day: '2025-03-10' }]);
      expect(await store().figuresAsOf(C1, '2025-03-10')).toEqual([{ unitId: U.b1, metricId: M.invest, value: last, day: '2025-03-10' }]);
      expect(await readAll(store(), C1, 50)).toHaveLength(20);
      expect(await store().dataVersion(C1)).toBeGreaterThan(v0);
    });
  });
}

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

export function replayCases({ it, store, fresh }: SuiteContext): void {
  describe('replay', () => {
    it('replay.sameFigures', 'replaying every post oldest first into an empty store gives the same figures', async () => {
      const a = store();
      await a.saveCampaign(campaignData());
      let written = 0;
      for (const d of stream()) {
        const r = await commit(a, d);
        if (r.ok && !r.replayed) written += 1;
      }
      const feed = await readAll(a, C1, 7);
      expect(feed).toHaveLength(written);

      const b = await fresh();
      await b.saveCampaign(campaignData());
      const replayed: PostRecord[] = [];
      for (const post of [...feed].reverse()) replayed.push(await commitOk(b, draftOf(post)));

      expect(replayed.map((p) => p.figures)).toEqual([...feed].reverse().map((p) => p.figures));
      expect(sorted(await b.latestFigures(C1))).toEqual(sorted(await a.latestFigures(C1)));
      for (const day of ['2025-03-02', ...days]) {
        expect(sorted(await b.figuresAsOf(C1, day))).toEqual(sorted(await a.figuresAsOf(C1, day)));
      }
      for (const unitId of allUnits) {
        expect(sorted(await b.unitDailyFigures(C1, unitId))).toEqual(sorted(await a.unitDailyFigures(C1, unitId)));
      }
    });
  });
}
