/**
 * Standings are computed from the latest figures and the figures at a few days' close — never from the
 * posts — and their cost must not grow with the days behind them:
 * - the latest figures are kept per campaign and brought up to date with only what changed since the
 *   version they reflect (`latestChanges`);
 * - a past day's close never changes (a post always lands on today), so once the day is settled it is
 *   computed once, kept in the store (a cold start reads it back instead of walking the daily figures)
 *   and in memory;
 * - the previous day's standings, made of settled closes only, are computed once per campaign version;
 * - today's standings are memoized by (campaign, its version, data version, day, track): "cached until
 *   the next write". Promises are cached, so concurrent readers share one computation; a failed one is
 *   forgotten.
 * - quality comes from the campaign's problems, read once per computation (hundreds at most); raising a
 *   problem and each of its steps bump the data version, so standings never outlive a problem write. The
 *   previous day's quality needs no later read: a problem counts on a day only once its due date is
 *   behind that day, and raising one (due today or later) or closing one (today) changes no earlier day.
 * A day is settled SETTLE_MS after it ends: a post stamped a second before midnight may commit a moment
 * after it, and must not be missing from a close kept for good. Until then a close is read afresh for
 * each data version.
 */
import type { Day } from '../../contract';
import { addDays, dayOf } from '../../domain/days';
import { effortBaselineDay } from '../../domain/effort';
import { computeStandings, type Standings } from '../../domain/standings';
import type { FigureIndex, Figures, FigureValue, ProblemFact } from '../../domain/types';
import type { CampaignView } from '../campaigns/view';
import type { TaskStore } from '../tasks/store';
import type { StandingsStore } from './store';

/** What standings are read from: the figures, and the problems quality is computed from. */
export interface StandingsSources {
  standings: StandingsStore;
  tasks: Pick<TaskStore, 'listProblems'>;
}

export interface StandingsView {
  today: Standings;
  /** The previous day's close in the same view; null before the first day has closed. */
  previous: Standings | null;
}

export interface StandingsCache {
  /** The standings on `day` (today at instant `now`, in the campaign's zone). */
  get(
    sources: StandingsSources,
    view: CampaignView,
    day: Day,
    trackId: string | undefined,
    now: number,
  ): Promise<StandingsView>;
}

/** How long after midnight a day's close is taken as final. */
export const SETTLE_MS = 10 * 60_000;

/** Whether `day`'s close can no longer change at instant `now`. */
export const settled = (day: Day, now: number, timezone: string): boolean =>
  dayOf(now - SETTLE_MS, timezone) > day;

/** A small map that forgets its oldest entry beyond `max`. */
function bounded<T>(max: number) {
  const map = new Map<string, Promise<T>>();
  return {
    /** The entry for `key`, made once; a failed one is forgotten so that the next call tries again. */
    memo(key: string, make: () => Promise<T>): Promise<T> {
      const hit = map.get(key);
      if (hit) return hit;
      const made = make();
      map.set(key, made);
      made.catch(() => {
        if (map.get(key) === made) map.delete(key);
      });
      if (map.size > max) {
        const oldest = map.keys().next().value;
        if (oldest !== undefined) map.delete(oldest);
      }
      return made;
    },
    get: (key: string) => map.get(key),
  };
}

/**
 * A campaign's latest figures as of `version`, by unit then metric. A new version shares every unit's map
 * but the changed units' (copied, not edited: a computation of the older version may still be reading).
 */
interface KeptLatest {
  version: number;
  index: FigureIndex;
}

function applyChanges(
  before: KeptLatest | undefined,
  changes: Awaited<ReturnType<StandingsStore['latestChanges']>>,
): KeptLatest {
  const fresh = changes.complete || !before;
  const index: FigureIndex = fresh ? new Map() : new Map(before.index);
  const copied = new Set<string>();
  for (const f of changes.figures) {
    let unit = index.get(f.unitId);
    if (!unit || (!fresh && !copied.has(f.unitId))) {
      index.set(f.unitId, (unit = new Map(unit)));
      copied.add(f.unitId);
    }
    unit.set(f.metricId, f.value);
  }
  return { version: changes.version, index };
}

export function createStandingsCache(): StandingsCache {
  // Today's views, a few days × (all + each track), each at the newest data version asked for: an older
  // version's standings are of no more use once a newer one is made, and keeping them would hold tens of
  // thousands of objects per version for the garbage collector to walk.
  const views = new Map<string, { version: number; made: Promise<StandingsView> }>();
  // The previous day's standings, once settled: per campaign version, day and track.
  const previous = bounded<Standings>(32);
  // Settled closes, shared by every view of the campaign.
  const closes = bounded<readonly FigureValue[]>(16);
  // Closes of days not yet settled, per data version.
  const unsettled = bounded<readonly FigureValue[]>(8);
  // The last standings computed per (campaign, its version, track), to reuse what a write left unchanged.
  const lastToday = new Map<string, Standings>();
  // The latest figures per campaign: each call chains on the last, so changes are applied in order.
  const latest = new Map<string, Promise<KeptLatest>>();

  const latestOf = (reads: StandingsStore, campaignId: string): Promise<KeptLatest> => {
    const before = latest.get(campaignId);
    const next = (async () => {
      const kept = before ? await before.catch(() => undefined) : undefined;
      return applyChanges(kept, await reads.latestChanges(campaignId, kept?.version ?? null));
    })();
    latest.set(campaignId, next);
    next.catch(() => {
      if (latest.get(campaignId) === next) latest.delete(campaignId);
    });
    if (latest.size > 8) latest.delete(latest.keys().next().value!);
    return next;
  };

  /** The closes of `days`: settled ones from memory, else from the store, else computed and kept. */
  const closesOf = async (
    reads: StandingsStore,
    view: CampaignView,
    version: number,
    days: readonly Day[],
    now: number,
  ): Promise<Map<Day, readonly FigureValue[]>> => {
    const { id, timezone } = view.data.campaign;
    const out = new Map<Day, readonly FigureValue[]>();
    const missing = days.filter((d) => settled(d, now, timezone) && !closes.get(`${id}|${d}`));
    if (missing.length > 0) {
      // One store read for every settled close this process has not seen yet.
      const kept = reads.keptCloses(id, missing);
      for (const d of missing) {
        closes.memo(`${id}|${d}`, async () => {
          const found = (await kept).get(d);
          if (found) return found;
          const figures = await reads.figuresAsOf(id, d);
          // Kept for the next cold start, without waiting: a read must not wait on a write lock another
          // process holds, and if keeping fails this process still has the close in memory.
          void reads.keepClose(id, d, figures).catch(() => undefined);
          return figures;
        });
      }
      kept.catch(() => undefined);
    }
    await Promise.all(
      days.map(async (d) => {
        const figures = settled(d, now, timezone)
          ? closes.memo(`${id}|${d}`, () => reads.figuresAsOf(id, d))
          : unsettled.memo(`${id}|${version}|${d}`, () => reads.figuresAsOf(id, d));
        out.set(d, await figures);
      }),
    );
    return out;
  };

  const compute = async (
    sources: StandingsSources,
    view: CampaignView,
    version: number,
    day: Day,
    trackId: string | undefined,
    now: number,
  ): Promise<StandingsView> => {
    const { data } = view;
    const { id, startDate, endDate, timezone } = data.campaign;
    const reads = sources.standings;
    const problems = sources.tasks.listProblems(id);
    problems.catch(() => undefined);
    const metricIds =
      trackId === undefined
        ? undefined
        : new Set(data.metrics.filter((m) => m.trackId === trackId).map((m) => m.id));
    const standingsAt = (
      d: Day,
      figures: Figures,
      baseline: Figures,
      facts: readonly ProblemFact[],
      reuse?: Standings,
    ) =>
      computeStandings({
        ...data,
        day: d,
        latest: figures,
        baseline,
        problems: facts,
        ...(metricIds ? { metricIds } : {}),
        ...(reuse ? { reuse } : {}),
      });

    const yesterday = addDays(day, -1);
    const hasPrevious = yesterday >= startDate;
    const base = effortBaselineDay(day, startDate, endDate);
    const prevBase = effortBaselineDay(yesterday, startDate, endDate);

    const previousView = async (): Promise<Standings | null> => {
      if (!hasPrevious) return null;
      const make = async () => {
        const c = await closesOf(reads, view, version, [yesterday, prevBase], now);
        return standingsAt(yesterday, c.get(yesterday)!, c.get(prevBase)!, await problems);
      };
      // Made of settled closes only, it holds for as long as the campaign's settings do.
      return settled(yesterday, now, timezone)
        ? previous.memo(`${id}|${view.version}|${yesterday}|${trackId ?? '*'}`, make)
        : make();
    };
    const [kept, baseline, prev, facts] = await Promise.all([
      latestOf(reads, id),
      closesOf(reads, view, version, [base], now),
      previousView(),
      problems,
    ]);
    // The last standings of this view: a post changes a few units' figures, and every other metric is
    // taken from there as it is (computeStandings checks each one's figures).
    const viewKey = `${id}|${view.version}|${trackId ?? '*'}`;
    const today = standingsAt(day, kept.index, baseline.get(base)!, facts, lastToday.get(viewKey));
    lastToday.delete(viewKey);
    lastToday.set(viewKey, today);
    if (lastToday.size > 16) lastToday.delete(lastToday.keys().next().value!);
    return { today, previous: prev };
  };

  return {
    // Keyed on the campaign's version (its settings) and the data version (its figures).
    get: async (sources, view, day, trackId, now) => {
      const id = view.data.campaign.id;
      const version = await sources.standings.dataVersion(id);
      const key = `${id}|${view.version}|${day}|${trackId ?? '*'}`;
      const hit = views.get(key);
      if (hit?.version === version) return hit.made;
      const made = compute(sources, view, version, day, trackId, now);
      // A reader still on an older version gets its answer without displacing the newer one.
      if (!hit || hit.version < version) {
        views.delete(key);
        views.set(key, { version, made });
        if (views.size > 32) views.delete(views.keys().next().value!);
        made.catch(() => {
          if (views.get(key)?.made === made) views.delete(key);
        });
      }
      return made;
    },
  };
}
