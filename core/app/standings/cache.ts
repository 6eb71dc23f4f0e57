/**
 * Standings are computed from the latest figures and the figures at a few days' close — never from
 * the posts — and memoized by (campaign, data version, day, track): "cached until the next write".
 * Promises are cached, so concurrent readers share one computation; a failed one is forgotten.
 */
import type { Day } from '../../contract';
import { addDays } from '../../domain/days';
import { effortBaselineDay } from '../../domain/effort';
import { computeStandings, type Standings } from '../../domain/standings';
import type { CampaignView } from '../campaigns/view';
import type { LatestFigure } from '../posts/store';
import type { StandingsStore } from './store';

export interface StandingsView {
  today: Standings;
  /** The previous day's close in the same view; null before the first day has closed. */
  previous: Standings | null;
}

interface DayFigures {
  latest: LatestFigure[];
  baseline: LatestFigure[];
}

export interface StandingsCache {
  get(reads: StandingsStore, view: CampaignView, day: Day, trackId: string | undefined): Promise<StandingsView>;
}

/** Entries kept: a few days × (all + each track) of the live version is plenty. */
const MAX_ENTRIES = 32;

function memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit) return hit;
  const made = make();
  map.set(key, made);
  made.catch(() => {
    if (map.get(key) === made) map.delete(key);
  });
  if (map.size > MAX_ENTRIES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  return made;
}

export function createStandingsCache(): StandingsCache {
  const views = new Map<string, Promise<StandingsView>>();
  const figures = new Map<string, Promise<DayFigures>>();

  /** Figures now (`closed` false) or at the close of `day`, and at its effort baseline; shared by all tracks. */
  const figuresFor = (reads: StandingsStore, view: CampaignView, version: number, day: Day, closed: boolean) => {
    const { id, startDate, endDate } = view.data.campaign;
    return memo(figures, `${id}|${view.version}|${version}|${day}|${closed}`, async () => ({
      latest: closed ? await reads.figuresAsOf(id, day) : await reads.latestFigures(id),
      baseline: await reads.figuresAsOf(id, effortBaselineDay(day, startDate, endDate)),
    }));
  };

  const compute = async (
    reads: StandingsStore,
    view: CampaignView,
    version: number,
    day: Day,
    trackId: string | undefined,
  ) => {
    const { data } = view;
    const metricIds =
      trackId === undefined
        ? undefined
        : new Set(data.metrics.filter((m) => m.trackId === trackId).map((m) => m.id));
    const at = async (d: Day, closed: boolean): Promise<Standings> => {
      const f = await figuresFor(reads, view, version, d, closed);
      return computeStandings({
        ...data,
        day: d,
        latest: f.latest,
        baseline: f.baseline,
        ...(metricIds ? { metricIds } : {}),
      });
    };
    const yesterday = addDays(day, -1);
    const [today, previous] = await Promise.all([
      at(day, false),
      yesterday >= data.campaign.startDate ? at(yesterday, true) : Promise.resolve(null),
    ]);
    return { today, previous };
  };

  return {
    // Keyed on the campaign's version (its settings) and the data version (its figures).
    get: async (reads, view, day, trackId) => {
      const id = view.data.campaign.id;
      const version = await reads.dataVersion(id);
      return memo(views, `${id}|${view.version}|${version}|${day}|${trackId ?? '*'}`, () =>
        compute(reads, view, version, day, trackId),
      );
    },
  };
}
