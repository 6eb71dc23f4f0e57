/**
 * A user's document, shared by the people slice (./people.ts) and the credits the notifications slice
 * changes (./notifications.ts). Documents written before credits were kept per template hold one number
 * in `subscribeCredits`; it is read as credits of any template (core/app/notifications/credits.ts), so
 * the data needs no migration run and loses no consent. Every read goes through ./schema.ts (a user
 * written before cities is the default city's).
 */
import { applyCredits, creditsOf } from '../../core/app/notifications/credits';
import type { SubscribeCredits } from '../../core/app/notifications/store';
import type { UserRecord } from '../../core/app/people/store';
import { collections as C, docId } from './collections';
import { readVersioned, stamped } from './schema';
import { warmOf } from './warm';
import type { WxData, WxDatabase } from './wx-types';

/** A user's document as written now: `cityId` and `isDemo` beside the record are for queries. */
export const userDoc = (user: UserRecord): WxData =>
  stamped({ cityId: user.cityId, isDemo: user.demo === true, record: user });

export function userOf(stored: unknown): UserRecord {
  const record = stored as UserRecord & { subscribeCredits?: unknown };
  if (record.subscribeCredits === undefined) return record;
  const { subscribeCredits, ...rest } = record;
  const credits = creditsOf(subscribeCredits);
  return Object.keys(credits).length > 0 ? { ...rest, subscribeCredits: credits } : rest;
}

export async function getUser(db: WxDatabase, userId: string): Promise<UserRecord | null> {
  const doc = await readVersioned(C.users, db.collection(C.users).doc(docId(userId)));
  return doc ? userOf(doc.record) : null;
}

/**
 * In a transaction, with the core's rule (applyCredits): a refusal that drops credits and a new consent
 * never lose one another. A legacy single count (before credits were kept per template) is read as
 * credits of any template and written back as a map; the whole document is set, since an update would
 * merge the new map into the old value (and a version-1 document is written back upgraded).
 */
export async function addSubscribeCredits(
  db: WxDatabase,
  userId: string,
  deltas: SubscribeCredits,
): Promise<SubscribeCredits> {
  return db.runTransaction(async (t) => {
    const ref = t.collection(C.users).doc(docId(userId));
    const doc = await readVersioned(C.users, ref);
    if (!doc) return {};
    const record = userOf(doc.record);
    const next = applyCredits(record.subscribeCredits, deltas);
    const { subscribeCredits: _old, ...rest } = record;
    const updated: UserRecord = Object.keys(next).length > 0 ? { ...rest, subscribeCredits: next } : rest;
    await ref.set({ data: userDoc(updated) });
    return next;
  }).finally(() => warmOf(db)?.forgetUser(userId));
}
