/**
 * Invite codes on the cloud database: one document per code. Redeeming reads and rewrites that one
 * document in a transaction, so of two people typing the same code at once exactly one wins: the other's
 * transaction conflicts, runs again, and finds the code used. Read through ./schema.ts: a code made
 * before cities makes a user of the default city.
 */
import type { InviteRecord } from '../../core/app/people/store';
import { collections as C, docId } from './collections';
import { readVersioned, stamped } from './schema';
import type { WxData, WxDatabase } from './wx-types';

const fields = (invite: InviteRecord): WxData =>
  stamped({ expiresAt: invite.expiresAt, usedBy: invite.usedBy, record: invite });

export async function createInvite(db: WxDatabase, invite: InviteRecord): Promise<void> {
  // `add` with the code as _id refuses a code that exists: a collision must not revive a used code.
  await db.collection(C.invites).add({ data: { _id: docId(invite.code), ...fields(invite) } });
}

export async function redeemInvite(
  db: WxDatabase,
  code: string,
  userId: string,
  at: number,
): Promise<InviteRecord | null> {
  return db.runTransaction(async (t) => {
    const ref = t.collection(C.invites).doc(docId(code));
    const doc = await readVersioned(C.invites, ref);
    if (!doc) return null;
    const invite = doc.record as InviteRecord;
    if (invite.usedBy !== null || !(at < invite.expiresAt)) return null;
    const used: InviteRecord = { ...invite, usedBy: userId, usedAt: at };
    await ref.set({ data: fields(used) });
    return used;
  });
}
