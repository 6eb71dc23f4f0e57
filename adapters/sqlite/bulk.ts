/**
 * For benchmarks only: loads daily figures straight into the figure tables, without posts, in one
 * transaction. Seeding a million daily figures through commitPost (one durable transaction per post)
 * takes about 40 s here; this takes a few seconds. Never used by the server: figures written this way
 * have no post behind them, so a replay of the posts would not reproduce them.
 */
import type { Database } from 'better-sqlite3';
import type { LatestFigure } from '../../core/app/posts/store';

/** Returns how many figures it wrote. Fastest when the figures come ordered by unit, metric, day (the key). */
export function bulkLoadFigures(db: Database, campaignId: string, figures: Iterable<LatestFigure>): number {
  const daily = db.prepare<[string, string, string, string, number]>(`
    INSERT INTO daily_figures (campaign_id, unit_id, metric_id, day, value) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id, day) DO UPDATE SET value = excluded.value`);
  // Afterwards, each (unit, metric)'s latest figure is its daily figure of the latest day: one pass.
  // (SQLite takes `value` from the row that holds max(day).)
  const latest = db.prepare<[string]>(`
    INSERT INTO latest_figures (campaign_id, unit_id, metric_id, value, day)
    SELECT campaign_id, unit_id, metric_id, value, max(day) FROM daily_figures WHERE campaign_id = ? GROUP BY unit_id, metric_id
    ON CONFLICT (campaign_id, unit_id, metric_id) DO UPDATE SET value = excluded.value, day = excluded.day`);
  const bump = db.prepare<[string]>('UPDATE campaigns SET data_version = data_version + 1 WHERE id = ?');
  return db
    .transaction(() => {
      let n = 0;
      for (const f of figures) {
        daily.run(campaignId, f.unitId, f.metricId, f.day, f.value);
        n += 1;
      }
      latest.run(campaignId);
      bump.run(campaignId);
      return n;
    })
    .immediate();
}
