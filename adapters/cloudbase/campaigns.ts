/**
 * Campaigns on the cloud database: the campaign document plus one document per track, metric, unit and
 * target, each tagged with its campaign and its position, so that a campaign loads back exactly as saved.
 * Saving is not one transaction (a transaction cannot hold hundreds of documents): children are written
 * first, stale ones removed, the campaign document last, then the data and campaign versions are bumped.
 * This file is the campaigns slice of the Store.
 */
import type { CampaignData, CampaignStore } from '../../core/app/campaigns/store';
import { collections as C, CURRENT_CAMPAIGN, docId } from './collections';
import { inBatches, readAll, readDoc } from './reads';
import { bumpCampaignVersion, campaignVersion } from './versions';
import type { WxData, WxDatabase } from './wx-types';

type Child = 'tracks' | 'metrics' | 'units' | 'targets';
const children: readonly Child[] = ['tracks', 'metrics', 'units', 'targets'];

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

async function saveCampaign(db: WxDatabase, data: CampaignData): Promise<void> {
  const campaignId = data.campaign.id;
  const wanted = childDocs(data);
  for (const kind of children) {
    const name = C[kind];
    await inBatches([...wanted[kind]], 10, ([id, doc]) => db.collection(name).doc(id).set({ data: doc }));
    const existing = await readAll(db, name, { campaignId });
    const stale = existing.map((d) => String(d._id)).filter((id) => !wanted[kind].has(id));
    await inBatches(stale, 10, (id) => db.collection(name).doc(id).remove());
  }
  await db
    .collection(C.campaigns)
    .doc(docId(campaignId))
    .set({ data: { record: data.campaign } });
  // New targets or weights change the standings, and the loaded campaign: caches keyed on either drop.
  await bumpCampaignVersion(db, campaignId);
}

const records = <T>(docs: WxData[]): T[] =>
  [...docs].sort((a, b) => Number(a.order) - Number(b.order)).map((d) => d.record as T);

async function loadCampaign(db: WxDatabase, campaignId: string): Promise<CampaignData | null> {
  const doc = await readDoc(db.collection(C.campaigns).doc(docId(campaignId)));
  if (!doc) return null;
  const [tracks, metrics, units, targets] = await Promise.all(
    children.map((kind) => readAll(db, C[kind], { campaignId })),
  );
  return {
    campaign: doc.record as CampaignData['campaign'],
    tracks: records(tracks ?? []),
    metrics: records(metrics ?? []),
    units: records(units ?? []),
    targets: records(targets ?? []),
  };
}

async function getCurrentCampaignId(db: WxDatabase): Promise<string | null> {
  const doc = await readDoc(db.collection(C.settings).doc(CURRENT_CAMPAIGN));
  return typeof doc?.value === 'string' ? doc.value : null;
}

async function setCurrentCampaignId(db: WxDatabase, campaignId: string): Promise<void> {
  await db
    .collection(C.settings)
    .doc(CURRENT_CAMPAIGN)
    .set({ data: { value: campaignId } });
}

export const campaignStore = (db: WxDatabase): CampaignStore => ({
  saveCampaign: (data) => saveCampaign(db, data),
  loadCampaign: (campaignId) => loadCampaign(db, campaignId),
  getCurrentCampaignId: () => getCurrentCampaignId(db),
  setCurrentCampaignId: (campaignId) => setCurrentCampaignId(db, campaignId),
  campaignVersion: (campaignId) => campaignVersion(db, campaignId),
});
