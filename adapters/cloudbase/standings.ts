/**
 * The standings slice on the cloud database: the figure reads the standings are computed from (the post
 * transaction, ./commit-post.ts, writes them as snapshots, ./figure-docs.ts). None touches the posts:
 * latest figures are each unit's newest snapshot, named by the heads of the version document and read by
 * `_id` (a warm instance keeps those it has seen: they never change); "as of a day" is each unit's newest
 * figure document on or before it (its `state`), found by an aggregate that returns one result per unit; a
 * past day's close, once computed, is kept in a few documents (figure_closes); a unit's trend is its
 * newest figure document of each day. Figure documents of an older program read alongside.
 */
import type { Day } from '../../core/contract';
import type { LatestFigure } from '../../core/app/posts/store';
import type { StandingsStore } from '../../core/app/standings/store';
import type { FigureValue } from '../../core/domain/types';
import { collections as C, docId } from './collections';
import { entries, snapshotId, toLatest, type DayEntry, type LatestEntry } from './figure-docs';
import { PAGE, readAll } from './reads';
import { asVersion, dataVersion, hasOlderLatest, readHeads, versionDoc } from './versions';
import { warmOf } from './warm';
import type { WxData, WxDatabase } from './wx-types';

const flatten = (unitId: string, list: LatestEntry[]) => list.map((e) => toLatest(unitId, e));

/** Snapshots by `_id`: those the instance keeps, the others 100 to a query. */
async function snapshots(
  db: WxDatabase,
  campaignId: string,
  heads: ReadonlyMap<string, { k: number }>,
): Promise<WxData[]> {
  const warm = warmOf(db);
  const out: WxData[] = [];
  const missing: string[] = [];
  for (const [unitId, { k }] of heads) {
    const kept = warm?.snapshot(campaignId, unitId, k);
    if (kept) out.push(kept);
    else missing.push(snapshotId(campaignId, unitId, k));
  }
  for (let i = 0; i < missing.length; i += PAGE) {
    const ids = missing.slice(i, i + PAGE);
    const { data } = await db
      .collection(C.dailyFigures)
      .where({ _id: db.command.in(ids) })
      .limit(PAGE)
      .get();
    if (data.length !== ids.length)
      throw new Error(`figure snapshots of ${campaignId} named by heads are missing`);
    for (const doc of data) warm?.keepSnapshot(doc);
    out.push(...data);
  }
  return out;
}

/** The fields of a snapshot, as an aggregate's group keeps them. */
const SNAPSHOT_FIELDS = ['k', 'day', 'last', 'figures', 'state', 'postId'] as const;

/**
 * Each unit's newest snapshot (highest k), 100 units to an aggregate; with the index (campaignId, unitId,
 * k) the server takes one step per unit, however many snapshots there are.
 */
async function newestSnapshots(db: WxDatabase, campaignId: string): Promise<WxData[]> {
  const _ = db.command;
  const $ = db.command.aggregate;
  const group: Record<string, unknown> = { _id: '$unitId', id: $.first('$_id') };
  for (const f of SNAPSHOT_FIELDS) group[f] = $.first(`$${f}`);
  const out: WxData[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const { list } = await db
      .collection(C.dailyFigures)
      .aggregate()
      .match({ campaignId, k: _.gt(0) })
      .sort({ unitId: 1, k: -1 })
      .group(group)
      .sort({ _id: 1 })
      .skip(skip)
      .limit(PAGE)
      .end();
    for (const g of list) {
      const doc: WxData = { _id: g.id, campaignId, unitId: g._id };
      for (const f of SNAPSHOT_FIELDS) doc[f] = g[f];
      out.push(doc);
    }
    if (list.length < PAGE) return out;
  }
}

/**
 * The latest figures, and a version they are at least as new as. An instance that keeps more than a
 * page of the campaign's snapshots reads the heads (one document) and fetches only the snapshots it lacks
 * (after a post elsewhere: one); one that keeps fewer reads each unit's newest snapshot by aggregate
 * (one round trip a page of 100 units) after the version document, which the call has read anyway. For a
 * campaign an older program wrote to, the older latest documents of units with no snapshot yet as well.
 */
async function latestWithVersion(
  db: WxDatabase,
  campaignId: string,
): Promise<{ version: number; figures: LatestFigure[] }> {
  const warm = warmOf(db);
  let version: number;
  let older: boolean;
  let docs: WxData[];
  if ((warm?.snapshotsHeld(campaignId) ?? 0) > PAGE) {
    const read = await readHeads(db, campaignId);
    ({ version, older } = read);
    docs = await snapshots(db, campaignId, read.heads);
  } else {
    const doc = await versionDoc(db, campaignId);
    ({ version } = asVersion(doc));
    older = hasOlderLatest(doc);
    docs = await newestSnapshots(db, campaignId);
    for (const d of docs) warm?.keepSnapshot(d);
  }
  const figures = docs.flatMap((d) => flatten(String(d.unitId), entries<LatestEntry>(d, 'state')));
  if (older) {
    const done = new Set(docs.map((d) => String(d.unitId)));
    for (const d of await readAll(db, C.latestFigures, { campaignId }))
      if (!done.has(String(d.unitId)))
        figures.push(...flatten(String(d.unitId), entries<LatestEntry>(d, 'figures')));
  }
  return { version, figures };
}

async function latestFigures(db: WxDatabase, campaignId: string): Promise<LatestFigure[]> {
  return (await latestWithVersion(db, campaignId)).figures;
}

async function figuresAsOf(db: WxDatabase, campaignId: string, day: Day): Promise<LatestFigure[]> {
  const _ = db.command;
  const $ = db.command.aggregate;
  const groups: WxData[] = [];
  // An aggregate answers 20 results unless told otherwise: always give a limit, and page by units.
  for (let skip = 0; ; skip += PAGE) {
    const { list } = await db
      .collection(C.dailyFigures)
      .aggregate()
      .match({ campaignId, day: _.lte(day) })
      // A day's snapshots, newest (highest k) first; an older daily document has no k and sorts after them.
      .sort({ unitId: 1, day: -1, k: -1 })
      .group({ _id: '$unitId', state: $.first('$state') })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(PAGE)
      .end();
    groups.push(...list);
    if (list.length < PAGE) break;
  }
  return groups.flatMap((g) => flatten(String(g._id), entries<LatestEntry>(g, 'state')));
}

/**
 * A kept close is split by units into documents of at most CLOSE_UNITS units, values by metric position:
 * ~10 000 values, about 100 KB a document, so that CLOSE_PAGE of them stay under the 1 MB a function may
 * receive in one answer, and a 2 000-unit city's close is four documents, read in one round trip.
 *   figure_closes/{campaign:day:part}  { campaignId, day, part, metrics: [id], units: [id], values: [[v|null]] }
 */
const CLOSE_UNITS = 500;
const CLOSE_PAGE = 8;

function packClose(campaignId: string, day: Day, figures: readonly FigureValue[]): WxData[] {
  const metrics = [...new Set(figures.map((f) => f.metricId))].sort();
  const at = new Map(metrics.map((m, i) => [m, i]));
  const byUnit = new Map<string, (number | null)[]>();
  for (const f of figures) {
    let row = byUnit.get(f.unitId);
    if (!row) byUnit.set(f.unitId, (row = metrics.map(() => null)));
    row[at.get(f.metricId)!] = f.value;
  }
  const units = [...byUnit.keys()].sort();
  const docs: WxData[] = [];
  for (let i = 0; i === 0 || i < units.length; i += CLOSE_UNITS) {
    const part = units.slice(i, i + CLOSE_UNITS);
    docs.push({
      _id: docId(campaignId, day, String(docs.length)),
      campaignId,
      day,
      part: docs.length,
      parts: Math.max(1, Math.ceil(units.length / CLOSE_UNITS)),
      metrics,
      units: part,
      values: part.map((u) => byUnit.get(u)!),
    });
  }
  return docs;
}

function unpackClose(doc: WxData): FigureValue[] {
  const metrics = doc.metrics as string[];
  const units = doc.units as string[];
  const values = doc.values as (number | null)[][];
  const out: FigureValue[] = [];
  units.forEach((unitId, u) =>
    values[u]?.forEach((value, m) => {
      if (value !== null) out.push({ unitId, metricId: metrics[m]!, value });
    }),
  );
  return out;
}

async function keptCloses(
  db: WxDatabase,
  campaignId: string,
  days: readonly Day[],
): Promise<Map<Day, FigureValue[]>> {
  const docs: WxData[] = [];
  if (days.length === 0) return new Map();
  const _ = db.command;
  for (let skip = 0; ; skip += CLOSE_PAGE) {
    const { data } = await db
      .collection(C.figureCloses)
      .where({ campaignId, day: _.in([...days]) })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(CLOSE_PAGE)
      .get();
    docs.push(...data);
    if (data.length < CLOSE_PAGE) break;
  }
  const byDay = new Map<Day, WxData[]>();
  for (const d of docs) byDay.set(String(d.day), [...(byDay.get(String(d.day)) ?? []), d]);
  const out = new Map<Day, FigureValue[]>();
  for (const [day, parts] of byDay) {
    // A close is kept only whole: a day with a part missing (a keep cut short) is as if not kept.
    if (parts.length !== Number(parts[0]?.parts)) continue;
    out.set(day, parts.flatMap(unpackClose));
  }
  return out;
}

async function keepClose(
  db: WxDatabase,
  campaignId: string,
  day: Day,
  figures: readonly FigureValue[],
): Promise<void> {
  // Parts past the new count (a smaller city than at the last keep) would be read as part of it: none can
  // be, since a past day's figures never change, but a re-keep writes every part it reads back anyway.
  for (const doc of packClose(campaignId, day, figures)) {
    const { _id, ...data } = doc;
    await db.collection(C.figureCloses).doc(String(_id)).set({ data });
  }
}

async function unitDailyFigures(db: WxDatabase, campaignId: string, unitId: string): Promise<LatestFigure[]> {
  const $ = db.command.aggregate;
  const days: WxData[] = [];
  // One result per day, oldest first: the day's newest document (an older daily document sorts first).
  for (let skip = 0; ; skip += PAGE) {
    const { list } = await db
      .collection(C.dailyFigures)
      .aggregate()
      .match({ campaignId, unitId })
      .sort({ day: 1, k: 1 })
      .group({ _id: '$day', figures: $.last('$figures') })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(PAGE)
      .end();
    days.push(...list);
    if (list.length < PAGE) break;
  }
  return days.flatMap((d) =>
    entries<DayEntry>(d, 'figures').map((f) => ({
      unitId,
      metricId: f.metricId,
      value: f.value,
      day: String(d._id),
    })),
  );
}

export const standingsStore = (db: WxDatabase): StandingsStore => ({
  latestFigures: (campaignId) => latestFigures(db, campaignId),
  // Whole every time: the snapshots a warm instance keeps make the unchanged units free to read.
  latestChanges: async (campaignId) => ({ ...(await latestWithVersion(db, campaignId)), complete: true }),
  figuresAsOf: (campaignId, day) => figuresAsOf(db, campaignId, day),
  keptCloses: (campaignId, days) => keptCloses(db, campaignId, days),
  keepClose: (campaignId, day, figures) => keepClose(db, campaignId, day, figures),
  unitDailyFigures: (campaignId, unitId) => unitDailyFigures(db, campaignId, unitId),
  dataVersion: (campaignId) => dataVersion(db, campaignId),
});
