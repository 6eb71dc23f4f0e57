/**
 * The feed cursor: the position of the last post of a page, (created_ms, seq), as base64url.
 * Opaque to callers; one that does not decode is treated as the end of the feed.
 */
export interface FeedPosition {
  createdMs: number;
  seq: number;
}

/** Before every post: where the first page starts. */
export const feedStart: FeedPosition = { createdMs: Number.MAX_SAFE_INTEGER, seq: Number.MAX_SAFE_INTEGER };

export function encodeCursor(p: FeedPosition): string {
  return Buffer.from(`${p.createdMs}.${p.seq}`).toString('base64url');
}

export function decodeCursor(cursor: string): FeedPosition | null {
  const m = /^(-?\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) return null;
  const createdMs = Number(m[1]);
  const seq = Number(m[2]);
  return Number.isSafeInteger(createdMs) && Number.isSafeInteger(seq) ? { createdMs, seq } : null;
}
