/**
 * Cities and campaigns on the cloud database. A city is one document, its record holding its current
 * campaign, and `order` its place in the list (a counter in `settings`, taken in the transaction that
 * inserts it). A campaign is the campaign document, naming its city, plus one document per track, metric,
 * unit and target, each tagged with its campaign and its position, so that a campaign loads back exactly
 * as saved (a target's `monthly` months, for the monthly 通报, are part of its record: kept in their
 * order, each month's optional figures absent when absent). Saving is not one transaction (a transaction
 * cannot hold hundreds of documents): children are written first, stale ones removed, the campaign
 * document last, then the data and campaign versions are bumped. This file is the campaigns slice of the
 * Store.
 *
 * Before cities (schema version 1, ./schema.ts) there was one current campaign, `settings/currentCampaign`.
 * Until `upgradeDocuments` (./setup.ts) turns it into the default city's document, the default city is
 * presented from it (or from any version-1 campaign), so an upgraded program on old data keeps working.
 */
import type { Campaign } from '../../core/contract';
import {
  DEFAULT_CITY,
  type CampaignData,
  type CampaignStore,
  type CityRecord,
} from '../../core/app/campaigns/store';
import { collections as C, CITY_ORDER, CURRENT_CAMPAIGN, docId } from './collections';
import { inBatches, readAll, readDoc } from './reads';
import { absent, readAllVersioned, readCity, readVersioned, stamped, upgraded } from './schema';
import { bumpCampaignVersion, bumpEpoch, campaignVersion, versionRef } from './versions';
import { warmOf } from './warm';
import type { WxData, WxDatabase } from './wx-types';

type Child = 'tracks' | 'metrics' | 'units' | 'targets';
const children: readonly Child[] = ['tracks', 'metrics', 'units', 'targets'];

/** The place of the default city presented from version-1 data: it was there before any city saved. */
export const LEGACY_CITY_ORDER = 0;

export const cityDoc = (city: CityRecord, order: number): WxData => stamped({ order, record: city });

/**
 * The default city as version-1 data implies it, or null when there is none: the old current-campaign
 * setting, or a campaign saved before cities, says the environment was in use.
 */
export async function legacyCity(db: WxDatabase): Promise<CityRecord | null> {
  const setting = await readDoc(db.collection(C.settings).doc(CURRENT_CAMPAIGN));
  if (!setting) {
    const { data } = await db
      .collection(C.campaigns)
      .where({ cityId: absent(db) })
      .field({ _id: true })
      .limit(1)
      .get();
    if (data.length === 0) return null;
  }
  const current = typeof setting?.value === 'string' ? setting.value : null;
  return { id: DEFAULT_CITY.id, name: DEFAULT_CITY.name, currentCampaignId: current };
}

const cityOf = (doc: WxData): CityRecord => doc.record as CityRecord;

async function saveCity(db: WxDatabase, city: { id: string; name: string }): Promise<void> {
  // Outside the transaction (it queries); it only matters for the default city with no document yet.
  const legacy = city.id === DEFAULT_CITY.id ? await legacyCity(db) : null;
  await db.runTransaction(async (t) => {
    const ref = t.collection(C.cities).doc(docId(city.id));
    const before = await readVersioned(C.cities, ref);
    if (before) {
      const record: CityRecord = { ...cityOf(before), name: city.name };
      await ref.set({ data: cityDoc(record, Number(before.order)) });
      await bumpEpoch(t, db.command, record.currentCampaignId);
      return;
    }
    if (legacy) {
      // Naming the default city keeps the current campaign version 1 had, and its place first.
      await ref.set({ data: cityDoc({ ...legacy, name: city.name }, LEGACY_CITY_ORDER) });
      return;
    }
    const counterRef = t.collection(C.settings).doc(CITY_ORDER);
    const order = Number((await readDoc(counterRef))?.value ?? 0) + 1;
    await counterRef.set({ data: { value: order } });
    await ref.set({ data: cityDoc({ id: city.id, name: city.name, currentCampaignId: null }, order) });
  });
  warmOf(db)?.wrote();
}

export async function readCityRecord(db: WxDatabase, cityId: string): Promise<CityRecord | null> {
  const doc = await readVersioned(C.cities, db.collection(C.cities).doc(docId(cityId)));
  if (doc) return cityOf(doc);
  return cityId === DEFAULT_CITY.id ? legacyCity(db) : null;
}

/** A warm instance keeps the city while its current campaign's version document vouches for it (./warm.ts). */
function getCity(db: WxDatabase, cityId: string): Promise<CityRecord | null> {
  const warm = warmOf(db);
  return warm ? warm.city(cityId, () => readCityRecord(db, cityId)) : readCityRecord(db, cityId);
}

async function listCities(db: WxDatabase): Promise<CityRecord[]> {
  // Cities are few: all of them, ordered here (ties, which one counter cannot give, by id).
  const docs = (await readAllVersioned(db, C.cities, {})).sort(
    (a, b) => Number(a.order) - Number(b.order) || String(a._id).localeCompare(String(b._id)),
  );
  const cities = docs.map(cityOf);
  if (cities.some((c) => c.id === DEFAULT_CITY.id)) return cities;
  const legacy = await legacyCity(db);
  return legacy ? [legacy, ...cities] : cities;
}

function childDocs(data: CampaignData): Record<Child, Map<string, WxData>> {
  const campaignId = data.campaign.id;
  const tag = <T extends object>(keyOf: (r: T) => string[], records: readonly T[]) =>
    new Map(
      records.map((record, order) => [docId(campaignId, ...keyOf(record)), { campaignId, order, record }]),
    );
  return {
    tracks: tag((t) => [t.id], data.tracks),
    metrics: tag((m) => [m.id], data.metrics),
    units: tag((u) => [u.id], data.units),
    targets: tag((t) => [t.unitId, t.metricId], data.targets),
  };
}

const cityTaken = (campaignId: string, cityId: string) =>
  Object.assign(new Error(`活动编号 ${campaignId} 已被城市 ${cityId} 的活动使用，请换一个编号`), {
    code: 'CONFLICT',
  });

async function saveCampaign(db: WxDatabase, data: CampaignData): Promise<void> {
  const campaignId = data.campaign.id;
  // Checked before anything is written: a campaign never moves to another city. (Two saves of one new
  // id for two cities at the same instant are not told apart: saving is not one transaction.)
  const existing = await readVersioned(C.campaigns, db.collection(C.campaigns).doc(docId(campaignId)));
  if (existing && existing.cityId !== data.cityId) throw cityTaken(campaignId, String(existing.cityId));
  const wanted = childDocs(data);
  for (const kind of children) {
    const name = C[kind];
    await inBatches([...wanted[kind]], 10, ([id, doc]) => db.collection(name).doc(id).set({ data: doc }));
    const stored = await readAll(db, name, { campaignId });
    const stale = stored.map((d) => String(d._id)).filter((id) => !wanted[kind].has(id));
    await inBatches(stale, 10, (id) => db.collection(name).doc(id).remove());
  }
  await db
    .collection(C.campaigns)
    .doc(docId(campaignId))
    .set({ data: stamped({ cityId: data.cityId, record: data.campaign }) });
  // New targets or weights change the standings, and the loaded campaign: caches keyed on either drop.
  await bumpCampaignVersion(db, campaignId);
}

const records = <T>(docs: WxData[]): T[] =>
  [...docs].sort((a, b) => Number(a.order) - Number(b.order)).map((d) => d.record as T);

async function loadCampaign(db: WxDatabase, campaignId: string): Promise<CampaignData | null> {
  const doc = await readVersioned(C.campaigns, db.collection(C.campaigns).doc(docId(campaignId)));
  if (!doc) return null;
  const [tracks, metrics, units, targets] = await Promise.all(
    children.map((kind) => readAll(db, C[kind], { campaignId })),
  );
  return {
    cityId: doc.cityId as string,
    campaign: doc.record as Campaign,
    tracks: records(tracks ?? []),
    metrics: records(metrics ?? []),
    units: records(units ?? []),
    targets: records(targets ?? []),
  };
}

async function listCampaigns(db: WxDatabase, cityId: string): Promise<Campaign[]> {
  const campaigns = (await readCity(db, C.campaigns, cityId)).map((d) => d.record as Campaign);
  const byId = (a: Campaign, b: Campaign) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // Days are ISO dates: as strings they sort as dates.
  return campaigns.sort((a, b) =>
    a.startDate !== b.startDate ? (a.startDate < b.startDate ? 1 : -1) : byId(a, b),
  );
}

async function setCurrentCampaign(db: WxDatabase, cityId: string, campaignId: string): Promise<boolean> {
  const legacy = cityId === DEFAULT_CITY.id ? await legacyCity(db) : null;
  const done = await db.runTransaction(async (t) => {
    const cityRef = t.collection(C.cities).doc(docId(cityId));
    const stored = await readVersioned(C.cities, cityRef);
    const campaign = await readDoc(t.collection(C.campaigns).doc(docId(campaignId)));
    const city = stored ? cityOf(stored) : legacy;
    if (!city || !campaign || upgraded(C.campaigns, campaign).cityId !== cityId) return false;
    const order = stored ? Number(stored.order) : LEGACY_CITY_ORDER;
    await cityRef.set({ data: cityDoc({ ...city, currentCampaignId: campaignId }, order) });
    // With the city document: the campaign left no longer vouches for the city, the new one does (./warm.ts).
    const left = city.currentCampaignId;
    if (left !== null && left !== campaignId) await versionRef(t, left).update({ data: { currentOf: null } });
    await versionRef(t, campaignId).update({ data: { currentOf: cityId, epoch: db.command.inc(1) } });
    return true;
  });
  warmOf(db)?.wrote();
  return done;
}

export const campaignStore = (db: WxDatabase): CampaignStore => ({
  saveCity: (city) => saveCity(db, city),
  getCity: (cityId) => getCity(db, cityId),
  listCities: () => listCities(db),
  saveCampaign: (data) => saveCampaign(db, data),
  loadCampaign: (campaignId) => loadCampaign(db, campaignId),
  listCampaigns: (cityId) => listCampaigns(db, cityId),
  setCurrentCampaign: (cityId, campaignId) => setCurrentCampaign(db, cityId, campaignId),
  campaignVersion: (campaignId) => campaignVersion(db, campaignId),
});
