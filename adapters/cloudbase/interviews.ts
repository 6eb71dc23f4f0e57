/**
 * The 约谈 a month's 通报 calls, on the cloud database: one document each, `interviews/{campaign:id}`,
 * keeping the keys of the steps taken on it. `syncInterviews` reads the month's documents once and, for
 * each one that must change (new, or scheduled with other terms, or no longer called), runs a transaction
 * that reads it again and decides there: a 约谈 recorded held meanwhile is left as it is, one a sync at the
 * same time made is not made twice, and when nothing differs nothing is written — so a second sync writes
 * nothing. Recording one held is a keyed step (./keyed-steps.ts).
 */
import type { Period } from '../../core/contract';
import type { DecideInterview, InterviewRecord, StepOutcome } from '../../core/app/reviews/store';
import { collections as C, docId } from './collections';
import { keysOf, stepKeyed } from './keyed-steps';
import { inBatches } from './reads';
import { stamped } from './schema';
import { order, readAllCurrent, readCurrent } from './task-docs';
import type { WxData, WxDatabase } from './wx-types';

const fields = (i: InterviewRecord): WxData => ({ campaignId: i.campaignId, period: i.period });

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What the sync makes of a stored 约谈: null when it stays as it is. A held one is never touched; one no
 * longer called is cancelled; a called one takes the latest version's terms and is scheduled (again, if a
 * version between had cancelled it), stamped with the time the caller gives.
 */
function synced(current: InterviewRecord, wanted: InterviewRecord | undefined): InterviewRecord | null {
  if (current.status === 'held') return null;
  if (!wanted) return current.status === 'scheduled' ? { ...current, status: 'cancelled' } : null;
  const same =
    current.status === 'scheduled' &&
    current.level === wanted.level &&
    sameList(current.attendees, wanted.attendees) &&
    current.reviewVersion === wanted.reviewVersion &&
    current.dueDay === wanted.dueDay;
  if (same) return null;
  const { level, attendees, reviewVersion, dueDay, updatedAt } = wanted;
  return { ...current, status: 'scheduled', level, attendees, reviewVersion, dueDay, updatedAt };
}

async function syncOne(
  db: WxDatabase,
  campaignId: string,
  id: string,
  wanted: InterviewRecord | undefined,
): Promise<void> {
  await db.runTransaction(async (t) => {
    const ref = t.collection(C.interviews).doc(docId(campaignId, id));
    const doc = await readCurrent(C.interviews, ref);
    if (!doc) {
      if (wanted) await ref.set({ data: stamped({ ...fields(wanted), keys: [], record: wanted }) });
      return;
    }
    const next = synced(doc.record as InterviewRecord, wanted);
    if (next) await ref.set({ data: stamped({ ...fields(next), keys: keysOf(doc), record: next }) });
  });
}

export async function syncInterviews(
  db: WxDatabase,
  campaignId: string,
  period: Period,
  interviews: readonly InterviewRecord[],
): Promise<void> {
  const stored = new Map(
    (await readAllCurrent(db, C.interviews, { campaignId, period })).map((d) => {
      const record = d.record as InterviewRecord;
      return [record.id, record] as const;
    }),
  );
  const wanted = new Map(interviews.map((i) => [i.id, i] as const));
  const ids = [...new Set([...wanted.keys(), ...stored.keys()])].filter((id) => {
    const current = stored.get(id);
    return current === undefined || synced(current, wanted.get(id)) !== null;
  });
  await inBatches(ids, 10, (id) => syncOne(db, campaignId, id, wanted.get(id)));
}

/** By due day, then id (a handful a month: read whole, sorted here). */
export async function listInterviews(db: WxDatabase, campaignId: string): Promise<InterviewRecord[]> {
  const docs = await readAllCurrent(db, C.interviews, { campaignId });
  return docs
    .map((d) => d.record as InterviewRecord)
    .sort((a, b) => order(a.dueDay, b.dueDay) || order(a.id, b.id));
}

export function stepInterview(
  db: WxDatabase,
  campaignId: string,
  interviewId: string,
  by: { byId: string; requestId: string },
  decide: DecideInterview,
): Promise<StepOutcome<InterviewRecord>> {
  const doc = {
    collection: C.interviews,
    id: docId(campaignId, interviewId),
    fields,
    missing: '约谈不存在',
    busy: '同时记录这次约谈的人较多，请稍后重试',
  };
  return stepKeyed(db, doc, by, decide);
}
