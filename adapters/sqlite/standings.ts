/**
 * The standings slice in SQLite: the figures standings are computed from (./posts.ts writes them). None of
 * these reads touches the posts: latest_figures has one row per (unit, metric), and a day's close is one
 * index seek per (unit, metric) into daily_figures; a kept close is one row.
 */
import type { Database } from 'better-sqlite3';
import type { StandingsStore } from '../../core/app/standings/store';
import type { FigureValue } from '../../core/domain/types';
import { type FigureRow, toFigure } from './rows';

/** A close as compact JSON rows: 40 000 figures of a province-sized city stay a few hundred KB. */
type PackedFigure = [unitId: string, metricId: string, value: number];

const packClose = (figures: readonly FigureValue[]): string =>
  JSON.stringify(figures.map((f): PackedFigure => [f.unitId, f.metricId, f.value]));

const unpackClose = (json: string): FigureValue[] =>
  (JSON.parse(json) as PackedFigure[]).map(([unitId, metricId, value]) => ({ unitId, metricId, value }));

export function standingsStore(db: Database): StandingsStore {
  const latest = db.prepare<[string], FigureRow>(
    'SELECT unit_id, metric_id, value, day FROM latest_figures WHERE campaign_id = ? ORDER BY unit_id, metric_id',
  );
  // Every (unit, metric) that has a daily figure has a latest one (both are written together), so walking
  // latest_figures and seeking the last day on or before ?2 costs units × metrics seeks, however many days.
  const asOf = db.prepare<{ campaignId: string; day: string }, FigureRow>(`
    SELECT l.unit_id, l.metric_id, d.value, d.day
    FROM latest_figures l
    JOIN daily_figures d
      ON d.campaign_id = l.campaign_id AND d.unit_id = l.unit_id AND d.metric_id = l.metric_id
     AND d.day = (
       SELECT max(x.day) FROM daily_figures x
       WHERE x.campaign_id = l.campaign_id AND x.unit_id = l.unit_id AND x.metric_id = l.metric_id AND x.day <= @day)
    WHERE l.campaign_id = @campaignId
    ORDER BY l.unit_id, l.metric_id`);
  const unitDaily = db.prepare<[string, string], FigureRow>(
    'SELECT unit_id, metric_id, value, day FROM daily_figures WHERE campaign_id = ? AND unit_id = ? ORDER BY day, metric_id',
  );
  const version = db.prepare<[string], { data_version: number }>(
    'SELECT data_version FROM campaigns WHERE id = ?',
  );
  const changed = db.prepare<[string, number], FigureRow>(
    'SELECT unit_id, metric_id, value, day FROM latest_figures WHERE campaign_id = ? AND version > ? ORDER BY unit_id, metric_id',
  );
  // Version and figures in one read transaction: a post committed in between shows in neither.
  const changes = db.transaction((campaignId: string, since: number | null) => {
    const v = version.get(campaignId)?.data_version ?? 0;
    const rows = since === null ? latest.all(campaignId) : changed.all(campaignId, since);
    return { version: v, figures: rows.map(toFigure), complete: since === null };
  });
  const closes = db.prepare<[string, string], { day: string; figures: string }>(
    'SELECT day, figures FROM figure_closes WHERE campaign_id = ? AND day IN (SELECT value FROM json_each(?))',
  );
  const keep = db.prepare<[string, string, string]>(`
    INSERT INTO figure_closes (campaign_id, day, figures) VALUES (?, ?, ?)
    ON CONFLICT (campaign_id, day) DO UPDATE SET figures = excluded.figures`);

  return {
    latestFigures: async (campaignId) => latest.all(campaignId).map(toFigure),
    latestChanges: async (campaignId, since) => changes.deferred(campaignId, since),
    figuresAsOf: async (campaignId, day) => asOf.all({ campaignId, day }).map(toFigure),
    keptCloses: async (campaignId, days) =>
      new Map(closes.all(campaignId, JSON.stringify(days)).map((r) => [r.day, unpackClose(r.figures)])),
    keepClose: async (campaignId, day, figures) => {
      keep.run(campaignId, day, packClose(figures));
    },
    unitDailyFigures: async (campaignId, unitId) => unitDaily.all(campaignId, unitId).map(toFigure),
    dataVersion: async (campaignId) => version.get(campaignId)?.data_version ?? 0,
  };
}
