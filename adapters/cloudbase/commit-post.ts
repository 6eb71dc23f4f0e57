/**
 * commitPost in one `db.runTransaction`, with single-document operations only (all a cloud transaction
 * allows), each document touched once: claim the request key by inserting it (the server refuses an
 * existing `_id`: a replay, answered after the transaction is rolled back — the same requestId replays only
 * with the same content, the key keeping the content's `hash`, core/app/posts/request-hash.ts; a key
 * written before has none and replays); read the unit's latest document and the campaign's version
 * document; call `decide` (a refusal rolls back, so the key is not kept); write the day's document (from
 * the latest document's entries of that day, unread — ./figure-docs.ts), the latest document and the post,
 * and bump the version. Two posts that could disturb each other both write the same documents (the request
 * key, the unit's latest, the campaign's version), so they conflict and one is run again with fresh reads
 * (`decide` is pure, so that is safe): the cloud reads a snapshot and refuses the second writer of a
 * document, and the store's `runTransaction` retries (./transaction.ts). When every run conflicted, the
 * author is told to try again and nothing is written.
 */
import { REUSED_REQUEST, requestHash, samePayload } from '../../core/app/posts/request-hash';
import type {
  CommitResult,
  DecideFigures,
  LatestFigure,
  PostDraft,
  PostRecord,
} from '../../core/app/posts/store';
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
import { warmOf } from './warm';
import { asVersion, versionRef, writeVersion } from './versions';
import type { WxCommands, WxDatabase, WxTransaction } from './wx-types';

const BUSY = { code: 'CONFLICT', message: '同时提交的人较多，请稍后重试' } as const;

/** The server refused an insert of an `_id` that exists (MongoDB's E11000 on the `_id_` index). */
const isDuplicate = (e: unknown): boolean =>
  /E11000|duplicate key/i.test(String((e as { errMsg?: unknown; message?: unknown })?.errMsg ?? '')) ||
  /E11000|duplicate key/i.test(String((e as { message?: unknown })?.message ?? ''));

/** Thrown out of the transaction to roll it back (nothing of the post may stay), carrying what to answer. */
class Undo {
  constructor(readonly outcome: 'seen' | CommitResult) {}
}

/**
 * The figures that day's document holds, without reading it: the latest document's entries of `day` are
 * exactly the metrics posted that day (each post lands on its day and moves the entry), as long as no entry
 * is of a later day (then the latest document no longer tells, and the daily document is read).
 */
function dayFromLatest(before: LatestEntry[], day: string): DayEntry[] | null {
  if (before.some((e) => e.day > day)) return null;
  return before.filter((e) => e.day === day).map((e) => ({ metricId: e.metricId, value: e.value }));
}

async function attempt(
  t: WxTransaction,
  _: WxCommands,
  draft: PostDraft,
  decide: DecideFigures,
  newId: () => string,
): Promise<CommitResult> {
  const { campaignId, unitId, day } = draft;
  const id = newId();
  // The request key is claimed first, by an insert: a key that exists (a replay) is refused by the server,
  // which saves reading it on every post. Claimed before `decide`, so a replay is never judged afresh.
  try {
    await t
      .collection(C.requestKeys)
      .add({
        data: {
          _id: docId(draft.authorId, draft.requestId),
          postId: id,
          campaignId,
          hash: requestHash(draft),
        },
      });
  } catch (e) {
    if (isDuplicate(e)) throw new Undo('seen');
    throw e;
  }

  const latestDoc = await readDoc(latestRef(t, campaignId, unitId));
  const before = entries<LatestEntry>(latestDoc, 'figures');
  const latest = new Map<string, LatestFigure>(before.map((e) => [e.metricId, toLatest(unitId, e)]));
  const decided = decide(latest);
  // The key must not stay behind a refused post: the author may send it again corrected.
  if (!decided.ok) throw new Undo({ ok: false, error: decided.error });

  const versionDoc = await readDoc(versionRef(t, campaignId));
  const seq = asVersion(versionDoc).posts + 1;
  const { figures: _inputs, ...rest } = draft;
  const post: PostRecord = { ...rest, id, figures: decided.figures };

  let state = before;
  if (post.figures.length > 0) {
    const now = posted(post.figures, day);
    state = merge(before, now.latest);
    const known = dayFromLatest(before, day);
    const sameDay =
      known ?? entries<DayEntry>(await readDoc(dailyRef(t, campaignId, unitId, day)), 'figures');
    const figures = merge(sameDay, now.daily);
    await dailyRef(t, campaignId, unitId, day).set({ data: { campaignId, unitId, day, figures, state } });
  }
  // Every post, text only or not, moves the unit's last post day (the no-post reminder reads it).
  const lastDay = laterDay(lastPostDay(latestDoc), day);
  await latestRef(t, campaignId, unitId).set({ data: { campaignId, unitId, lastDay, figures: state } });
  await t
    .collection(C.posts)
    .doc(post.id)
    .set({ data: { campaignId, unitId, createdMs: Date.parse(post.createdAt), seq, record: post } });
  await writeVersion(t, _, campaignId, versionDoc !== null, { posts: 1, campaign: 0 });
  return { ok: true, post, replayed: false };
}

/** A requestId seen before: the first post again when the content is the same, else REUSED_REQUEST. */
async function replay(db: WxDatabase, draft: PostDraft): Promise<CommitResult> {
  const key = await readDoc(db.collection(C.requestKeys).doc(docId(draft.authorId, draft.requestId)));
  if (!key)
    throw new Error(`request key ${draft.authorId}/${draft.requestId} refused as taken but not found`);
  // `hash` is an optional field added later: a key written before it replays whatever the retry carries.
  const hash = typeof key.hash === 'string' ? key.hash : null;
  if (!samePayload(hash, draft)) return { ok: false, error: REUSED_REQUEST };
  const first = await readDoc(db.collection(C.posts).doc(String(key.postId)));
  if (!first) throw new Error(`request key ${String(key._id)} names a missing post`);
  return { ok: true, post: first.record as PostRecord, replayed: true };
}

/** `db` runs its transactions with retries (the store's, ./transaction.ts `withRetries`). */
export async function commitPost(
  db: WxDatabase,
  newId: () => string,
  draft: PostDraft,
  decide: DecideFigures,
): Promise<CommitResult> {
  try {
    const result = await db.runTransaction((t) => attempt(t, db.command, draft, decide, newId));
    warmOf(db)?.wrote();
    return result;
  } catch (e) {
    if (isBusy(e)) return { ok: false, error: BUSY };
    if (!(e instanceof Undo)) throw e;
    return e.outcome === 'seen' ? replay(db, draft) : e.outcome;
  }
}
