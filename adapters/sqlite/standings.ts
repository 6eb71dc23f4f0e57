/**
 * The standings slice in SQLite: the figures standings are computed from (./posts.ts writes them). None of
 * these reads touches the posts: latest_figures has one row per (unit, metric), and a day's close is one
 * index seek per (unit, metric) into daily_figures.
 */
import type { Database } from 'better-sqlite3';
import type { StandingsStore } from '../../core/app/standings/store';
import { type FigureRow, toFigure } from './rows';

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
  const version = db.prepare<[string], { data_version: number }>('SELECT data_version FROM campaigns WHERE id = ?');

  return {
    latestFigures: async (campaignId) => latest.all(campaignId).map(toFigure),
    figuresAsOf: async (campaignId, day) => asOf.all({ campaignId, day }).map(toFigure),
    unitDailyFigures: async (campaignId, unitId) => unitDaily.all(campaignId, unitId).map(toFigure),
    dataVersion: async (campaignId) => version.get(campaignId)?.data_version ?? 0,
  };
}
