/**
 * A step on a document that keeps the keys (`byId:requestId`) of the steps taken on it, in one
 * transaction: read it, answer a replay from the read itself (its key is among them) without deciding,
 * run `decide` on the record as it is, and write the record with the key added — plus whatever else the
 * step writes (an event). Two steps at once both write the document: the cloud refuses the second writer
 * and ./transaction.ts runs it again on the first one's result, so they decide in turn. The 约谈 and the
 * 书面说明 (./interviews.ts, ./explanations.ts) step this way; problems (./problems.ts) keep their keys
 * alike, with the data version besides.
 */
import type { StepOutcome } from '../../core/app/reviews/store';
import { docId } from './collections';
import { stamped } from './schema';
import { readCurrent } from './task-docs';
import { isBusy } from './transaction';
import type { WxData, WxDatabase, WxTransaction } from './wx-types';

type Code = 'CONFLICT' | 'FORBIDDEN' | 'INVALID_ARGUMENT';

/** What a step decided: the record after it and what else to write (`seq`: the step's place), or a refusal. */
export type Decided<R> =
  | { ok: true; record: R; also?: (t: WxTransaction, seq: number) => Promise<void> }
  | { ok: false; code: Code; message: string };

export interface KeyedDoc<R> {
  collection: string;
  /** The document's `_id`. */
  id: string;
  /** The query fields the document carries beside `keys` and `record`. */
  fields: (record: R) => WxData;
  /** The refusals' words: when it does not exist, and when retries ran out. */
  missing: string;
  busy: string;
}

export const stepKey = (by: { byId: string; requestId: string }): string => docId(by.byId, by.requestId);

export const keysOf = (doc: WxData): string[] => (Array.isArray(doc.keys) ? doc.keys.map(String) : []);

export async function stepKeyed<R>(
  db: WxDatabase,
  doc: KeyedDoc<R>,
  by: { byId: string; requestId: string },
  decide: (current: R) => Decided<R>,
): Promise<StepOutcome<R>> {
  const run = async (t: WxTransaction): Promise<StepOutcome<R>> => {
    const ref = t.collection(doc.collection).doc(doc.id);
    const stored = await readCurrent(doc.collection, ref);
    if (!stored) return { ok: false, code: 'NOT_FOUND', message: doc.missing };
    const keys = keysOf(stored);
    const key = stepKey(by);
    if (keys.includes(key)) return { ok: true, record: stored.record as R, replayed: true };
    const decided = decide(stored.record as R);
    // A refusal has written nothing: the transaction ends with no writes.
    if (!decided.ok) return { ok: false, code: decided.code, message: decided.message };
    const next = [...keys, key];
    await ref.set({ data: stamped({ ...doc.fields(decided.record), keys: next, record: decided.record }) });
    await decided.also?.(t, next.length);
    return { ok: true, record: decided.record, replayed: false };
  };
  try {
    return await db.runTransaction(run);
  } catch (e) {
    if (isBusy(e)) return { ok: false, code: 'CONFLICT', message: doc.busy };
    throw e;
  }
}
