/**
 * The figure documents a post writes. One latest document per (campaign, unit) holds all its metrics'
 * latest values: the post transaction reads the unit's latest figures with one `doc().get()` (a
 * transaction cannot query "all of this unit's metrics"), writes one document back, and the leaderboard
 * reads units, not units × metrics, documents. One daily document per (campaign, unit, day) holds the
 * figures posted that day (last post wins, metric by metric) and `state`, the unit's latest figures at
 * that day's close, so that "as of a day" needs one document per unit, never the posts. The latest
 * document also keeps `lastDay`, the day of the unit's latest post (with or without figures).
 */
import type { Day } from '../../core/contract';
import type { LatestFigure, StoredFigure } from '../../core/app/posts/store';
import { collections as C, docId } from './collections';
import type { WxData, WxTransaction } from './wx-types';

/** A metric's latest value as kept in a latest document (and in a daily document's `state`). */
export interface LatestEntry {
  metricId: string;
  value: number;
  day: Day;
}

export interface DayEntry {
  metricId: string;
  value: number;
}

type Tx = Pick<WxTransaction, 'collection'>;

export const latestRef = (t: Tx, campaignId: string, unitId: string) =>
  t.collection(C.latestFigures).doc(docId(campaignId, unitId));

export const dailyRef = (t: Tx, campaignId: string, unitId: string, day: Day) =>
  t.collection(C.dailyFigures).doc(docId(campaignId, unitId, day));

export const entries = <T>(doc: WxData | null | undefined, field: string): T[] =>
  Array.isArray(doc?.[field]) ? (doc[field] as T[]) : [];

export const toLatest = (unitId: string, e: LatestEntry): LatestFigure => ({
  unitId,
  metricId: e.metricId,
  value: e.value,
  day: e.day,
});

/** Replaces the entries of the metrics in `figures`, keeps the others, in metric order. */
export function merge<T extends { metricId: string }>(before: T[], after: T[]): T[] {
  const byMetric = new Map(before.map((e) => [e.metricId, e]));
  for (const e of after) byMetric.set(e.metricId, e);
  return [...byMetric.values()].sort((a, b) =>
    a.metricId < b.metricId ? -1 : a.metricId > b.metricId ? 1 : 0,
  );
}

export const posted = (figures: StoredFigure[], day: Day) => ({
  latest: figures.map((f): LatestEntry => ({ metricId: f.metricId, value: f.value, day })),
  daily: figures.map((f): DayEntry => ({ metricId: f.metricId, value: f.value })),
});

export const laterDay = (a: Day | null, b: Day): Day => (a !== null && a > b ? a : b);

/** The unit's last post day from its latest document (before `lastDay` was kept: its newest figure's day). */
export function lastPostDay(doc: WxData | null | undefined): Day | null {
  if (typeof doc?.lastDay === 'string') return doc.lastDay;
  let last: Day | null = null;
  for (const e of entries<LatestEntry>(doc, 'figures')) last = laterDay(last, e.day);
  return last;
}
