/**
 * The floor: the same work done straight on better-sqlite3, with the adapter's schema and pragmas and
 * nothing of the arena (no HTTP, no validation, no router). The arena's figures are read against it.
 */
import type { Database } from 'better-sqlite3';
import type { City } from './city';
import { benchFigures } from './writes';
import { summarize, timeIt, type Summary } from './stats';

/** One post, its latest figures and that day's figures, and the version bump: one transaction each. */
export function floorWrites(db: Database, city: City, day: string, posts: number, offset: number): Summary {
  const { campaign } = city.data;
  const insertPost =
    db.prepare(`INSERT INTO posts (id, campaign_id, unit_id, author_id, author_name, created_at, created_ms,
    day, figures, text, photos, correction_reason, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', NULL, ?)`);
  const setLatest =
    db.prepare(`INSERT INTO latest_figures (campaign_id, unit_id, metric_id, value, day) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id) DO UPDATE SET value = excluded.value, day = excluded.day`);
  const setDaily =
    db.prepare(`INSERT INTO daily_figures (campaign_id, unit_id, metric_id, day, value) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id, day) DO UPDATE SET value = excluded.value`);
  const bump = db.prepare('UPDATE campaigns SET data_version = data_version + 1 WHERE id = ?');
  const write = db.transaction((k: number) => {
    const { unitIndex, figures } = benchFigures(city, k);
    const unit = city.data.units[unitIndex];
    const author = city.reporters[unitIndex];
    if (!unit || !author) throw new Error(`no unit ${unitIndex}`);
    const now = new Date();
    const stored = figures.map((f) => ({ ...f, previous: null }));
    insertPost.run(
      `floor-${k}`,
      campaign.id,
      unit.id,
      author.id,
      author.name,
      now.toISOString(),
      now.getTime(),
      day,
      JSON.stringify(stored),
      '基准测试',
      `floor-request-${k}`,
    );
    for (const f of figures) {
      setLatest.run(campaign.id, unit.id, f.metricId, f.value, day);
      setDaily.run(campaign.id, unit.id, f.metricId, day, f.value);
    }
    bump.run(campaign.id);
  });
  const times: number[] = [];
  const started = performance.now();
  for (let k = offset; k < offset + posts; k++) {
    const t = performance.now();
    write.immediate(k);
    times.push(performance.now() - t);
  }
  return summarize(times, performance.now() - started);
}

/** The read every leaderboard starts from: all latest figures of the campaign. */
export function floorLatestRead(db: Database, city: City, reps: number): Promise<Summary> {
  const read = db.prepare('SELECT unit_id, metric_id, value, day FROM latest_figures WHERE campaign_id = ?');
  return timeIt(reps, () => read.all(city.data.campaign.id));
}
