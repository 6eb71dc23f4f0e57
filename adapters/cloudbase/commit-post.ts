/**
 * commitPost in one `db.runTransaction`, with single-document operations only (all a cloud transaction
 * allows), each document touched once:
 * 1. claim the request key by inserting it: the server refuses an existing `_id`, which is a replay,
 *    answered after the transaction is rolled back (the same requestId replays only with the same content,
 *    the key keeping the content's `hash`, core/app/posts/request-hash.ts; a key written before has none
 *    and replays). Claimed before `decide`, so a replay is never judged afresh, and a refusal rolls the
 *    key back with the rest, so the author may send it again corrected.
 * 2. the unit's latest figures: its newest figure snapshot (./figure-docs.ts), named by its head in the
 *    version document — which the call's check already carried on a warm instance (./warm.ts) — and kept
 *    by the instance or read by `_id`; a unit without a head starts from an older program's latest
 *    document, if its campaign may have one (./versions.ts `figureDocs`).
 * 3. `decide`, then insert the unit's next snapshot, k + 1. A head read before the transaction may be
 *    stale: then k + 1 exists (or is being written) and the server refuses the insert, which is taken as
 *    the conflict it is and run again from a freshly read head. So the figures never need reading inside
 *    the transaction, and a post cannot lose another's.
 * 4. write the post; bump the version and set the unit's head with one update, without reading it.
 * Every post also writes the campaign's version document, so two posts of a campaign that overlap in
 * time conflict there as well: the cloud reads a snapshot and refuses the second writer of a document,
 * and the store's `runTransaction` retries (./transaction.ts); `decide` is pure, so that is safe. When every
 * run conflicted, the author is told to try again and nothing is written.
 *
 * Round trips on a warm instance whose call checked the author's unit's head and which holds that unit's
 * newest snapshot: start, key, snapshot, post, version, commit — 6, with the call's version check 7; 8
 * when the snapshot must be read. Six in all would need one write fewer, and none can go: the key must be
 * written before `decide` runs (a replay is never judged again) and the post after it (it holds what
 * `decide` returned), the figures must be a document the standings read without scanning the posts, and
 * every post must move the version its caches key on.
 */
import type { Day } from '../../core/contract';
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
  dayFromLatest,
  entries,
  lastPostDay,
  laterDay,
  latestRef,
  merge,
  posted,
  snapshotId,
  toLatest,
  type DayEntry,
  type LatestEntry,
} from './figure-docs';
import { readDoc } from './reads';
import { isBusy } from './transaction';
import { bumpForPost, postView } from './versions';
import { warmOf } from './warm';
import type { WxData, WxDatabase, WxTransaction } from './wx-types';

const BUSY = { code: 'CONFLICT', message: '同时提交的人较多，请稍后重试' } as const;

/** The server refused an insert of an `_id` that exists (MongoDB's E11000 on the `_id_` index). */
const isDuplicate = (e: unknown): boolean =>
  /E11000|duplicate key/i.test(String((e as { errMsg?: unknown; message?: unknown })?.errMsg ?? '')) ||
  /E11000|duplicate key/i.test(String((e as { message?: unknown })?.message ?? ''));

/** Thrown out of the transaction to roll it back (nothing of the post may stay), carrying what to answer. */
class Undo {
  constructor(readonly outcome: 'seen' | CommitResult) {}
}

/** The unit's snapshot k + 1 exists: another post landed first. A conflict: run again from a fresh head. */
const staleHead = (id: string) =>
  Object.assign(new Error(`[TransactionConflict] figure snapshot ${id} was written by another post`), {
    code: 'DATABASE_TRANSACTION_CONFLICT',
  });

let lastOrder = 0;

/**
 * The feed's tie break between posts of one millisecond (./newest.ts `seq`): the microsecond this process
 * wrote the post, strictly increasing within it, so that ties list the later written first — without a
 * counter read in the transaction. Older posts hold the campaign's post count there, far smaller.
 */
function writeOrder(): number {
  lastOrder = Math.max(lastOrder + 1, Math.floor((performance.timeOrigin + performance.now()) * 1000));
  return lastOrder;
}

/** The unit's figures before the post. */
interface Base {
  /** Its newest snapshot's k (0: none yet). */
  k: number;
  /** The day of its latest post. */
  last: Day | null;
  state: LatestEntry[];
  /** The figures already posted on `day`. */
  dayFigures(day: Day): Promise<DayEntry[]>;
}

const none: Base = { k: 0, last: null, state: [], dayFigures: async () => [] };

/** The newest document of the unit's `day` (a snapshot, else an older daily document): its figures. */
async function dayOf(db: WxDatabase, campaignId: string, unitId: string, day: Day): Promise<DayEntry[]> {
  const { data } = await db
    .collection(C.dailyFigures)
    .where({ campaignId, unitId, day })
    .orderBy('k', 'desc')
    .limit(1)
    .get();
  return entries<DayEntry>(data[0], 'figures');
}

function fromSnapshot(db: WxDatabase, doc: WxData): Base {
  const day = String(doc.day);
  const last = String(doc.last ?? day);
  const { campaignId, unitId } = doc as { campaignId: string; unitId: string };
  return {
    k: Number(doc.k),
    last,
    state: entries<LatestEntry>(doc, 'state'),
    // Its own day's figures it holds; no post of the unit is of a day after `last`; any other day (a post
    // stamped before midnight committing after one stamped after it) is read.
    dayFigures: async (d) =>
      d === day ? entries<DayEntry>(doc, 'figures') : d > last ? [] : dayOf(db, campaignId, unitId, d),
  };
}

/** An older program's latest document, and the daily documents it wrote beside it. */
function fromLatest(db: WxDatabase, doc: WxData, campaignId: string, unitId: string): Base {
  const state = entries<LatestEntry>(doc, 'figures');
  return {
    k: 0,
    last: lastPostDay(doc),
    state,
    dayFigures: async (d) =>
      dayFromLatest(state, d) ??
      entries<DayEntry>(await readDoc(dailyRef(db, campaignId, unitId, d)), 'figures'),
  };
}

/**
 * Read outside the transaction (which reads as of its start, and the head may name a snapshot committed
 * since). Still what the transaction would read: every post writes the version document, so a post that
 * committed after this transaction began makes its version update conflict, and it runs again; and a head
 * read before it began (the call's check) is checked by the insert of the next snapshot.
 */
async function baseOf(db: WxDatabase, draft: PostDraft, fresh: boolean): Promise<Base> {
  const { campaignId, unitId } = draft;
  const { head, older } = await postView(db, campaignId, unitId, fresh);
  if (head) {
    const id = snapshotId(campaignId, unitId, head.k);
    const doc =
      warmOf(db)?.snapshot(campaignId, unitId, head.k) ??
      (await readDoc(db.collection(C.dailyFigures).doc(id)));
    if (!doc) throw new Error(`figure snapshot ${id} named by the version document is missing`);
    return fromSnapshot(db, doc);
  }
  if (!older) return none;
  const latest = await readDoc(latestRef(db, campaignId, unitId));
  return latest ? fromLatest(db, latest, campaignId, unitId) : none;
}

async function attempt(
  t: WxTransaction,
  db: WxDatabase,
  draft: PostDraft,
  decide: DecideFigures,
  id: string,
  fresh: boolean,
): Promise<{ result: CommitResult; snapshot: WxData }> {
  const { campaignId, unitId, day } = draft;
  try {
    await t.collection(C.requestKeys).add({
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

  const base = await baseOf(db, draft, fresh);
  const latest = new Map<string, LatestFigure>(base.state.map((e) => [e.metricId, toLatest(unitId, e)]));
  const decided = decide(latest);
  // The key must not stay behind a refused post: the author may send it again corrected.
  if (!decided.ok) throw new Undo({ ok: false, error: decided.error });
  const { figures: _inputs, ...rest } = draft;
  const post: PostRecord = { ...rest, id, figures: decided.figures };

  // Every post, text only or not, is a snapshot: it moves the unit's last post day, and its insert is what
  // orders the posts of one unit.
  const now = posted(post.figures, day);
  const k = base.k + 1;
  const last = laterDay(base.last, day);
  const snapshot: WxData = {
    _id: snapshotId(campaignId, unitId, k),
    campaignId,
    unitId,
    k,
    day,
    last,
    figures: merge(await base.dayFigures(day), now.daily),
    state: merge(base.state, now.latest),
    postId: id,
  };
  try {
    await t.collection(C.dailyFigures).add({ data: snapshot });
  } catch (e) {
    if (isDuplicate(e)) throw staleHead(String(snapshot._id));
    throw e;
  }
  await t
    .collection(C.posts)
    .doc(id)
    .set({
      data: { campaignId, unitId, createdMs: Date.parse(post.createdAt), seq: writeOrder(), record: post },
    });
  await bumpForPost(t, db.command, campaignId, unitId, { k, last });
  return { result: { ok: true, post, replayed: false }, snapshot };
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
  const id = newId();
  let runs = 0;
  try {
    // A run after the first was refused (a conflict, or a stale head): it reads the head afresh.
    const { result, snapshot } = await db.runTransaction((t) =>
      attempt(t, db, draft, decide, id, (runs += 1) > 1),
    );
    const warm = warmOf(db);
    warm?.keepSnapshot(snapshot);
    warm?.wrote();
    return result;
  } catch (e) {
    if (isBusy(e)) return { ok: false, error: BUSY };
    if (!(e instanceof Undo)) throw e;
    return e.outcome === 'seen' ? replay(db, draft) : e.outcome;
  }
}
