/**
 * Bulk-loads daily and latest figures straight into the SQLite adapter's tables. Committing 50 000 posts
 * one by one would take minutes of fsyncs; the standings only read these two tables, so the leaderboard
 * sees exactly what posts would have left there. Latest rows carry the data version the load brings the
 * campaign to, as a post's would, and kept closes are dropped: the load rewrote the past behind the store.
 */
import type { Database } from 'better-sqlite3';
import { addDays } from '../core/domain/days';
import { type City, valueOn } from './city';

/** Writes figures for elapsed days `fromDay`…`toDay` (1-based, inclusive); latest = the last day's. */
export function loadFigures(db: Database, city: City, fromDay: number, toDay: number): number {
  const { campaign, units, metrics } = city.data;
  const daily =
    db.prepare(`INSERT INTO daily_figures (campaign_id, unit_id, metric_id, day, value) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id, day) DO UPDATE SET value = excluded.value`);
  const latest = db.prepare(`INSERT INTO latest_figures (campaign_id, unit_id, metric_id, value, day, version)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id) DO UPDATE
      SET value = excluded.value, day = excluded.day, version = excluded.version
    WHERE excluded.day >= latest_figures.day`);
  const bump = db.prepare<[string], { data_version: number }>(
    'UPDATE campaigns SET data_version = data_version + 1 WHERE id = ? RETURNING data_version',
  );
  const forgetCloses = db.prepare('DELETE FROM figure_closes WHERE campaign_id = ?');
  let rows = 0;
  db.transaction(() => {
    const version = bump.get(campaign.id)?.data_version ?? 0;
    forgetCloses.run(campaign.id);
    for (let e = fromDay; e <= toDay; e++) {
      const day = addDays(campaign.startDate, e - 1);
      units.forEach((u, ui) =>
        metrics.forEach((m, mi) => {
          const value = valueOn(ui, mi, e, m);
          daily.run(campaign.id, u.id, m.id, day, value);
          if (e === toDay) latest.run(campaign.id, u.id, m.id, value, day, version);
          rows++;
        }),
      );
    }
  })();
  return rows;
}
