/**
 * Problems (难题) on the cloud database, each write one transaction of single-document operations.
 * Raising claims the request key `problem_keys/{raiser:requestId}` by inserting it (the server refuses an
 * existing `_id`: a replay, answered after the transaction is rolled back), then writes the problem, its
 * first event and the campaign's data version. A step reads the problem, whose `keys` name every event's
 * `byId:requestId` — so a replay is seen in the read the step makes anyway and answered without deciding —
 * runs `decide` on it, then writes the problem, the event (its `_id` is its key, so it exists once) and
 * the version. Two steps at once both write the problem document: the cloud refuses the second writer and
 * the store's `runTransaction` (./transaction.ts) runs it again on the first one's result.
 */
import type { DecideStep, ProblemEventRecord, ProblemRecord, StepResult } from '../../core/app/tasks/store';
import { collections as C, docId } from './collections';
import { stamped } from './schema';
import { isDuplicate, order, readAllCurrent, readCurrent } from './task-docs';
import { isBusy } from './transaction';
import { versionRef, writeVersion } from './versions';
import { warmOf } from './warm';
import type { WxCommands, WxData, WxDatabase, WxTransaction } from './wx-types';

const BUSY = { ok: false, code: 'CONFLICT', message: '同时处理这条难题的人较多，请稍后重试' } as const;
const MISSING = { ok: false, code: 'NOT_FOUND', message: '难题不存在' } as const;

const problemRef = (t: Pick<WxTransaction, 'collection'>, campaignId: string, problemId: string) =>
  t.collection(C.problems).doc(docId(campaignId, problemId));

const stepKey = (byId: string, requestId: string) => docId(byId, requestId);

/** The problem document: its record, and the keys of its events in order (an event's `seq` is its place). */
const problemDoc = (problem: ProblemRecord, keys: string[]): WxData =>
  stamped({ campaignId: problem.campaignId, keys, record: problem });

const keysOf = (doc: WxData): string[] => (Array.isArray(doc.keys) ? doc.keys.map(String) : []);

/** The event's `_id` is its key: `{campaign:problem:by:requestId}`, with `by` the one who took the step. */
async function writeEvent(
  t: WxTransaction,
  campaignId: string,
  event: ProblemEventRecord,
  by: { byId: string; requestId: string },
  seq: number,
): Promise<void> {
  await t
    .collection(C.problemEvents)
    .doc(docId(campaignId, event.problemId, by.byId, by.requestId))
    .set({ data: stamped({ campaignId, problemId: event.problemId, seq, record: event }) });
}

/**
 * One more data version, as a post adds (./versions.ts). The document exists once the campaign is saved,
 * so it is updated without being read (a round trip saved), and created only when the update found none.
 */
async function bumpVersion(t: WxTransaction, _: WxCommands, campaignId: string): Promise<void> {
  const { stats } = await versionRef(t, campaignId).update({ data: { version: _.inc(1) } });
  if (stats.updated === 0) await writeVersion(t, _, campaignId, false, { posts: 0, campaign: 0 });
}

/** Thrown out of the transaction to roll it back: the request key exists. */
class Seen {}

async function raise(
  t: WxTransaction,
  _: WxCommands,
  p: ProblemRecord,
  e: ProblemEventRecord,
): Promise<void> {
  const key = stepKey(p.raisedById, e.requestId);
  try {
    await t
      .collection(C.problemKeys)
      .add({ data: stamped({ _id: key, campaignId: p.campaignId, problemId: p.id }) });
  } catch (err) {
    if (isDuplicate(err)) throw new Seen();
    throw err;
  }
  await problemRef(t, p.campaignId, p.id).set({ data: problemDoc(p, [key]) });
  await writeEvent(t, p.campaignId, e, { byId: p.raisedById, requestId: e.requestId }, 1);
  // Last: posts contend for the version document too, so it is held for the shortest time.
  await bumpVersion(t, _, p.campaignId);
}

export async function createProblem(
  db: WxDatabase,
  problem: ProblemRecord,
  event: ProblemEventRecord,
): Promise<{ problem: ProblemRecord; replayed: boolean }> {
  try {
    await db.runTransaction((t) => raise(t, db.command, problem, event));
    warmOf(db)?.wrote();
    return { problem, replayed: false };
  } catch (e) {
    if (!(e instanceof Seen)) throw e;
  }
  const key = await readCurrent(
    C.problemKeys,
    db.collection(C.problemKeys).doc(stepKey(problem.raisedById, event.requestId)),
  );
  if (!key)
    throw new Error(`problem key ${problem.raisedById}/${event.requestId} refused as taken but not found`);
  const first = await getProblem(db, String(key.campaignId), String(key.problemId));
  if (!first) throw new Error(`problem key ${String(key._id)} names a missing problem`);
  return { problem: first, replayed: true };
}

async function step(
  t: WxTransaction,
  _: WxCommands,
  campaignId: string,
  problemId: string,
  by: { byId: string; requestId: string },
  decide: DecideStep,
): Promise<StepResult> {
  const doc = await readCurrent(C.problems, problemRef(t, campaignId, problemId));
  if (!doc) return MISSING;
  const keys = keysOf(doc);
  const key = stepKey(by.byId, by.requestId);
  if (keys.includes(key)) return { ok: true, problem: doc.record as ProblemRecord, replayed: true };
  const decided = decide(doc.record as ProblemRecord);
  // A refusal has written nothing: the transaction ends with no writes.
  if (!decided.ok) return { ok: false, code: decided.code, message: decided.message };
  const next = [...keys, key];
  await problemRef(t, campaignId, problemId).set({ data: problemDoc(decided.problem, next) });
  await writeEvent(t, campaignId, decided.event, by, next.length);
  await bumpVersion(t, _, campaignId);
  return { ok: true, problem: decided.problem, replayed: false };
}

export async function stepProblem(
  db: WxDatabase,
  campaignId: string,
  problemId: string,
  by: { byId: string; requestId: string },
  decide: DecideStep,
): Promise<StepResult> {
  try {
    const result = await db.runTransaction((t) => step(t, db.command, campaignId, problemId, by, decide));
    if (result.ok && !result.replayed) warmOf(db)?.wrote();
    return result;
  } catch (e) {
    if (isBusy(e)) return BUSY;
    throw e;
  }
}

export async function getProblem(
  db: WxDatabase,
  campaignId: string,
  problemId: string,
): Promise<ProblemRecord | null> {
  const doc = await readCurrent(C.problems, db.collection(C.problems).doc(docId(campaignId, problemId)));
  return doc ? (doc.record as ProblemRecord) : null;
}

/** By raisedDay, then createdAt, then id (`readAll` pages by `_id`; a campaign has hundreds at most). */
export async function listProblems(db: WxDatabase, campaignId: string): Promise<ProblemRecord[]> {
  const docs = await readAllCurrent(db, C.problems, { campaignId });
  return docs
    .map((d) => d.record as ProblemRecord)
    .sort((a, b) => order(a.raisedDay, b.raisedDay) || a.createdAt - b.createdAt || order(a.id, b.id));
}

/** Oldest first: paged by `seq`, which is unique within one problem. */
export async function problemHistory(
  db: WxDatabase,
  campaignId: string,
  problemId: string,
): Promise<ProblemEventRecord[]> {
  const docs = await readAllCurrent(db, C.problemEvents, { campaignId, problemId }, 'seq');
  return docs.map((d) => d.record as ProblemEventRecord);
}
