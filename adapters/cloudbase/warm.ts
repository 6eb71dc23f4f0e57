/**
 * What a warm cloud function instance reuses between calls, kept right without waiting for a timeout.
 *
 * Every call of a signed-in user reads the version document of the current campaign of the user's city
 * (`data_versions/{campaignId}`, ./versions.ts) anyway: the loaded campaign and the standings are cached on
 * it. Two fields there make that one read also vouch for what the instance kept of the city and its users:
 * - `currentOf`: the city whose current campaign this is (null: none). setCurrentCampaign writes it with the
 *   city document in one transaction, so "A's document says currentOf X" holds exactly while X's current
 *   campaign is A.
 * - `epoch`: grows in the same transaction as any write of the city document or of one of its users
 *   (putUser: a role, unit, city or OPENID change). Subscription credits are left out (the reminder job
 *   spends them on every reminder): a kept user's `subscribeCredits` may lag another instance's writes;
 *   only notify.subscribe's cap on templates reads them, and the store applies every change atomically.
 * A kept city and its kept users (by OPENID) are used only after that read shows the same `currentOf` and
 * `epoch` they were kept with; otherwise they are dropped and read again. So a role change, a rebinding or a
 * current-campaign switch made on any instance takes effect on the next call, as before; a city without a
 * current campaign, or a version document without the fields (written by an older program), is never kept.
 * What is kept was read after the version document it is checked against (when not, it is read again:
 * once per city and per user on an instance), so that no change can fall between the two reads unseen.
 *
 * Within one call (`invocation`) a version document is read once: the campaign, the city, the identity and
 * the standings all ask for it, and one read at one instant answers them all; a write of one by this
 * instance drops what the call had read. It is read without the units' heads (./versions.ts), but for the
 * head of the caller's unit when the caller is a kept user: their post then knows its unit's newest figure
 * snapshot from the check itself.
 *
 * Figure snapshots (./figure-docs.ts) never change once written, so the instance keeps the newest one it
 * has seen of each unit (by `_id`, so a newer head simply misses): its own posts', and those the
 * leaderboard read. A post whose unit's snapshot is kept reads no figures before writing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CityRecord } from '../../core/app/campaigns/store';
import type { UserRecord } from '../../core/app/people/store';
import { collections as C, docId } from './collections';
import { readDoc } from './reads';
import { readVersioned } from './schema';
import { projected, versionFields } from './version-fields';
import type { WxData, WxDatabase } from './wx-types';

interface CityEntry {
  city: CityRecord;
  epoch: number;
  /** By OPENID. */
  users: Map<string, UserRecord>;
}

export interface Warm {
  /** Runs one call of the function: version documents are read once in it. */
  invocation<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * A campaign's version document, read once per call (without heads; with `unitId`'s head when this call
   * is the first to ask for it).
   */
  versionDoc(campaignId: string, unitId?: string): Promise<WxData | null>;
  /** The call's version document when it was read with `unitId`'s head; else undefined. */
  versionDocWithHead(campaignId: string, unitId: string): Promise<WxData | null> | undefined;
  /** The unit's snapshot `k`, when this instance has seen it. */
  snapshot(campaignId: string, unitId: string, k: number): WxData | undefined;
  /** Keeps a figure snapshot (the newest of its unit). */
  keepSnapshot(doc: WxData): void;
  /** How many of the campaign's units this instance keeps a snapshot of. */
  snapshotsHeld(campaignId: string): number;
  /** This instance wrote version documents: what the call had read of them is stale. */
  wrote(): void;
  city(cityId: string, read: () => Promise<CityRecord | null>): Promise<CityRecord | null>;
  userByOpenid(
    openid: string,
    read: () => Promise<UserRecord | null>,
    readCity: (cityId: string) => Promise<CityRecord | null>,
    readById: (userId: string) => Promise<UserRecord | null>,
  ): Promise<UserRecord | null>;
  /** This instance changed the user: forget what it kept of them. */
  forgetUser(userId: string): void;
}

const epochOf = (doc: WxData | null): number => Number(doc?.epoch ?? 0);

interface Memo {
  made: Promise<WxData | null>;
  /** The unit whose head was read with it. */
  unitId: string | undefined;
}

/** Campaigns whose snapshots are kept (~2 KB a unit: a province-sized city's is a few MB). */
const KEPT_CAMPAIGNS = 4;

export function createWarm(db: WxDatabase): Warm {
  const calls = new AsyncLocalStorage<Map<string, Memo>>();
  /** By campaign, then unit: the newest snapshot seen. */
  const snapshots = new Map<string, Map<string, WxData>>();
  const cities = new Map<string, CityEntry>();
  /** The city an OPENID's user was last seen in: where to look for them. */
  const cityOfOpenid = new Map<string, string>();

  const read = (campaignId: string, unitId?: string) =>
    readDoc(projected(db.collection(C.dataVersions).doc(docId(campaignId)), versionFields(unitId)));

  function versionDoc(campaignId: string, unitId?: string): Promise<WxData | null> {
    const memo = calls.getStore();
    if (!memo) return read(campaignId, unitId);
    const hit = memo.get(campaignId);
    if (hit) return hit.made;
    const made = read(campaignId, unitId);
    memo.set(campaignId, { made, unitId });
    made.catch(() => {
      if (memo.get(campaignId)?.made === made) memo.delete(campaignId);
    });
    return made;
  }

  async function valid(entry: CityEntry, unitId?: string): Promise<boolean> {
    const current = entry.city.currentCampaignId;
    if (current === null) return false;
    const doc = await versionDoc(current, unitId);
    return doc?.currentOf === entry.city.id && epochOf(doc) === entry.epoch;
  }

  /**
   * A version document from before `currentOf` was kept: written now, in a transaction that reads the
   * city, so that it never names a campaign the city has left (setCurrentCampaign writes this document
   * too, so the two conflict).
   */
  async function heal(cityId: string, campaignId: string): Promise<void> {
    await db.runTransaction(async (t) => {
      const city = await readVersioned(C.cities, t.collection(C.cities).doc(docId(cityId)));
      const record = city?.record as CityRecord | undefined;
      if (record?.currentCampaignId !== campaignId) return;
      await t
        .collection(C.dataVersions)
        .doc(docId(campaignId))
        .update({ data: { currentOf: cityId } });
    });
    calls.getStore()?.delete(campaignId);
  }

  async function city(
    cityId: string,
    readCity: () => Promise<CityRecord | null>,
  ): Promise<CityRecord | null> {
    const kept = cities.get(cityId);
    if (kept && (await valid(kept))) return kept.city;
    cities.delete(cityId);
    const first = await readCity();
    const current = first?.currentCampaignId ?? null;
    if (!first || current === null) return first;
    const doc = await versionDoc(current);
    if (doc && doc.currentOf === undefined) await heal(cityId, current);
    if (doc?.currentOf !== cityId) return first;
    // Read again after the version document, so that what is kept is no older than the epoch it is checked by.
    const again = await readCity();
    if (again?.currentCampaignId === current)
      cities.set(cityId, { city: again, epoch: epochOf(doc), users: new Map() });
    return again;
  }

  return {
    invocation: (fn) => calls.run(new Map(), fn),
    versionDoc,
    versionDocWithHead(campaignId, unitId) {
      const hit = calls.getStore()?.get(campaignId);
      return hit && hit.unitId === unitId ? hit.made : undefined;
    },
    snapshot(campaignId, unitId, k) {
      const kept = snapshots.get(campaignId)?.get(unitId);
      return kept && kept.k === k ? kept : undefined;
    },
    keepSnapshot(doc) {
      const campaignId = String(doc.campaignId);
      let units = snapshots.get(campaignId);
      if (!units) {
        snapshots.set(campaignId, (units = new Map()));
        if (snapshots.size > KEPT_CAMPAIGNS) snapshots.delete(snapshots.keys().next().value!);
      }
      const kept = units.get(String(doc.unitId));
      if (!kept || Number(kept.k) < Number(doc.k)) units.set(String(doc.unitId), doc);
    },
    snapshotsHeld: (campaignId) => snapshots.get(campaignId)?.size ?? 0,
    wrote: () => calls.getStore()?.clear(),
    city,
    async userByOpenid(openid, readUser, readCity, readById) {
      const cityId = cityOfOpenid.get(openid);
      const kept = cityId === undefined ? undefined : cities.get(cityId);
      // The check carries the head of the kept user's unit: their post will want it (./commit-post.ts).
      const unitId = kept?.users.get(openid)?.unitId ?? undefined;
      if (kept && (await valid(kept, unitId))) {
        const hit = kept.users.get(openid);
        if (hit) return hit;
        // Read after the version document: kept under its epoch as it is.
        const user = await readUser();
        if (user && user.cityId === kept.city.id) {
          kept.users.set(openid, user);
          return user;
        }
        if (user) cityOfOpenid.set(openid, user.cityId);
        else cityOfOpenid.delete(openid);
        return user;
      }
      const user = await readUser();
      if (!user) {
        cityOfOpenid.delete(openid);
        return null;
      }
      cityOfOpenid.set(openid, user.cityId);
      const entry = (await city(user.cityId, () => readCity(user.cityId)))
        ? cities.get(user.cityId)
        : undefined;
      if (!entry) return user;
      // The version document was read after `user`: read the user again before keeping them under its epoch.
      const again = await readById(user.id);
      if (again && again.openid === openid && again.cityId === entry.city.id) entry.users.set(openid, again);
      return again && again.openid === openid ? again : null;
    },
    forgetUser(userId) {
      for (const entry of cities.values())
        for (const [openid, user] of entry.users) if (user.id === userId) entry.users.delete(openid);
    },
  };
}

const WARM = Symbol('warm');

/**
 * The store's database handle carrying the instance's warm cache, so that every slice (and ./versions.ts,
 * which the standings slice calls with that handle) finds it without another parameter.
 */
export function withWarm(db: WxDatabase, warm: Warm): WxDatabase {
  return Object.create(db, { [WARM]: { value: warm } }) as WxDatabase;
}

export const warmOf = (db: WxDatabase): Warm | undefined => (db as { [WARM]?: Warm })[WARM];
