/**
 * Sessions on the cloud database, one document per token, with `userId` beside the record so that all of
 * a user's sessions can be found (sign out everywhere). The cloud function needs none (the OPENID is the
 * identity), but the Store is one contract.
 */
import type { SessionRecord } from '../../core/app/people/store';
import { collections as C, docId } from './collections';
import { inBatches, readAll, readDoc } from './reads';
import type { WxDatabase } from './wx-types';

export async function putSession(db: WxDatabase, session: SessionRecord): Promise<void> {
  const data = { userId: session.userId, expiresAt: session.expiresAt, record: session };
  await db.collection(C.sessions).doc(docId(session.token)).set({ data });
}

export async function getSession(db: WxDatabase, token: string): Promise<SessionRecord | null> {
  const doc = await readDoc(db.collection(C.sessions).doc(docId(token)));
  return doc ? (doc.record as SessionRecord) : null;
}

export async function deleteSession(db: WxDatabase, token: string): Promise<void> {
  await db.collection(C.sessions).doc(docId(token)).remove();
}

export async function deleteUserSessions(db: WxDatabase, userId: string): Promise<void> {
  const docs = await readAll(db, C.sessions, { userId });
  await inBatches(docs, 10, (d) => db.collection(C.sessions).doc(String(d._id)).remove());
}
