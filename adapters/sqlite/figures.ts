/**
 * The figures standings are computed from. None of these reads touches the posts: latest_figures has
 * one row per (unit, metric), and a day's close is one index seek per (unit, metric) into daily_figures.
 */
import type { Database } from 'better-sqlite3';
import type { LatestFigure } from '../../core/app/ports';
import { type FigureRow, toFigure } from './rows';

export function figureQueries(db: Database) {
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
  const version = db.prepare<[string], { data_version: number; campaign_version: number }>(
    'SELECT data_version, campaign_version FROM campaigns WHERE id = ?',
  );

  return {
    latest: (campaignId: string): LatestFigure[] => latest.all(campaignId).map(toFigure),
    asOf: (campaignId: string, day: string): LatestFigure[] => asOf.all({ campaignId, day }).map(toFigure),
    unitDaily: (campaignId: string, unitId: string): LatestFigure[] => unitDaily.all(campaignId, unitId).map(toFigure),
    dataVersion: (campaignId: string): number => version.get(campaignId)?.data_version ?? 0,
    campaignVersion: (campaignId: string): number => version.get(campaignId)?.campaign_version ?? 0,
  };
}
