/**
 * Users on the cloud database: one document each, keyed by user id, with `cityId` and `isDemo` beside
 * the record so that a city's users, and demo login's demo users, are one indexed query (a user written
 * before cities has no `cityId` field: ./schema.ts `readCity` finds it for the default city). An OPENID
 * and an account are unique: each is a document of its own (`openids/{openid}`, `accounts/{account}`)
 * naming its user, claimed in the same transaction that writes the user, so two binds of one OPENID
 * conflict and the second is refused.
 * This file is the people slice of the Store, with sessions (./sessions.ts) and invites (./invites.ts).
 */
import type { InviteRecord, PeopleStore, UserRecord } from '../../core/app/people/store';
import { collections as C, docId } from './collections';
import { createInvite, redeemInvite } from './invites';
import { readDoc } from './reads';
import { readAllVersioned, readCity, readVersioned } from './schema';
import { deleteSession, deleteUserSessions, getSession, listUserSessions, putSession } from './sessions';
import { getUser, userDoc, userOf } from './user-doc';
import { bumpEpoch } from './versions';
import { warmOf } from './warm';
import { readCityRecord } from './campaigns';
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

/** The current campaign of a city, read in the transaction (its version document vouches for the city's users). */
async function currentOf(t: WxTransaction, cityId: string): Promise<string | null> {
  const city = await readVersioned(C.cities, t.collection(C.cities).doc(docId(cityId)));
  return (city?.record as { currentCampaignId?: string | null } | undefined)?.currentCampaignId ?? null;
}

async function putUser(db: WxDatabase, user: UserRecord): Promise<void> {
  await db.runTransaction(async (t) => {
    const ref = t.collection(C.users).doc(docId(user.id));
    const before = (await readVersioned(C.users, ref))?.record as UserRecord | undefined;
    await claim(t, C.openids, user.id, before?.openid, user.openid);
    await claim(t, C.accounts, user.id, before?.account, user.account);
    await ref.set({ data: userDoc(user) });
    // Warm instances drop the users they kept of the city (and of the one left): ./warm.ts.
    const cities = new Set([user.cityId, ...(before ? [before.cityId] : [])]);
    for (const cityId of cities) if (cityId) await bumpEpoch(t, db.command, await currentOf(t, cityId));
  });
  const warm = warmOf(db);
  warm?.forgetUser(user.id);
  warm?.wrote();
}

async function byKey(db: WxDatabase, collection: KeyCollection, key: string): Promise<UserRecord | null> {
  const holder = await readDoc(db.collection(collection).doc(docId(key)));
  if (!holder) return null;
  const user = await getUser(db, String(holder.userId));
  // A key left behind by a user who changed it is not theirs any more.
  const field = collection === C.openids ? user?.openid : user?.account;
  return user && field === key ? user : null;
}

/** A warm instance keeps the user while their city's current campaign's version document vouches for them. */
function getUserByOpenid(db: WxDatabase, openid: string): Promise<UserRecord | null> {
  const warm = warmOf(db);
  if (!warm) return byKey(db, C.openids, openid);
  return warm.userByOpenid(
    openid,
    () => byKey(db, C.openids, openid),
    (cityId) => readCityRecord(db, cityId),
    (userId) => getUser(db, userId),
  );
}
const getUserByAccount = (db: WxDatabase, account: string) => byKey(db, C.accounts, account);

async function listUsers(
  db: WxDatabase,
  filter: { demo?: boolean; cityId?: string } = {},
): Promise<UserRecord[]> {
  const match = filter.demo === undefined ? {} : { isDemo: filter.demo };
  const docs =
    filter.cityId === undefined
      ? await readAllVersioned(db, C.users, match)
      : await readCity(db, C.users, filter.cityId, match);
  return docs.map((d) => userOf(d.record));
}

/** A code as stored, read through ./schema.ts like redeemInvite reads it (redeeming checks again). */
async function getInvite(db: WxDatabase, code: string): Promise<InviteRecord | null> {
  const doc = await readVersioned(C.invites, db.collection(C.invites).doc(docId(code)));
  return doc ? (doc.record as InviteRecord) : null;
}

export const peopleStore = (db: WxDatabase): PeopleStore => ({
  putUser: (user) => putUser(db, user),
  getUser: (userId) => getUser(db, userId),
  getUserByOpenid: (openid) => getUserByOpenid(db, openid),
  getUserByAccount: (account) => getUserByAccount(db, account),
  listUsers: (filter) => listUsers(db, filter),
  putSession: (session) => putSession(db, session),
  getSession: (tokenHash) => getSession(db, tokenHash),
  deleteSession: (tokenHash) => deleteSession(db, tokenHash),
  listUserSessions: (userId) => listUserSessions(db, userId),
  deleteUserSessions: (userId) => deleteUserSessions(db, userId),
  createInvite: (invite) => createInvite(db, invite),
  getInvite: (code) => getInvite(db, code),
  redeemInvite: (code, userId, at) => redeemInvite(db, code, userId, at),
});
