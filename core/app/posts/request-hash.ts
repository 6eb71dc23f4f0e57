/**
 * A requestId names one post: a retry of it must carry the same content. The stores keep a hash of what
 * the author sent with each requestId and, when the id comes again, replay the first post only if the
 * hash matches; other content under a used id is refused (REUSED_REQUEST), since replaying the first post
 * would silently drop what was sent now. A request key stored before hashes were kept has none: it
 * replays as before.
 *
 * The hash covers what the author sent (campaign, unit, figures in order, text, photos, correction
 * reason), not what the server adds (time, day, author's name, the content check's flag). Not for
 * security: it tells an author's own two requests apart, so a short non-cryptographic hash does, and it
 * runs the same on every host (no platform crypto in core).
 */
import type { ApiError } from '../../contract';
import type { PostDraft } from './store';

export const REUSED_REQUEST: ApiError = {
  code: 'CONFLICT',
  message: '这条动态的请求编号已用于另一条内容：请重新发布。',
};

type Payload = Pick<PostDraft, 'campaignId' | 'unitId' | 'figures' | 'text' | 'photos' | 'correctionReason'>;

/** The payload in a fixed shape and order: equal payloads give equal text. */
export function canonicalPayload(p: Payload): string {
  return JSON.stringify([
    p.campaignId,
    p.unitId,
    p.figures.map((f) => [f.metricId, f.value]),
    p.text,
    p.photos,
    p.correctionReason ?? null,
  ]);
}

/** Two 32-bit FNV-1a passes (different offsets) over the UTF-16 code units: 16 hex digits. */
export function requestHash(p: Payload): string {
  const s = canonicalPayload(p);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x2c1b3c6d) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A stored hash (or none, from before hashes) against the draft now sent. */
export const samePayload = (stored: string | null | undefined, draft: Payload): boolean =>
  stored === null || stored === undefined || stored === requestHash(draft);
