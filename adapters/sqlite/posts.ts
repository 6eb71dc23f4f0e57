/**
 * The posts slice in SQLite. commitPost runs in a synchronous better-sqlite3 transaction (BEGIN IMMEDIATE, so the
 * unit's latest figures cannot change between reading them and writing), shared by the posts that arrive
 * together (group commit, below), each in its own savepoint: replay check (the same requestId
 * replays only with the same content: core/app/posts/request-hash.ts, `request_hash` since 0009), decide, then
 * the post, the latest and the day's figures, the unit's latest post day, and the data version.
 * The feed pages by keyset; posts by id come in one query, the ids as one JSON parameter (no limit on how
 * many). Image checks and flags: ./photo-checks.ts.
 */
import type { Database } from 'better-sqlite3';
import type { CommitResult, DecideFigures, LatestFigure, PostDraft, PostPage, PostRecord, PostStore } from '../../core/app/posts/store';
import { REUSED_REQUEST, requestHash, samePayload } from '../../core/app/posts/request-hash';
import { decodeCursor, encodeCursor, feedStart } from './cursor';
import { photoCheckQueries } from './photo-checks';
import { type FigureRow, type PostRow, toFigure, toPost } from './rows';

export interface FeedQuery {
  campaignId: string;
  unitId?: string;
  cursor?: string;
  limit: number;
}

export function postStore(db: Database, newId: () => string): PostStore {
  const findRequest = db.prepare<[string, string], PostRow & { request_hash: string | null }>(
    'SELECT * FROM posts WHERE author_id = ? AND request_id = ?',
  );
  const unitLatest = db.prepare<[string, string], FigureRow>(
    'SELECT unit_id, metric_id, value, day FROM latest_figures WHERE campaign_id = ? AND unit_id = ?',
  );
  const insertPost = db.prepare(`
    INSERT INTO posts (id, campaign_id, unit_id, author_id, author_name, created_at, created_ms, day,
      figures, text, photos, correction_reason, request_id, flagged, request_hash)
    VALUES (@id, @campaignId, @unitId, @authorId, @authorName, @createdAt, @createdMs, @day,
      @figures, @text, @photos, @correctionReason, @requestId, @flagged, @requestHash)`);
  // Stamped with the data version this post brings the campaign to (bumped just before), so that a reader
  // keeping the latest figures reads only those changed since its version (./standings.ts).
  const setLatest = db.prepare<[string, string, string, number, string, number]>(`
    INSERT INTO latest_figures (campaign_id, unit_id, metric_id, value, day, version)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id) DO UPDATE
      SET value = excluded.value, day = excluded.day, version = excluded.version`);
  // The day's last post wins: a later post the same day overwrites the day's figure.
  const setDaily = db.prepare<[string, string, string, string, number]>(`
    INSERT INTO daily_figures (campaign_id, unit_id, metric_id, day, value) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, unit_id, metric_id, day) DO UPDATE SET value = excluded.value`);
  const setLastPost = db.prepare<[string, string, string]>(`
    INSERT INTO last_posts (campaign_id, unit_id, day) VALUES (?, ?, ?)
    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET day = max(day, excluded.day)`);
  const lastPosts = db.prepare<[string], { unit_id: string; day: string }>(
    'SELECT unit_id, day FROM last_posts WHERE campaign_id = ?',
  );
  // The new version comes back from the bump itself: the campaign row is not read again per figure.
  const bumpVersion = db.prepare<[string], { data_version: number }>(
    'UPDATE campaigns SET data_version = data_version + 1 WHERE id = ? RETURNING data_version',
  );

  const page = `SELECT * FROM posts WHERE campaign_id = ? AND (created_ms, seq) < (?, ?)`;
  const order = 'ORDER BY created_ms DESC, seq DESC LIMIT ?';
  const feed = db.prepare<[string, number, number, number], PostRow>(`${page} ${order}`);
  const unitFeed = db.prepare<[string, number, number, string, number], PostRow>(`${page} AND unit_id = ? ${order}`);
  const byIds = db.prepare<[string, string], PostRow>(
    'SELECT * FROM posts WHERE campaign_id = ? AND id IN (SELECT value FROM json_each(?))',
  );

  const commit = db.transaction((draft: PostDraft, decide: DecideFigures): CommitResult => {
    const seen = findRequest.get(draft.authorId, draft.requestId);
    if (seen) {
      const { request_hash: hash, ...row } = seen;
      return samePayload(hash, draft) ? { ok: true, post: toPost(row), replayed: true } : { ok: false, error: REUSED_REQUEST };
    }

    const latest = new Map<string, LatestFigure>();
    for (const row of unitLatest.all(draft.campaignId, draft.unitId)) latest.set(row.metric_id, toFigure(row));
    const decided = decide(latest);
    if (!decided.ok) return { ok: false, error: decided.error };

    const createdMs = Date.parse(draft.createdAt);
    if (!Number.isFinite(createdMs)) throw new Error(`createdAt 不是有效的时间：${draft.createdAt}`);
    const post: PostRecord = { ...draft, id: newId(), figures: decided.figures };
    insertPost.run({
      ...post,
      createdMs,
      figures: JSON.stringify(post.figures),
      photos: JSON.stringify(post.photos),
      flagged: post.flagged ? 1 : 0,
      requestHash: requestHash(draft),
    });
    const { campaignId, unitId, day } = draft;
    setLastPost.run(campaignId, unitId, day);
    const version = bumpVersion.get(campaignId)?.data_version;
    if (version === undefined) throw new Error(`竞赛「${campaignId}」不存在，动态未保存。`);
    for (const f of post.figures) {
      setLatest.run(campaignId, unitId, f.metricId, f.value, day, version);
      setDaily.run(campaignId, unitId, f.metricId, day, f.value);
    }
    return { ok: true, post, replayed: false };
  });

  const list = (q: FeedQuery): PostPage => {
    const from = q.cursor === undefined ? feedStart : decodeCursor(q.cursor);
    if (!from) return { items: [], nextCursor: null };
    // One row more than asked tells whether another page exists.
    const rows = q.unitId
      ? unitFeed.all(q.campaignId, from.createdMs, from.seq, q.unitId, q.limit + 1)
      : feed.all(q.campaignId, from.createdMs, from.seq, q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    const more = rows.length > q.limit && last !== undefined;
    return { items: items.map(toPost), nextCursor: more ? encodeCursor({ createdMs: last.created_ms, seq: last.seq }) : null };
  };

  // Group commit: the posts that reach the store in the same turn of the event loop share one transaction,
  // so one sync of the disk (synchronous=FULL) makes all of them durable, instead of one sync each while
  // the whole server waits. Each post runs in its own savepoint (`commit` nested): a post that throws
  // undoes only its own writes, and is decided on what the posts before it in the batch wrote. No post is
  // answered before the COMMIT that holds it: if the COMMIT fails, every post of the batch fails with it.
  type Waiting = {
    draft: PostDraft;
    decide: DecideFigures;
    resolve: (result: CommitResult) => void;
    reject: (error: unknown) => void;
  };
  type Outcome = { ok: true; result: CommitResult } | { ok: false; error: unknown };
  let waiting: Waiting[] = [];
  const commitBatch = db.transaction((batch: readonly Waiting[]): Outcome[] =>
    batch.map((w): Outcome => {
      try {
        return { ok: true, result: commit(w.draft, w.decide) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  const flush = () => {
    const batch = waiting;
    waiting = [];
    let outcomes: Outcome[];
    try {
      outcomes = commitBatch.immediate(batch);
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) w.resolve(outcome.result);
      else w.reject(outcome ? outcome.error : new Error('动态未保存，请重试。'));
    });
  };
  const commitPost = (draft: PostDraft, decide: DecideFigures): Promise<CommitResult> =>
    new Promise((resolve, reject) => {
      // After this turn's I/O callbacks: every request already read gets into the batch.
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ draft, decide, resolve, reject });
    });

  const photoChecks = photoCheckQueries(db);

  // `async` turns a thrown error (a constraint, a failing decide) into a rejected promise, as callers expect.
  return {
    commitPost,
    listPosts: async (query) => list(query),
    getPosts: async (campaignId, ids) =>
      ids.length === 0 ? [] : byIds.all(campaignId, JSON.stringify(ids)).map(toPost),
    lastPostDays: async (campaignId) => new Map(lastPosts.all(campaignId).map((r) => [r.unit_id, r.day])),
    addPhotoChecks: async (checks) => photoChecks.add(checks),
    getPhotoCheck: async (traceId) => photoChecks.get(traceId),
    flagPost: async (postId, hidePhoto) => photoChecks.flag(postId, hidePhoto),
  };
}
