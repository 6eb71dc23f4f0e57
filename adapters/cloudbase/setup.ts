/**
 * Deploying the Store: `ensureCollections` creates its collections on a fresh cloud environment (the
 * cloud refuses reads and writes to a collection that does not exist); `upgradeDocuments` rewrites
 * documents of an older schema version (./schema.ts) as this version writes them, and turns an older
 * program's latest figure documents into figure snapshots (./figure-docs.ts). Both are safe to run
 * again: what is done already is left as it is. For an admin `setup` action or a deploy script; indexes
 * and rules still come from the JSON files.
 */
import { DEFAULT_CITY } from '../../core/app/campaigns/store';
import { LEGACY_CITY_ORDER, cityDoc, legacyCity } from './campaigns';
import { collections as C, CURRENT_CAMPAIGN, docId } from './collections';
import { dayFromLatest, entries, lastPostDay, snapshotId, type LatestEntry } from './figure-docs';
import { PAGE, inBatches, readAll, readDoc } from './reads';
import { SCHEMA_VERSION, absent, tooNew, upgraded, versionOf, type Versioned } from './schema';
import { withRetries } from './transaction';
import { FIGURE_DOCS, headKey, projected, versionFields } from './version-fields';
import { headIn, versionRef } from './versions';
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

/**
 * Documents changed by `upgradeDocuments`, by collection (a setting removed counts under `settings`; an
 * older latest figure document turned into a snapshot under `latest_figures`).
 */
export type UpgradeCounts = Record<Versioned | typeof C.settings | typeof C.latestFigures, number>;

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
 * An older program kept each unit's latest figures in one latest document: each becomes the unit's first
 * snapshot (its state, its last post day, that day's figures), named by a head in the version document, in
 * a transaction that leaves alone a unit whose head a post wrote meanwhile (both write the version
 * document, so they conflict and this one is retried). The older daily documents stay: they are read with
 * the snapshots. Then the version document says none is left (`figureDocs`), and reads stop looking.
 */
async function upgradeFigures(db: WxDatabase): Promise<number> {
  let count = 0;
  for (;;) {
    const { data } = await db
      .collection(C.dataVersions)
      .where({ figureDocs: db.command.neq(FIGURE_DOCS) })
      .field(versionFields())
      .limit(PAGE)
      .get();
    for (const version of data) {
      const campaignId = String(version.campaignId ?? version._id);
      const latest = await readAll(db, C.latestFigures, { campaignId });
      await inBatches(latest, 10, async (doc: WxData) => {
        const unitId = String(doc.unitId);
        const last = lastPostDay(doc);
        if (last === null) return;
        const made = await db.runTransaction(async (t) => {
          const ref = versionRef(t, campaignId);
          if (headIn(await readDoc(projected(ref, versionFields(unitId))), unitId)) return false;
          const state = entries<LatestEntry>(doc, 'figures');
          const snapshot = {
            campaignId,
            unitId,
            k: 1,
            day: last,
            last,
            figures: dayFromLatest(state, last) ?? [],
            state,
            postId: null,
          };
          await t
            .collection(C.dailyFigures)
            .doc(snapshotId(campaignId, unitId, 1))
            .set({ data: snapshot });
          await ref.update({ data: { heads: { [headKey(unitId)]: { k: 1, last } } } });
          return true;
        });
        if (made) count += 1;
      });
      await versionRef(db, String(version._id)).update({ data: { figureDocs: FIGURE_DOCS } });
    }
    if (data.length < PAGE) return count;
  }
}

/**
 * Brings every document up to this schema version: the default city from the old current-campaign
 * setting first (while version-1 campaigns still show it is needed, so a run cut short resumes), then
 * campaigns, users, invites and notifications gain their city (./schema.ts says how); last, older latest
 * figure documents become snapshots (`upgradeFigures`). Refuses an environment a newer program has
 * written to. Running it again changes nothing; the store reads
 * version-1 documents and older figure documents either way, so this may run after the new code is deployed.
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
    latest_figures: 0,
  };
  Object.assign(counts, await upgradeDefaultCity(store));
  for (const name of rewritten) counts[name] = await rewriteV1(store, name);
  counts.latest_figures = await upgradeFigures(store);
  return counts;
}
