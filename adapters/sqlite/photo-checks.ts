/**
 * Image checks in SQLite (issue 7), for the posts slice (./posts.ts): the trace id → (post, photo)
 * records, and flagging a post with one of its photos hidden. The flag is read and written in one
 * immediate transaction, so two verdicts on one post never lose each other's hidden photo.
 */
import type { Database } from 'better-sqlite3';
import type { PhotoCheckRecord } from '../../core/app/posts/store';

interface CheckRow {
  trace_id: string;
  post_id: string;
  photo: string;
  created_at: number;
}

export function photoCheckQueries(db: Database) {
  const put = db.prepare<[string, string, string, number]>(`
    INSERT INTO photo_checks (trace_id, post_id, photo, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (trace_id) DO UPDATE SET post_id = excluded.post_id, photo = excluded.photo, created_at = excluded.created_at`);
  const get = db.prepare<[string], CheckRow>('SELECT * FROM photo_checks WHERE trace_id = ?');
  const post = db.prepare<[string], { photos: string; hidden_photos: string | null }>(
    'SELECT photos, hidden_photos FROM posts WHERE id = ?',
  );
  const flag = db.prepare<[string | null, string]>('UPDATE posts SET flagged = 1, hidden_photos = ? WHERE id = ?');

  const add = db.transaction((checks: PhotoCheckRecord[]) => {
    for (const c of checks) put.run(c.traceId, c.postId, c.photo, c.createdAt);
  });

  const flagPost = db.transaction((postId: string, hidePhoto: string | undefined): boolean => {
    const row = post.get(postId);
    if (!row) return false;
    const hidden = row.hidden_photos === null ? [] : (JSON.parse(row.hidden_photos) as string[]);
    if (hidePhoto !== undefined) {
      if (!(JSON.parse(row.photos) as string[]).includes(hidePhoto)) return false;
      if (!hidden.includes(hidePhoto)) hidden.push(hidePhoto);
    }
    flag.run(hidden.length === 0 ? null : JSON.stringify(hidden), postId);
    return true;
  });

  return {
    add: (checks: PhotoCheckRecord[]) => add.immediate(checks),
    get: (traceId: string): PhotoCheckRecord | null => {
      const r = get.get(traceId);
      return r ? { traceId: r.trace_id, postId: r.post_id, photo: r.photo, createdAt: r.created_at } : null;
    },
    flag: (postId: string, hidePhoto?: string) => flagPost.immediate(postId, hidePhoto),
  };
}
