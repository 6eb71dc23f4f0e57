/**
 * commitPost in one `db.runTransaction`, with single-document operations only (all a cloud transaction
 * allows): read the request key (the same requestId replays only with the same content: the key keeps
 * the content's `hash`, core/app/posts/request-hash.ts; a key written before has none and replays), the
 * unit's latest document, the campaign's version document and the
 * day's document, all by id; call `decide`; write the post, the key, the latest and daily documents, and
 * bump the version. Two posts that could disturb each other both write the same documents (the request
 * key, the unit's latest, the campaign's version), so they conflict and one is run again with fresh reads
 * (`decide` is pure, so that is safe): the cloud reads a snapshot and refuses the second writer of a
 * document, and the store's `runTransaction` retries (./transaction.ts). When every run conflicted, the
 * author is told to try again and nothing is written.
 */
import { REUSED_REQUEST, requestHash, samePayload } from '../../core/app/posts/request-hash';
import type { CommitResult, DecideFigures, LatestFigure, PostDraft, PostRecord } from '../../core/app/posts/store';
import { collections as C, docId } from './collections';
import {
  dailyRef,
  entries,
  lastPostDay,
  laterDay,
  latestRef,
  merge,
  posted,
  toLatest,
  type DayEntry,
  type LatestEntry,
} from './figure-docs';
import { readDoc } from './reads';
import { isBusy } from './transaction';
import { asVersion, versionRef, writeVersion } from './versions';
import type { WxCommands, WxDatabase, WxTransaction } from './wx-types';

const BUSY = { code: 'CONFLICT', message: '同时提交的人较多，请稍后重试' } as const;

async function attempt(
  t: WxTransaction,
  _: WxCommands,
  draft: PostDraft,
  decide: DecideFigures,
  newId: () => string,
): Promise<CommitResult> {
  const { campaignId, unitId, day } = draft;
  const keyRef = t.collection(C.requestKeys).doc(docId(draft.authorId, draft.requestId));
  const key = await readDoc(keyRef);
  if (key) {
    const hash = typeof key.hash === 'string' ? key.hash : null;
    if (!samePayload(hash, draft)) return { ok: false, error: REUSED_REQUEST };
    const first = await readDoc(t.collection(C.posts).doc(String(key.postId)));
    if (!first) throw new Error(`request key ${String(key._id)} names a missing post`);
    return { ok: true, post: first.record as PostRecord, replayed: true };
  }

  const latestDoc = await readDoc(latestRef(t, campaignId, unitId));
  const before = entries<LatestEntry>(latestDoc, 'figures');
  const latest = new Map<string, LatestFigure>(before.map((e) => [e.metricId, toLatest(unitId, e)]));
  const decided = decide(latest);
  if (!decided.ok) return { ok: false, error: decided.error };

  const versionDoc = await readDoc(versionRef(t, campaignId));
  const seq = asVersion(versionDoc).posts + 1;
  const { figures: _inputs, ...rest } = draft;
  const post: PostRecord = { ...rest, id: newId(), figures: decided.figures };

  let state = before;
  if (post.figures.length > 0) {
    const now = posted(post.figures, day);
    state = merge(before, now.latest);
    const daily = await readDoc(dailyRef(t, campaignId, unitId, day));
    const figures = merge(entries<DayEntry>(daily, 'figures'), now.daily);
    await dailyRef(t, campaignId, unitId, day).set({ data: { campaignId, unitId, day, figures, state } });
  }
  // Every post, text only or not, moves the unit's last post day (the no-post reminder reads it).
  const lastDay = laterDay(lastPostDay(latestDoc), day);
  await latestRef(t, campaignId, unitId).set({ data: { campaignId, unitId, lastDay, figures: state } });
  await t
    .collection(C.posts)
    .doc(post.id)
    .set({ data: { campaignId, unitId, createdMs: Date.parse(post.createdAt), seq, record: post } });
  // `hash` is an optional field added later: no schema version needed, an older reader ignores it.
  await keyRef.set({ data: { postId: post.id, campaignId, hash: requestHash(draft) } });
  await writeVersion(t, _, campaignId, versionDoc !== null, { posts: 1, campaign: 0 });
  return { ok: true, post, replayed: false };
}

/** `db` runs its transactions with retries (the store's, ./transaction.ts `withRetries`). */
export async function commitPost(
  db: WxDatabase,
  newId: () => string,
  draft: PostDraft,
  decide: DecideFigures,
): Promise<CommitResult> {
  try {
    return await db.runTransaction((t) => attempt(t, db.command, draft, decide, newId));
  } catch (e) {
    if (isBusy(e)) return { ok: false, error: BUSY };
    throw e;
  }
}
