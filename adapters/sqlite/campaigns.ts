/**
 * The campaigns slice in SQLite: a campaign is saved whole (its tracks, metrics, units and targets replaced
 * in one transaction, keeping the order given) and loaded whole; plus the current-campaign setting.
 */
import type { Database } from 'better-sqlite3';
import type { Target, Unit } from '../../core/contract';
import type { CampaignData, CampaignStore, TrackRecord } from '../../core/app/campaigns/store';
import { type CampaignRow, type MetricRow, flag, toCampaign, toMetric } from './rows';

const currentKey = 'current_campaign_id';

export function campaignStore(db: Database): CampaignStore {
  const upsertCampaign = db.prepare(`
    INSERT INTO campaigns (id, name, start_date, end_date, timezone, weights, post_every_days, data_version)
    VALUES (@id, @name, @startDate, @endDate, @timezone, @weights, @postEveryDays, 1)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, start_date = excluded.start_date,
      end_date = excluded.end_date, timezone = excluded.timezone, weights = excluded.weights,
      post_every_days = excluded.post_every_days, data_version = data_version + 1,
      campaign_version = campaign_version + 1`);
  // Children first: targets name units and metrics, metrics name tracks.
  const clear = ['targets', 'metrics', 'tracks', 'units'].map((t) => db.prepare<[string]>(`DELETE FROM ${t} WHERE campaign_id = ?`));
  const insertTrack = db.prepare('INSERT INTO tracks VALUES (@campaignId, @id, @name, @leadUnitId, @position)');
  const insertMetric = db.prepare(
    'INSERT INTO metrics VALUES (@campaignId, @id, @trackId, @name, @measure, @kind, @direction, @reviewed, @position)',
  );
  const insertUnit = db.prepare('INSERT INTO units VALUES (@campaignId, @id, @name, @division, @position)');
  const insertTarget = db.prepare('INSERT INTO targets VALUES (@campaignId, @unitId, @metricId, @target, @position)');

  const getCampaign = db.prepare<[string], CampaignRow>('SELECT * FROM campaigns WHERE id = ?');
  const getTracks = db.prepare<[string], TrackRecord>(
    'SELECT id, name, lead_unit_id AS leadUnitId FROM tracks WHERE campaign_id = ? ORDER BY position',
  );
  const getMetrics = db.prepare<[string], MetricRow>('SELECT * FROM metrics WHERE campaign_id = ? ORDER BY position');
  const getUnits = db.prepare<[string], Unit>('SELECT id, name, division FROM units WHERE campaign_id = ? ORDER BY position');
  const getTargets = db.prepare<[string], Target>(
    'SELECT unit_id AS unitId, metric_id AS metricId, target FROM targets WHERE campaign_id = ? ORDER BY position',
  );
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const version = db.prepare<[string], { campaign_version: number }>('SELECT campaign_version FROM campaigns WHERE id = ?');
  const putSetting = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  const save = db.transaction((d: CampaignData) => {
    const c = d.campaign;
    const campaignId = c.id;
    upsertCampaign.run({ ...c, weights: JSON.stringify(c.weights), postEveryDays: c.postEveryDays ?? null });
    for (const stmt of clear) stmt.run(campaignId);
    d.tracks.forEach((t, position) => insertTrack.run({ campaignId, ...t, position }));
    d.metrics.forEach((m, position) => insertMetric.run({ campaignId, ...m, reviewed: flag(m.reviewed), position }));
    d.units.forEach((u, position) => insertUnit.run({ campaignId, ...u, position }));
    d.targets.forEach((t, position) => insertTarget.run({ campaignId, ...t, position }));
  });

  const load = (campaignId: string): CampaignData | null => {
    const row = getCampaign.get(campaignId);
    if (!row) return null;
    return {
      campaign: toCampaign(row),
      tracks: getTracks.all(campaignId),
      metrics: getMetrics.all(campaignId).map(toMetric),
      units: getUnits.all(campaignId),
      targets: getTargets.all(campaignId),
    };
  };

  const loadWhole = db.transaction(load);

  // `async` turns a thrown error (a constraint) into a rejected promise, as callers expect.
  return {
    saveCampaign: async (d) => save.immediate(d),
    loadCampaign: async (campaignId) => loadWhole(campaignId),
    getCurrentCampaignId: async () => getSetting.get(currentKey)?.value ?? null,
    setCurrentCampaignId: async (campaignId) => void putSetting.run(currentKey, campaignId),
    campaignVersion: async (campaignId) => version.get(campaignId)?.campaign_version ?? 0,
  };
}
