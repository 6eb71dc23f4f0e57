/**
 * Sessions on the cloud database, one document per session, under the hash of its token (core hashes it;
 * the token itself never gets here), with `userId` beside the record so that all of a user's sessions can
 * be found (sign out everywhere, the cap on demo sessions). The cloud function needs few (the OPENID is the
 * identity; demo login makes some), but the Store is one contract.
 *
 * A document written before tokens were hashed is keyed by the token itself and its record has `token`,
 * not `tokenHash`: no lookup can reach it any more (a presented token is hashed first), it is left out of
 * a user's list, and `deleteUserSessions` removes it with the user's others.
 */
import type { SessionRecord } from '../../core/app/people/store';
import { collections as C, docId } from './collections';
import { inBatches, readAll, readDoc } from './reads';
import type { WxData, WxDatabase } from './wx-types';

const recordOf = (doc: WxData): SessionRecord | null => {
  const record = doc.record as Partial<SessionRecord> | undefined;
  return typeof record?.tokenHash === 'string' ? (record as SessionRecord) : null;
};

export async function putSession(db: WxDatabase, session: SessionRecord): Promise<void> {
  const data = { userId: session.userId, expiresAt: session.expiresAt, record: session };
  await db.collection(C.sessions).doc(docId(session.tokenHash)).set({ data });
}

export async function getSession(db: WxDatabase, tokenHash: string): Promise<SessionRecord | null> {
  const doc = await readDoc(db.collection(C.sessions).doc(docId(tokenHash)));
  return doc ? recordOf(doc) : null;
}

export async function deleteSession(db: WxDatabase, tokenHash: string): Promise<void> {
  await db.collection(C.sessions).doc(docId(tokenHash)).remove();
}

export async function listUserSessions(db: WxDatabase, userId: string): Promise<SessionRecord[]> {
  const docs = await readAll(db, C.sessions, { userId });
  return docs.map(recordOf).filter((s): s is SessionRecord => s !== null);
}

export async function deleteUserSessions(db: WxDatabase, userId: string): Promise<void> {
  const docs = await readAll(db, C.sessions, { userId });
  await inBatches(docs, 10, (d) => db.collection(C.sessions).doc(String(d._id)).remove());
}
