/**
 * The standings slice on the cloud database: the figure reads the standings are computed from (the post
 * transaction, ./commit-post.ts, writes them). None touches the posts: latest figures are one document
 * per unit; "as of a day" is each unit's last daily document on or before it (its `state`), found by an
 * aggregate that returns one result per unit; a past day's close, once computed, is kept in a few
 * documents (figure_closes); a unit's trend is its daily documents.
 */
import type { Day } from '../../core/contract';
import type { LatestFigure } from '../../core/app/posts/store';
import type { StandingsStore } from '../../core/app/standings/store';
import type { FigureValue } from '../../core/domain/types';
import { collections as C, docId } from './collections';
import { entries, toLatest, type DayEntry, type LatestEntry } from './figure-docs';
import { PAGE, readAll } from './reads';
import { dataVersion } from './versions';
import type { WxData, WxDatabase } from './wx-types';

const flatten = (unitId: string, list: LatestEntry[]) => list.map((e) => toLatest(unitId, e));

async function latestFigures(db: WxDatabase, campaignId: string): Promise<LatestFigure[]> {
  const docs = await readAll(db, C.latestFigures, { campaignId });
  return docs.flatMap((d) => flatten(String(d.unitId), entries<LatestEntry>(d, 'figures')));
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
      .sort({ unitId: 1, day: -1 })
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
  // `day` is unique within one unit, so it can key the pages and gives oldest first.
  const docs = await readAll(db, C.dailyFigures, { campaignId, unitId }, 'day');
  return docs.flatMap((d) =>
    entries<DayEntry>(d, 'figures').map((f) => ({
      unitId,
      metricId: f.metricId,
      value: f.value,
      day: String(d.day),
    })),
  );
}

export const standingsStore = (db: WxDatabase): StandingsStore => ({
  latestFigures: (campaignId) => latestFigures(db, campaignId),
  // A latest document holds no version of its own: every read is a whole one (one page per 100 units).
  latestChanges: async (campaignId) => {
    const version = await dataVersion(db, campaignId);
    return { version, figures: await latestFigures(db, campaignId), complete: true };
  },
  figuresAsOf: (campaignId, day) => figuresAsOf(db, campaignId, day),
  keptCloses: (campaignId, days) => keptCloses(db, campaignId, days),
  keepClose: (campaignId, day, figures) => keepClose(db, campaignId, day, figures),
  unitDailyFigures: (campaignId, unitId) => unitDailyFigures(db, campaignId, unitId),
  dataVersion: (campaignId) => dataVersion(db, campaignId),
});
