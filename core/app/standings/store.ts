/**
 * The standings slice of the Store: the figures standings are computed from. Only `posts.commitPost`
 * writes figures, in the post's own transaction; this slice reads them, and keeps the figures at past
 * days' closes. None of these reads scans the posts (ARCHITECTURE.md "Reads never scan the posts"):
 * their cost grows with units × metrics (× days for one unit's trend), never with the number of posts,
 * and — once a day's close is kept — never with the number of days either.
 */
import type { Day } from '../../contract';
import type { FigureValue } from '../../domain/types';
import type { LatestFigure } from '../posts/store';

/** The latest figures changed after a data version, and the version they bring the reader to. */
export interface LatestChanges {
  version: number;
  /** Every latest figure written after `since` (all of them when `complete`). */
  figures: LatestFigure[];
  /** The figures are the whole set, not only the changes (a first read, or a store that cannot tell). */
  complete: boolean;
}

export interface StandingsStore {
  latestFigures(campaignId: string): Promise<LatestFigure[]>;
  /**
   * The latest figures written after data version `since` (null: all of them), read together with the
   * version they reflect, so that a reader can keep the set and apply only what changed.
   */
  latestChanges(campaignId: string, since: number | null): Promise<LatestChanges>;
  /** Each (unit, metric)'s value at the close of `day`: its last daily figure on or before that day. */
  figuresAsOf(campaignId: string, day: Day): Promise<LatestFigure[]>;
  /**
   * Closes kept by `keepClose`, for those of `days` that have one. A past day's close never changes (a
   * post always lands on its own day, today), so it is computed once and kept.
   */
  keptCloses(campaignId: string, days: readonly Day[]): Promise<Map<Day, FigureValue[]>>;
  /** Keeps the values at `day`'s close (as `figuresAsOf` gave them); a second keep of a day replaces it. */
  keepClose(campaignId: string, day: Day, figures: readonly FigureValue[]): Promise<void>;
  /** One unit's daily figures, oldest first (for trend charts). */
  unitDailyFigures(campaignId: string, unitId: string): Promise<LatestFigure[]>;
  /** Grows with every write that can change standings (a post, a saved campaign); caches key on it. */
  dataVersion(campaignId: string): Promise<number>;
}
