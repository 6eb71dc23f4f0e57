/**
 * The standings slice on the cloud database: the figure reads the standings are computed from (the post
 * transaction, ./commit-post.ts, writes them). None touches the posts: latest figures are one document
 * per unit; "as of a day" is each unit's last daily document on or before it (its `state`), found by an
 * aggregate that returns one result per unit; a unit's trend is its daily documents.
 */
import type { Day } from '../../core/contract';
import type { LatestFigure } from '../../core/app/posts/store';
import type { StandingsStore } from '../../core/app/standings/store';
import { collections as C } from './collections';
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

async function unitDailyFigures(
  db: WxDatabase,
  campaignId: string,
  unitId: string,
): Promise<LatestFigure[]> {
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
  figuresAsOf: (campaignId, day) => figuresAsOf(db, campaignId, day),
  unitDailyFigures: (campaignId, unitId) => unitDailyFigures(db, campaignId, unitId),
  dataVersion: (campaignId) => dataVersion(db, campaignId),
});
