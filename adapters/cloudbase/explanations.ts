/**
 * The 书面说明 a finished campaign asks for, on the cloud database: one document per request,
 * `explanations/{campaign:id}`, whose `_id` comes from what it is about, so that adding it again (a
 * double-fired timer) is an insert the server refuses; and its steps, each a keyed step
 * (./keyed-steps.ts) that also writes the event, `explanation_events/{campaign:explanation:by:requestId}`
 * with its place `seq`, by which the history is read back in order.
 */
import type {
  DecideExplanation,
  ExplanationEventRecord,
  ExplanationRecord,
  StepOutcome,
} from '../../core/app/reviews/store';
import { collections as C, docId } from './collections';
import { stepKeyed } from './keyed-steps';
import { inBatches } from './reads';
import { stamped } from './schema';
import { isDuplicate, order, readAllCurrent } from './task-docs';
import type { WxData, WxDatabase } from './wx-types';

const fields = (e: ExplanationRecord): WxData => ({ campaignId: e.campaignId });

export async function addExplanations(
  db: WxDatabase,
  explanations: readonly ExplanationRecord[],
): Promise<number> {
  let added = 0;
  await inBatches(explanations, 10, async (e) => {
    try {
      await db.collection(C.explanations).add({
        data: stamped({ _id: docId(e.campaignId, e.id), ...fields(e), keys: [], record: e }),
      });
      added += 1;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
  });
  return added;
}

/** By due day, then id (one per unit and missed metric: read whole, sorted here). */
export async function listExplanations(db: WxDatabase, campaignId: string): Promise<ExplanationRecord[]> {
  const docs = await readAllCurrent(db, C.explanations, { campaignId });
  return docs
    .map((d) => d.record as ExplanationRecord)
    .sort((a, b) => order(a.dueDay, b.dueDay) || order(a.id, b.id));
}

export function stepExplanation(
  db: WxDatabase,
  campaignId: string,
  explanationId: string,
  by: { byId: string; requestId: string },
  decide: DecideExplanation,
): Promise<StepOutcome<ExplanationRecord>> {
  const doc = {
    collection: C.explanations,
    id: docId(campaignId, explanationId),
    fields,
    missing: '书面说明不存在',
    busy: '同时处理这份书面说明的人较多，请稍后重试',
  };
  return stepKeyed(db, doc, by, (current) => {
    const decided = decide(current);
    if (!decided.ok) return decided;
    const event: ExplanationEventRecord = decided.event;
    return {
      ok: true,
      record: decided.record,
      also: async (t, seq) => {
        await t
          .collection(C.explanationEvents)
          .doc(docId(campaignId, explanationId, by.byId, by.requestId))
          .set({ data: stamped({ campaignId, explanationId, seq, record: event }) });
      },
    };
  });
}

/** Oldest first: paged by `seq`, which is unique within one explanation. */
export async function explanationHistory(
  db: WxDatabase,
  campaignId: string,
  explanationId: string,
): Promise<ExplanationEventRecord[]> {
  const docs = await readAllCurrent(db, C.explanationEvents, { campaignId, explanationId }, 'seq');
  return docs.map((d) => d.record as ExplanationEventRecord);
}
