/**
 * The standings slice of the Store: the figures standings are computed from. Only `posts.commitPost`
 * writes them, in the post's own transaction; this slice reads them. None of these reads scans the
 * posts (ARCHITECTURE.md "Reads never scan the posts"): their cost grows with units × metrics (× days
 * for one unit's trend), never with the number of posts.
 */
import type { Day } from '../../contract';
import type { LatestFigure } from '../posts/store';

export interface StandingsStore {
  latestFigures(campaignId: string): Promise<LatestFigure[]>;
  /** Each (unit, metric)'s value at the close of `day`: its last daily figure on or before that day. */
  figuresAsOf(campaignId: string, day: Day): Promise<LatestFigure[]>;
  /** One unit's daily figures, oldest first (for trend charts). */
  unitDailyFigures(campaignId: string, unitId: string): Promise<LatestFigure[]>;
  /** Grows with every write that can change standings (a post, a saved campaign); caches key on it. */
  dataVersion(campaignId: string): Promise<number>;
}
