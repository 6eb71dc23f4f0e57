/**
 * The campaign's data version document: `version` grows with every write that can change standings
 * (caches key on it); `campaign` grows only when the campaign itself is saved (the loaded campaign is
 * cached on it across posts); `posts` counts the campaign's posts and gives each its sequence number,
 * the tie break of the feed when two posts share a time; `currentOf` and `epoch` let a warm instance
 * keep the city and its users (./warm.ts).
 */
import { collections as C, docId } from './collections';
import { readDoc } from './reads';
import { warmOf } from './warm';
import type { WxCommands, WxData, WxDatabase, WxTransaction } from './wx-types';

/**
 * In a transaction that writes the city document or one of its users: the city's current campaign's
 * `epoch` grows, so that instances drop what they kept of the city (./warm.ts). No such document: nothing.
 */
export async function bumpEpoch(t: Pick<WxTransaction, 'collection'>, _: Pick<WxCommands, 'inc'>, campaignId: string | null): Promise<void> {
  if (campaignId !== null) await versionRef(t, campaignId).update({ data: { epoch: _.inc(1) } });
}

export interface VersionDoc {
  version: number;
  campaign: number;
  posts: number;
}

export function versionRef(t: Pick<WxTransaction, 'collection'>, campaignId: string) {
  return t.collection(C.dataVersions).doc(docId(campaignId));
}

export function asVersion(doc: WxData | null): VersionDoc {
  return {
    version: Number(doc?.version ?? 0),
    campaign: Number(doc?.campaign ?? 0),
    posts: Number(doc?.posts ?? 0),
  };
}

/**
 * Inside a transaction that has read the document (`existed`): one more version, `posts` more posts,
 * and `campaign` (0 or 1) more campaign saves.
 */
export async function writeVersion(
  t: Pick<WxTransaction, 'collection'>,
  _: Pick<WxCommands, 'inc'>,
  campaignId: string,
  existed: boolean,
  change: { posts: number; campaign: number },
): Promise<void> {
  const ref = versionRef(t, campaignId);
  const { posts, campaign } = change;
  if (existed)
    await ref.update({ data: { version: _.inc(1), campaign: _.inc(campaign), posts: _.inc(posts) } });
  else await ref.set({ data: { campaignId, version: 1, campaign, posts } });
}

/** After the campaign itself was saved: both its data version and its campaign version grow. */
export async function bumpCampaignVersion(db: WxDatabase, campaignId: string): Promise<void> {
  await db.runTransaction(async (t) => {
    const doc = await readDoc(versionRef(t, campaignId));
    await writeVersion(t, db.command, campaignId, doc !== null, { posts: 0, campaign: 1 });
  });
  warmOf(db)?.wrote();
}

/** Outside transactions: through the instance's warm cache when the store has one (read once per call). */
function readVersionDoc(db: WxDatabase, campaignId: string): Promise<WxData | null> {
  const warm = warmOf(db);
  return warm ? warm.versionDoc(campaignId) : readDoc(db.collection(C.dataVersions).doc(docId(campaignId)));
}

export async function dataVersion(db: WxDatabase, campaignId: string): Promise<number> {
  return asVersion(await readVersionDoc(db, campaignId)).version;
}

export async function campaignVersion(db: WxDatabase, campaignId: string): Promise<number> {
  return asVersion(await readVersionDoc(db, campaignId)).campaign;
}
