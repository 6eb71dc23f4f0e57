/**
 * The figure documents a post writes. Each post inserts one figure snapshot, never changed after:
 *   daily_figures/{campaign:unit:#k}  { campaignId, unitId, k, day, last, figures, state, postId }
 * `k` counts the unit's posts (1, 2, …): the post that finds the unit at snapshot k inserts k + 1, and the
 * server refuses a second insert of one `_id`, so two posts that start from the same snapshot cannot both
 * land (the later one is run again from the newer snapshot): no figure is lost, whatever the post knew
 * before its transaction. `state` is the unit's latest figures after the post, `figures` the figures of the
 * post's `day` so far (last post wins, metric by metric), `last` the day of the unit's latest post.
 * The unit's newest snapshot is named by its head in the campaign's version document (./versions.ts
 * `heads`), which the post updates anyway: so the leaderboard reads one document per unit by `_id`, "as of
 * a day" is each unit's newest document on or before it, and a warm instance may keep snapshots it has
 * seen (they never change).
 *
 * Written by older programs, still read (./setup.ts `upgradeFigures` turns them into snapshots):
 *   latest_figures/{campaign:unit}     { campaignId, unitId, lastDay, figures: [{metricId, value, day}] }
 *   daily_figures/{campaign:unit:day}  { campaignId, unitId, day, figures: [{metricId, value}], state }
 * A day's snapshots and its older daily document sort by `k` (absent: lowest), the newest last.
 */
import type { Day } from '../../core/contract';
import type { LatestFigure, StoredFigure } from '../../core/app/posts/store';
import { collections as C, docId } from './collections';
import type { WxData, WxTransaction } from './wx-types';

/** A metric's latest value as kept in a snapshot's `state` (and an older latest document's `figures`). */
export interface LatestEntry {
  metricId: string;
  value: number;
  day: Day;
}

export interface DayEntry {
  metricId: string;
  value: number;
}

/** A unit's newest snapshot, as its head in the version document names it. */
export interface Head {
  k: number;
  /** The day of the unit's latest post (with or without figures). */
  last: Day;
}

type Tx = Pick<WxTransaction, 'collection'>;

export const snapshotId = (campaignId: string, unitId: string, k: number): string =>
  docId(campaignId, unitId, `#${k}`);

/** An older program's latest document. */
export const latestRef = (t: Tx, campaignId: string, unitId: string) =>
  t.collection(C.latestFigures).doc(docId(campaignId, unitId));

/** An older program's daily document. */
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

/** The unit's last post day from an older latest document (before `lastDay` was kept: its newest figure's day). */
export function lastPostDay(doc: WxData | null | undefined): Day | null {
  if (typeof doc?.lastDay === 'string') return doc.lastDay;
  let last: Day | null = null;
  for (const e of entries<LatestEntry>(doc, 'figures')) last = laterDay(last, e.day);
  return last;
}

/**
 * The figures of `day` in an older latest document, without reading that day's document: its entries of
 * `day` are exactly the metrics posted that day, as long as none is of a later day (then null: read it).
 */
export function dayFromLatest(state: LatestEntry[], day: Day): DayEntry[] | null {
  if (state.some((e) => e.day > day)) return null;
  return state.filter((e) => e.day === day).map((e) => ({ metricId: e.metricId, value: e.value }));
}
