/**
 * The reviews slice on the cloud database (DOMAIN.md "The monthly review and its sanctions"): published
 * 通报 here; the 约谈 in ./interviews.ts, the 书面说明 in ./explanations.ts, the ledger in ./ledger.ts.
 *
 * A 通报 version is one document whose `_id` is (campaign, period, version), holding its head apart from
 * its frozen tables, so that the list of versions reads the heads alone (a province's tables are large).
 * Publishing is one transaction of two inserts: the request key `review_keys/{campaign:publisher:requestId}`
 * — taken: a replay, answered with the version that key names — then the version itself — taken: another
 * supervisor published it first, CONFLICT. Either refusal rolls the transaction back, so a key never
 * names a version that was not written.
 */
import type { Period } from '../../core/contract';
import type { ReviewHead, ReviewRecord, ReviewStore } from '../../core/app/reviews/store';
import { collections as C, docId } from './collections';
import { addExplanations, explanationHistory, listExplanations, stepExplanation } from './explanations';
import { listInterviews, stepInterview, syncInterviews } from './interviews';
import { appendLedger, listLedger } from './ledger';
import { stamped } from './schema';
import { current, isDuplicate, order, readAllCurrent, readCurrent } from './task-docs';
import { isBusy } from './transaction';
import type { WxData, WxDatabase, WxTransactionCollection } from './wx-types';

type Published = Awaited<ReturnType<ReviewStore['publishReview']>>;

const reviewId = (campaignId: string, period: string, version: number) =>
  docId(campaignId, period, String(version));

const keyId = (r: ReviewHead) => docId(r.campaignId, r.publishedById, r.requestId);

function reviewDoc(review: ReviewRecord): WxData {
  const { metrics, divisions, excluded, ...head } = review;
  const { campaignId, period, version } = review;
  return stamped({ campaignId, period, version, head, tables: { metrics, divisions, excluded } });
}

function recordOf(doc: WxData): ReviewRecord {
  const tables = doc.tables as Pick<ReviewRecord, 'metrics' | 'divisions' | 'excluded'>;
  return { ...(doc.head as ReviewHead), ...tables };
}

/** Thrown out of the transaction to roll it back: the request key is taken (Seen), or the version (Taken). */
class Seen extends Error {}
class Taken extends Error {}

/** Inserts `data` under `_id`, throwing `refusal` when the id exists. */
async function insert(
  into: WxTransactionCollection,
  id: string,
  data: WxData,
  refusal: Error,
): Promise<void> {
  try {
    await into.add({ data: { _id: id, ...data } });
  } catch (e) {
    throw isDuplicate(e) ? refusal : e;
  }
}

async function publishReview(db: WxDatabase, review: ReviewRecord): Promise<Published> {
  const { campaignId, period, version } = review;
  try {
    await db.runTransaction(async (t) => {
      const key = stamped({ campaignId, period, version });
      await insert(t.collection(C.reviewKeys), keyId(review), key, new Seen());
      await insert(
        t.collection(C.reviews),
        reviewId(campaignId, period, version),
        reviewDoc(review),
        new Taken(),
      );
    });
    return { ok: true, review, replayed: false };
  } catch (e) {
    if (e instanceof Taken)
      return {
        ok: false,
        code: 'CONFLICT',
        message: `${period} 通报第 ${version} 版刚由他人发布，请刷新后再发布`,
      };
    if (isBusy(e)) return { ok: false, code: 'CONFLICT', message: '同时发布通报的人较多，请稍后重试' };
    if (!(e instanceof Seen)) throw e;
  }
  const key = await readCurrent(C.reviewKeys, db.collection(C.reviewKeys).doc(keyId(review)));
  if (!key) throw new Error(`review key ${keyId(review)} refused as taken but not found`);
  const first = await getReview(db, campaignId, String(key.period), Number(key.version));
  if (!first) throw new Error(`review key ${keyId(review)} names a missing version`);
  return { ok: true, review: first, replayed: true };
}

async function getReview(
  db: WxDatabase,
  campaignId: string,
  period: Period,
  version?: number,
): Promise<ReviewRecord | null> {
  if (version !== undefined) {
    const doc = await readCurrent(
      C.reviews,
      db.collection(C.reviews).doc(reviewId(campaignId, period, version)),
    );
    return doc ? recordOf(doc) : null;
  }
  const { data } = await db
    .collection(C.reviews)
    .where({ campaignId, period })
    .orderBy('version', 'desc')
    .limit(1)
    .get();
  const latest = data[0];
  return latest ? recordOf(current(C.reviews, latest)) : null;
}

/** Heads only (the projection leaves the tables on the server), by period then version. */
async function listReviews(db: WxDatabase, campaignId: string): Promise<ReviewHead[]> {
  const docs = await readAllCurrent(db, C.reviews, { campaignId }, '_id', { head: true });
  return docs
    .map((d) => d.head as ReviewHead)
    .sort((a, b) => order(a.period, b.period) || a.version - b.version);
}

export const reviewStore = (db: WxDatabase): ReviewStore => ({
  publishReview: (review) => publishReview(db, review),
  getReview: (campaignId, period, version) => getReview(db, campaignId, period, version),
  listReviews: (campaignId) => listReviews(db, campaignId),
  syncInterviews: (campaignId, period, interviews) => syncInterviews(db, campaignId, period, interviews),
  listInterviews: (campaignId) => listInterviews(db, campaignId),
  stepInterview: (campaignId, interviewId, by, decide) =>
    stepInterview(db, campaignId, interviewId, by, decide),
  addExplanations: (explanations) => addExplanations(db, explanations),
  listExplanations: (campaignId) => listExplanations(db, campaignId),
  stepExplanation: (campaignId, explanationId, by, decide) =>
    stepExplanation(db, campaignId, explanationId, by, decide),
  explanationHistory: (campaignId, explanationId) => explanationHistory(db, campaignId, explanationId),
  appendLedger: (entries) => appendLedger(db, entries),
  listLedger: (campaignId) => listLedger(db, campaignId),
});
