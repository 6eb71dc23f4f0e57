/**
 * The campaign's data version document: `version` grows with every write that can change standings
 * (caches key on it); `campaign` grows only when the campaign itself is saved (the loaded campaign is
 * cached on it across posts); `posts` counts the campaign's posts; `currentOf` and `epoch` let a warm
 * instance keep the city and its users (./warm.ts); `heads` names each unit's newest figure snapshot
 * (./figure-docs.ts), `heads.u_<unit>: { k, last }`, written by the post in the update that bumps the
 * version; `figureDocs: 2` says that no latest document of an older program is left to read for this
 * campaign (the document was made by this program, or ./setup.ts `upgradeFigures` moved them all).
 *
 * `heads` grows with the units (some 40 bytes each), so the document is read with a projection: the
 * version fields, and the head of one unit when a post or the check of its author wants it; all heads only
 * where all are needed (the leaderboard's latest figures, the reminder's last post days).
 */
import { collections as C, docId } from './collections';
import type { Head } from './figure-docs';
import { readDoc } from './reads';
import { FIGURE_DOCS, headKey, projected, unitOfKey, versionFields } from './version-fields';
import { warmOf } from './warm';
import type { WxCommands, WxData, WxDatabase, WxDocRef, WxTransaction } from './wx-types';

/** In a transaction that writes the city document or one of its users: see ./warm.ts. No campaign: nothing. */
export async function bumpEpoch(
  t: Pick<WxTransaction, 'collection'>,
  _: Pick<WxCommands, 'inc'>,
  campaignId: string | null,
): Promise<void> {
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

/** Whether older latest documents may still hold figures of this campaign. */
export const hasOlderLatest = (doc: WxData | null): boolean => doc?.figureDocs !== FIGURE_DOCS;

/** The unit's head in a version document read with it (null: the unit has no snapshot yet). */
export function headIn(doc: WxData | null, unitId: string): Head | null {
  const heads = doc?.heads as Record<string, { k?: unknown; last?: unknown }> | undefined;
  const head = heads?.[headKey(unitId)];
  if (!head || typeof head.k !== 'number' || typeof head.last !== 'string') return null;
  return { k: head.k, last: head.last };
}

/** Every unit's head, keyed by unit. */
export function headsIn(doc: WxData | null): Map<string, Head> {
  const out = new Map<string, Head>();
  const heads = (doc?.heads ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(heads)) {
    const unitId = unitOfKey(key);
    const head = unitId === null ? null : headIn(doc, unitId);
    if (unitId !== null && head) out.set(unitId, head);
  }
  return out;
}

/** A version document without `heads` (or with one unit's), outside or inside a transaction. */
export function readVersionFields(ref: WxDocRef, unitId?: string): Promise<WxData | null> {
  return readDoc(projected(ref, versionFields(unitId)));
}

/**
 * Inside a transaction that has read the document (`existed`): one more version, `posts` more posts,
 * and `campaign` (0 or 1) more campaign saves. A document made here is of this program's layout.
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
  else await ref.set({ data: { campaignId, version: 1, campaign, posts, figureDocs: FIGURE_DOCS } });
}

/**
 * A post's version bump, without reading the document: one more version and post, and the unit's new
 * head. A campaign never saved has no document yet: then it is made, of this program's layout.
 */
export async function bumpForPost(
  t: Pick<WxTransaction, 'collection'>,
  _: Pick<WxCommands, 'inc'>,
  campaignId: string,
  unitId: string,
  head: Head,
): Promise<void> {
  const ref = versionRef(t, campaignId);
  const heads = { [headKey(unitId)]: { k: head.k, last: head.last } };
  const done = (await ref.update({
    data: { version: _.inc(1), posts: _.inc(1), heads },
  })) as { stats?: { updated?: number }; updated?: number };
  if ((done.stats?.updated ?? done.updated ?? 0) > 0) return;
  await ref.set({
    data: { campaignId, version: 1, campaign: 0, posts: 1, figureDocs: FIGURE_DOCS, heads },
  });
}

/** After the campaign itself was saved: both its data version and its campaign version grow. */
export async function bumpCampaignVersion(db: WxDatabase, campaignId: string): Promise<void> {
  await db.runTransaction(async (t) => {
    const doc = await readVersionFields(versionRef(t, campaignId));
    await writeVersion(t, db.command, campaignId, doc !== null, { posts: 0, campaign: 1 });
  });
  warmOf(db)?.wrote();
}

/**
 * The version document without heads, outside transactions: through the instance's warm cache when the
 * store has one (read once per call).
 */
export function versionDoc(db: WxDatabase, campaignId: string): Promise<WxData | null> {
  const warm = warmOf(db);
  return warm ? warm.versionDoc(campaignId) : readVersionFields(versionRef(db, campaignId));
}

export async function dataVersion(db: WxDatabase, campaignId: string): Promise<number> {
  return asVersion(await versionDoc(db, campaignId)).version;
}

export async function campaignVersion(db: WxDatabase, campaignId: string): Promise<number> {
  return asVersion(await versionDoc(db, campaignId)).campaign;
}

/** The version with every unit's head, read at one instant (the leaderboard's latest figures). */
export async function readHeads(
  db: WxDatabase,
  campaignId: string,
): Promise<{ version: number; heads: Map<string, Head>; older: boolean }> {
  const doc = await readDoc(
    projected(versionRef(db, campaignId), { version: true, figureDocs: true, heads: true }),
  );
  return { version: asVersion(doc).version, heads: headsIn(doc), older: hasOlderLatest(doc) };
}

/**
 * What a post needs of the version document before its transaction: the unit's head, and whether older
 * latest documents may exist — from the call's check on a warm instance when it carried this unit's head,
 * else read (`fresh`: always read, after the head was found stale).
 */
export async function postView(
  db: WxDatabase,
  campaignId: string,
  unitId: string,
  fresh: boolean,
): Promise<{ head: Head | null; older: boolean }> {
  const memo = fresh ? undefined : warmOf(db)?.versionDocWithHead(campaignId, unitId);
  const doc =
    memo !== undefined
      ? await memo
      : await readDoc(
          projected(versionRef(db, campaignId), { figureDocs: true, [`heads.${headKey(unitId)}`]: true }),
        );
  return { head: headIn(doc, unitId), older: hasOlderLatest(doc) };
}
