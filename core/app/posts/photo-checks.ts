/**
 * Image checks that answer later (issue 7; mediaCheckAsync on WeChat). After a post is written, each of its
 * photos is submitted and the check's trace id recorded with (post, photo). When the verdict arrives, a
 * `risky` photo is hidden (kept, not deleted) and the post flagged for a supervisor; `review` flags the post;
 * `pass` changes nothing. A photo whose check could not start flags the post at once: a photo never goes
 * out unchecked without a flag (as text does in ./screen.ts).
 */
import type { UserRecord } from '../people/store';
import type { Deps } from '../ports';
import type { PostRecord } from './store';

export type PhotoSuggest = 'pass' | 'review' | 'risky';

export interface PhotoVerdict {
  traceId: string;
  suggest: PhotoSuggest;
  /** The check's label number (for the log). */
  label?: number;
}

/** What a verdict did: `unknown` trace, photo `hidden`, post `flagged`, `passed`, or `gone` (post or photo no longer there). */
export type VerdictOutcome = 'unknown' | 'passed' | 'flagged' | 'hidden' | 'gone';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Starts a check of each photo of a post just written; true when the post had to be flagged because some
 * photo could not be submitted. Never throws: the post is written already, and a retry would be a replay.
 */
export async function startPhotoChecks(deps: Deps, user: UserRecord, post: PostRecord): Promise<boolean> {
  const { photoGuard, store, clock, log } = deps;
  if (!photoGuard || post.photos.length === 0) return false;
  const who = { userId: user.id, ...(user.openid ? { openid: user.openid } : {}) };
  try {
    const started = (await photoGuard.submit(post.photos, who)).filter((s) => post.photos.includes(s.photo));
    const createdAt = clock.now();
    await store.posts.addPhotoChecks(started.map((s) => ({ traceId: s.traceId, postId: post.id, photo: s.photo, createdAt })));
    const unchecked = post.photos.filter((p) => !started.some((s) => s.photo === p));
    if (unchecked.length === 0) return false;
    log?.({ level: 'warn', msg: 'image check not started; post flagged for review', postId: post.id, photos: unchecked.length });
  } catch (error) {
    log?.({ level: 'error', msg: 'image checks failed; post flagged for review', postId: post.id, error: messageOf(error) });
  }
  try {
    await store.posts.flagPost(post.id);
  } catch (error) {
    log?.({ level: 'error', msg: 'flagging a post failed', postId: post.id, error: messageOf(error) });
  }
  return true;
}

/** Applies a verdict that came back; only a verdict on a check this deployment started can change anything. */
export async function applyPhotoVerdict(deps: Pick<Deps, 'store' | 'log'>, verdict: PhotoVerdict): Promise<VerdictOutcome> {
  const { store, log } = deps;
  const check = await store.posts.getPhotoCheck(verdict.traceId);
  if (!check) {
    log?.({ level: 'warn', msg: 'image check verdict for an unknown trace id', traceId: verdict.traceId });
    return 'unknown';
  }
  if (verdict.suggest === 'pass') return 'passed';
  const risky = verdict.suggest === 'risky';
  const done = await store.posts.flagPost(check.postId, risky ? check.photo : undefined);
  const outcome: VerdictOutcome = !done ? 'gone' : risky ? 'hidden' : 'flagged';
  log?.({ level: 'info', msg: 'image check verdict', postId: check.postId, suggest: verdict.suggest, label: verdict.label, outcome });
  return outcome;
}
