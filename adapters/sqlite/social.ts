/**
 * The social slice in SQLite (0015_social): likes, comments and 点评, and exemplar marks. A like is written and
 * its post's likes counted in one immediate transaction, so the answer counts every like committed before it; a
 * comment looks its request up and writes in one, so a retry racing the first attempt finds it. A page's
 * reactions are three queries (likes, comments, exemplars), each over the page's ids passed as one JSON
 * parameter: no limit on how many, and each reads the index of those posts only, never a campaign's others.
 * Nothing here touches the data version: no reaction moves a score.
 */
import type { Database } from 'better-sqlite3';
import type { Role } from '../../core/contract';
import type {
  CommentRecord,
  ExemplarPage,
  ExemplarRecord,
  PostSocial,
  SocialStore,
} from '../../core/app/social/store';

interface CommentRow {
  campaign_id: string;
  id: string;
  city_id: string;
  post_id: string;
  author_id: string;
  author_name: string;
  author_role: Role;
  text: string;
  remark: 0 | 1;
  flagged: 0 | 1;
  created_at: number;
  request_id: string;
}

interface ExemplarRow {
  campaign_id: string;
  post_id: string;
  track_ids: string;
  reason: string;
  by_id: string;
  by_name: string;
  at: number;
}

const toComment = (r: CommentRow): CommentRecord => ({
  id: r.id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  postId: r.post_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorRole: r.author_role,
  text: r.text,
  remark: r.remark === 1,
  flagged: r.flagged === 1,
  createdAt: r.created_at,
  requestId: r.request_id,
});

const toExemplar = (r: ExemplarRow): ExemplarRecord => ({
  campaignId: r.campaign_id,
  postId: r.post_id,
  trackIds: JSON.parse(r.track_ids) as string[],
  reason: r.reason,
  byId: r.by_id,
  byName: r.by_name,
  at: r.at,
});

/** Where an exemplar page starts: the (at, post_id) of the previous page's last mark. */
interface MarkPosition {
  at: number;
  postId: string;
}

/** Before every mark: no mark is this new. */
const newest: MarkPosition = { at: Number.MAX_SAFE_INTEGER, postId: '' };

function encodeMarkCursor(p: MarkPosition): string {
  return Buffer.from(JSON.stringify([p.at, p.postId])).toString('base64url');
}

/** Opaque to callers; one that does not decode is treated as the end of the list, as the feed's is. */
function decodeMarkCursor(cursor: string): MarkPosition | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [at, postId] = value as unknown[];
  return Number.isSafeInteger(at) && typeof postId === 'string' ? { at: at as number, postId } : null;
}

/** The page's ids as one parameter, read by `IN (SELECT value FROM json_each(?))`. */
const idList = (ids: readonly string[]) => JSON.stringify([...new Set(ids)]);

export function socialStore(db: Database): SocialStore {
  const insertLike = db.prepare<[string, string, string, number]>(
    'INSERT INTO likes (campaign_id, post_id, user_id, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const deleteLike = db.prepare<[string, string, string]>(
    'DELETE FROM likes WHERE campaign_id = ? AND post_id = ? AND user_id = ?',
  );
  const countLikes = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM likes WHERE campaign_id = ? AND post_id = ?',
  );
  const pageLikes = db.prepare<[string, string, string], { post_id: string; n: number; mine: 0 | 1 }>(`
    SELECT post_id, count(*) AS n, max(user_id = ?) AS mine FROM likes
    WHERE campaign_id = ? AND post_id IN (SELECT value FROM json_each(?))
    GROUP BY post_id`);

  const commentByRequest = db.prepare<[string, string, string], CommentRow>(
    'SELECT * FROM comments WHERE campaign_id = ? AND author_id = ? AND request_id = ?',
  );
  const insertComment = db.prepare(`
    INSERT INTO comments (campaign_id, id, city_id, post_id, author_id, author_name, author_role, text, remark,
      flagged, created_at, request_id)
    VALUES (@campaignId, @id, @cityId, @postId, @authorId, @authorName, @authorRole, @text, @remark, @flagged,
      @createdAt, @requestId)`);
  const listComments = db.prepare<[string, string], CommentRow>(
    'SELECT * FROM comments WHERE campaign_id = ? AND post_id = ? ORDER BY created_at, id',
  );
  const pageComments = db.prepare<[string, string], { post_id: string; n: number }>(`
    SELECT post_id, count(*) AS n FROM comments
    WHERE campaign_id = ? AND post_id IN (SELECT value FROM json_each(?))
    GROUP BY post_id`);

  const upsertExemplar = db.prepare(`
    INSERT INTO exemplars (campaign_id, post_id, track_ids, reason, by_id, by_name, at)
    VALUES (@campaignId, @postId, @trackIds, @reason, @byId, @byName, @at)
    ON CONFLICT (campaign_id, post_id) DO UPDATE SET track_ids = excluded.track_ids, reason = excluded.reason,
      by_id = excluded.by_id, by_name = excluded.by_name, at = excluded.at`);
  const deleteExemplar = db.prepare<[string, string]>('DELETE FROM exemplars WHERE campaign_id = ? AND post_id = ?');
  const pageExemplars = db.prepare<[string, string], ExemplarRow>(
    'SELECT * FROM exemplars WHERE campaign_id = ? AND post_id IN (SELECT value FROM json_each(?))',
  );
  // Walks the newest-first index; a track filter skips the marks of other tracks (hand-made, so few).
  const listExemplars = db.prepare<
    { campaignId: string; at: number; postId: string; trackId: string | null; limit: number },
    ExemplarRow
  >(`
    SELECT * FROM exemplars
    WHERE campaign_id = @campaignId AND (at, post_id) < (@at, @postId)
      AND (@trackId IS NULL OR EXISTS (SELECT 1 FROM json_each(track_ids) WHERE value = @trackId))
    ORDER BY at DESC, post_id DESC LIMIT @limit`);

  const like = db.transaction((campaignId: string, postId: string, userId: string, on: boolean, at: number) => {
    if (on) insertLike.run(campaignId, postId, userId, at);
    else deleteLike.run(campaignId, postId, userId);
    return { likes: countLikes.get(campaignId, postId)?.n ?? 0, likedByMe: on };
  });

  const add = db.transaction((comment: CommentRecord) => {
    const seen = commentByRequest.get(comment.campaignId, comment.authorId, comment.requestId);
    if (seen) return { comment: toComment(seen), replayed: true };
    insertComment.run({ ...comment, remark: comment.remark ? 1 : 0, flagged: comment.flagged ? 1 : 0 });
    return { comment, replayed: false };
  });

  // One read transaction: the three counts of a page are of the same moment.
  const page = db.transaction((campaignId: string, postIds: readonly string[], userId: string) => {
    const out = new Map<string, PostSocial>();
    for (const id of postIds) out.set(id, { likes: 0, likedByMe: false, comments: 0, exemplar: null });
    const ids = idList(postIds);
    for (const r of pageLikes.all(userId, campaignId, ids)) {
      const s = out.get(r.post_id);
      if (s) Object.assign(s, { likes: r.n, likedByMe: r.mine === 1 });
    }
    for (const r of pageComments.all(campaignId, ids)) {
      const s = out.get(r.post_id);
      if (s) s.comments = r.n;
    }
    for (const r of pageExemplars.all(campaignId, ids)) {
      const s = out.get(r.post_id);
      if (s) s.exemplar = toExemplar(r);
    }
    return out;
  });

  const mark = (campaignId: string, postId: string, exemplar: ExemplarRecord | null) => {
    if (exemplar === null) {
      deleteExemplar.run(campaignId, postId);
      return;
    }
    // Misuse, not a refusal: a mark filed under another post would never be found where it was asked for.
    if (exemplar.campaignId !== campaignId || exemplar.postId !== postId)
      throw new Error(`经验做法标记属于「${exemplar.campaignId}/${exemplar.postId}」，不是「${campaignId}/${postId}」，未保存。`);
    upsertExemplar.run({ ...exemplar, trackIds: JSON.stringify(exemplar.trackIds) });
  };

  const list = (campaignId: string, q: { trackId?: string; cursor?: string; limit: number }): ExemplarPage => {
    const from = q.cursor === undefined ? newest : decodeMarkCursor(q.cursor);
    if (!from) return { items: [], nextCursor: null };
    // One row more than asked tells whether another page exists.
    const rows = listExemplars.all({ campaignId, ...from, trackId: q.trackId ?? null, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit).map(toExemplar);
    const last = items[items.length - 1];
    const more = rows.length > q.limit && last !== undefined;
    return { items, nextCursor: more ? encodeMarkCursor({ at: last.at, postId: last.postId }) : null };
  };

  // `async` turns a thrown error (a constraint, a misused key) into a rejected promise, as callers expect.
  return {
    setLike: async (campaignId, postId, userId, on, at) => like.immediate(campaignId, postId, userId, on, at),
    addComment: async (comment) => add.immediate(comment),
    listComments: async (campaignId, postId) => listComments.all(campaignId, postId).map(toComment),
    socialOf: async (campaignId, postIds, userId) =>
      postIds.length === 0 ? new Map() : page.deferred(campaignId, postIds, userId),
    setExemplar: async (campaignId, postId, exemplar) => mark(campaignId, postId, exemplar),
    listExemplars: async (campaignId, query) => list(campaignId, query),
  };
}
