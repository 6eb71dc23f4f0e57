/**
 * The floors the arena's figures are read against, taken in the same run:
 *  - db floor: the same work done straight on better-sqlite3, with the adapter's schema and pragmas and
 *    nothing of the arena (no HTTP, no validation, no router);
 *  - http floor: a do-nothing node:http server (this file run as a child process with
 *    BENCH_SERVE_HTTP_FLOOR=1) that
 *    reads each POST body and answers a fixed small JSON, driven by the same client as the arena (./http.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import type { City } from './city';
import { benchFigures } from './writes';
import { summarize, timeIt, type Summary } from './stats';

/**
 * The durable write of one post, as the arena's store makes it (adapters/sqlite/posts.ts): the post, the
 * unit's last post day, the version bump, and the latest and that day's figures stamped with the new
 * version; one transaction each, with the adapter's pragmas (synchronous=FULL: each commit waits for the disk).
 */
export function floorWrites(db: Database, city: City, day: string, posts: number, offset: number): Summary {
  const { campaign } = city.data;
  const insertPost =
    db.prepare(`INSERT INTO posts (id, campaign_id, unit_id, author_id, author_name, created_at, created_ms,
    day, figures, text, photos, correction_reason, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', NULL, ?)`);
  const setLastPost = db.prepare(`INSERT INTO last_posts (campaign_id, unit_id, day) VALUES (?, ?, ?)
    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET day = max(day, excluded.day)`);
  const bump = db.prepare(
    'UPDATE campaigns SET data_version = data_version + 1 WHERE id = ? RETURNING data_version',
  );
  const setLatest =
    db.prepare(`INSERT INTO latest_figures (campaign_id, unit_id, metric_id, value, day, version) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id) DO UPDATE SET value = excluded.value, day = excluded.day,
      version = excluded.version`);
  const setDaily =
    db.prepare(`INSERT INTO daily_figures (campaign_id, unit_id, metric_id, day, value) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id, day) DO UPDATE SET value = excluded.value`);
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
    setLastPost.run(campaign.id, unit.id, day);
    const { data_version: version } = bump.get(campaign.id) as { data_version: number };
    for (const f of figures) {
      setLatest.run(campaign.id, unit.id, f.metricId, f.value, day, version);
      setDaily.run(campaign.id, unit.id, f.metricId, day, f.value);
    }
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

/** The module a child process runs to serve the http floor. */
export const httpFloorEntry = __filename;

const floorAnswer = Buffer.from(JSON.stringify({ ok: true, data: { post: { id: 'floor' } } }));

/**
 * The do-nothing HTTP server: reads the whole body (as any server must before answering) and answers 200
 * with a fixed JSON. Logs the `listening` line server/spawn.ts waits for.
 */
export function serveHttpFloor(host = '127.0.0.1'): void {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': floorAnswer.length });
      res.end(floorAnswer);
    });
  });
  server.listen(0, host, () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ msg: 'listening', url: `http://${host}:${port}` })}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

if (require.main === module && process.env.BENCH_SERVE_HTTP_FLOOR === '1') serveHttpFloor();
