/**
 * Deploying the Store: `ensureCollections` creates its collections on a fresh cloud environment (the
 * cloud refuses reads and writes to a collection that does not exist); `upgradeDocuments` rewrites
 * documents of an older schema version (./schema.ts) as this version writes them. Both are safe to run
 * again: what is done already is left as it is. For an admin `setup` action or a deploy script; indexes
 * and rules still come from the JSON files.
 */
import { DEFAULT_CITY } from '../../core/app/campaigns/store';
import { LEGACY_CITY_ORDER, cityDoc, legacyCity } from './campaigns';
import { collections as C, CURRENT_CAMPAIGN, docId } from './collections';
import { PAGE, inBatches, readDoc } from './reads';
import { SCHEMA_VERSION, absent, tooNew, upgraded, versionOf, type Versioned } from './schema';
import { withRetries } from './transaction';
import type { WxData, WxDatabase } from './wx-types';

/**
 * Whether `name` exists. wx-server-sdk reports "already exists" as a generic -501001 whose text is the
 * server's, so rather than read the text, a failed create is followed by a count, which only an
 * existing collection answers.
 */
async function exists(db: WxDatabase, name: string): Promise<boolean> {
  try {
    await db.collection(name).limit(1).count();
    return true;
  } catch {
    return false;
  }
}

/** The names created now (the others existed). */
export async function ensureCollections(
  db: WxDatabase,
  names: readonly string[] = Object.values(C),
): Promise<string[]> {
  const created: string[] = [];
  for (const name of names) {
    try {
      await db.createCollection(name);
      created.push(name);
    } catch (e) {
      if (!(await exists(db, name))) throw e;
    }
  }
  return created;
}

/** Documents changed by `upgradeDocuments`, by collection (a setting removed counts under `settings`). */
export type UpgradeCounts = Record<Versioned | typeof C.settings, number>;

/** The collections whose version-1 documents are rewritten, in this order. */
const rewritten = [C.campaigns, C.users, C.invites, C.notifications] as const;

/** Refuses, before writing anything, an environment that a newer program has written to. */
async function refuseNewer(db: WxDatabase): Promise<void> {
  for (const name of [C.cities, ...rewritten]) {
    const { data } = await db
      .collection(name)
      .where({ _v: db.command.gt(SCHEMA_VERSION) })
      .limit(1)
      .get();
    const doc = data[0];
    if (doc) throw tooNew(name, doc, versionOf(name, doc));
  }
}

/**
 * The default city's document from version 1's current-campaign setting, which is then removed. A city
 * document saved meanwhile is kept (it is newer than the setting).
 */
async function upgradeDefaultCity(db: WxDatabase): Promise<{ cities: number; settings: number }> {
  const legacy = await legacyCity(db);
  if (!legacy) return { cities: 0, settings: 0 };
  return db.runTransaction(async (t) => {
    const cityRef = t.collection(C.cities).doc(docId(DEFAULT_CITY.id));
    const settingRef = t.collection(C.settings).doc(CURRENT_CAMPAIGN);
    const setting = await readDoc(settingRef);
    const create = (await readDoc(cityRef)) === null;
    // The setting as read in the transaction: it may have changed since `legacyCity` read it.
    const current = typeof setting?.value === 'string' ? setting.value : null;
    if (create)
      await cityRef.set({ data: cityDoc({ ...legacy, currentCampaignId: current }, LEGACY_CITY_ORDER) });
    if (setting) await settingRef.remove();
    return { cities: create ? 1 : 0, settings: setting ? 1 : 0 };
  });
}

/**
 * Rewrites one collection's version-1 documents (those without `_v`), a page at a time: each in a
 * transaction that reads it again, so a write the app made meanwhile is upgraded, not overwritten.
 * A rewritten document leaves the query, so the next page is again the first one.
 */
async function rewriteV1(db: WxDatabase, name: (typeof rewritten)[number]): Promise<number> {
  let count = 0;
  for (;;) {
    const { data } = await db
      .collection(name)
      .where({ _v: absent(db) })
      .limit(PAGE)
      .get();
    let changed = 0;
    await inBatches(data, 10, async (found: WxData) => {
      const id = String(found._id);
      const done = await db.runTransaction(async (t) => {
        const ref = t.collection(name).doc(id);
        const doc = await readDoc(ref);
        if (!doc || versionOf(name, doc) !== 1) return false;
        const { _id: _ignored, ...fields } = upgraded(name, doc);
        await ref.set({ data: fields });
        return true;
      });
      if (done) changed += 1;
    });
    count += changed;
    // A short page was the last; a page of which nothing changed would come back again and again.
    if (data.length < PAGE || changed === 0) return count;
  }
}

/**
 * Brings every document up to this schema version: the default city from the old current-campaign
 * setting first (while version-1 campaigns still show it is needed, so a run cut short resumes), then
 * campaigns, users, invites and notifications gain their city (./schema.ts says how). Refuses an
 * environment a newer program has written to. Running it again changes nothing; the store reads
 * version-1 documents either way, so this may run after the new code is deployed.
 */
export async function upgradeDocuments(db: WxDatabase): Promise<UpgradeCounts> {
  const store = withRetries(db);
  await refuseNewer(store);
  const counts: UpgradeCounts = {
    cities: 0,
    campaigns: 0,
    users: 0,
    invites: 0,
    notifications: 0,
    settings: 0,
  };
  Object.assign(counts, await upgradeDefaultCity(store));
  for (const name of rewritten) counts[name] = await rewriteV1(store, name);
  return counts;
}
