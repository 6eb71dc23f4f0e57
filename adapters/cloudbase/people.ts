/**
 * Users on the cloud database: one document each, keyed by user id, with `isDemo` beside the record so
 * that demo login can list the demo users with one indexed query. An OPENID and an account are unique:
 * each is a document of its own (`openids/{openid}`, `accounts/{account}`) naming its user, claimed in the
 * same transaction that writes the user, so two binds of one OPENID conflict and the second is refused.
 */
import { applyCredits } from '../../core/app/credits';
import type { SubscribeCredits, UserRecord } from '../../core/app/ports';
import { userOf } from './user-doc';
import { collections as C, docId } from './collections';
import { readAll, readDoc } from './reads';
import type { WxDatabase, WxTransaction } from './wx-types';

type KeyCollection = typeof C.openids | typeof C.accounts;

const taken = (what: string) =>
  Object.assign(new Error(`${what} is already bound to another user`), { code: 'CONFLICT' });

/** Moves a unique key from `before` to `after` for `userId`, refusing a key another user holds. */
async function claim(
  t: WxTransaction,
  collection: KeyCollection,
  userId: string,
  before: string | undefined,
  after: string | undefined,
): Promise<void> {
  if (after !== undefined) {
    const ref = t.collection(collection).doc(docId(after));
    const holder = await readDoc(ref);
    if (holder && holder.userId !== userId) throw taken(`${collection} ${after}`);
    // Written even when unchanged: two transactions claiming one key then always conflict.
    await ref.set({ data: { userId } });
  }
  if (before !== undefined && before !== after) {
    const old = t.collection(collection).doc(docId(before));
    const holder = await readDoc(old);
    if (holder?.userId === userId) await old.remove();
  }
}

export async function putUser(db: WxDatabase, user: UserRecord): Promise<void> {
  await db.runTransaction(async (t) => {
    const ref = t.collection(C.users).doc(docId(user.id));
    const before = (await readDoc(ref))?.record as UserRecord | undefined;
    await claim(t, C.openids, user.id, before?.openid, user.openid);
    await claim(t, C.accounts, user.id, before?.account, user.account);
    await ref.set({ data: { isDemo: user.demo === true, record: user } });
  });
}

export async function getUser(db: WxDatabase, userId: string): Promise<UserRecord | null> {
  const doc = await readDoc(db.collection(C.users).doc(docId(userId)));
  return doc ? userOf(doc.record) : null;
}

async function byKey(db: WxDatabase, collection: KeyCollection, key: string): Promise<UserRecord | null> {
  const holder = await readDoc(db.collection(collection).doc(docId(key)));
  if (!holder) return null;
  const user = await getUser(db, String(holder.userId));
  // A key left behind by a user who changed it is not theirs any more.
  const field = collection === C.openids ? user?.openid : user?.account;
  return user && field === key ? user : null;
}

export const getUserByOpenid = (db: WxDatabase, openid: string) => byKey(db, C.openids, openid);
export const getUserByAccount = (db: WxDatabase, account: string) => byKey(db, C.accounts, account);

export async function listUsers(db: WxDatabase, filter: { demo?: boolean } = {}): Promise<UserRecord[]> {
  const where = filter.demo === undefined ? {} : { isDemo: filter.demo };
  return (await readAll(db, C.users, where)).map((d) => userOf(d.record));
}

/**
 * In a transaction, with the core's rule (applyCredits): a refusal that drops credits and a new consent
 * never lose one another. A legacy single count (before credits were kept per template) is read as
 * credits of any template and written back as a map; the whole document is set, since an update would
 * merge the new map into the old value.
 */
export async function addSubscribeCredits(db: WxDatabase, userId: string, deltas: SubscribeCredits): Promise<SubscribeCredits> {
  return db.runTransaction(async (t) => {
    const ref = t.collection(C.users).doc(docId(userId));
    const doc = await readDoc(ref);
    if (!doc) return {};
    const { _id: _ignored, ...fields } = doc;
    const record = userOf(doc.record);
    const next = applyCredits(record.subscribeCredits, deltas);
    const { subscribeCredits: _old, ...rest } = record;
    const updated: UserRecord = Object.keys(next).length > 0 ? { ...rest, subscribeCredits: next } : rest;
    await ref.set({ data: { ...fields, record: updated } });
    return next;
  });
}
