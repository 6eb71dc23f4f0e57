/**
 * Users and sessions on the cloud database: one document each, keyed by user id and by token.
 * `isDemo` is kept beside the record so that demo login can list the demo users with one indexed query.
 */
import type { SessionRecord, UserRecord } from '../../core/app/ports';
import { collections as C, docId } from './collections';
import { readAll, readDoc } from './reads';
import type { WxDatabase } from './wx-types';

export async function putUser(db: WxDatabase, user: UserRecord): Promise<void> {
  await db
    .collection(C.users)
    .doc(docId(user.id))
    .set({ data: { isDemo: user.demo === true, record: user } });
}

export async function getUser(db: WxDatabase, userId: string): Promise<UserRecord | null> {
  const doc = await readDoc(db.collection(C.users).doc(docId(userId)));
  return doc ? (doc.record as UserRecord) : null;
}

export async function listUsers(db: WxDatabase, filter: { demo?: boolean } = {}): Promise<UserRecord[]> {
  const where = filter.demo === undefined ? {} : { isDemo: filter.demo };
  return (await readAll(db, C.users, where)).map((d) => d.record as UserRecord);
}

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
