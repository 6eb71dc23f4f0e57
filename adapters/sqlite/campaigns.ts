/**
 * The campaigns slice in SQLite: cities (the tenants, each with its current campaign) and their campaigns.
 * A campaign is saved whole (its tracks, metrics, units and targets replaced in one transaction, keeping
 * the order given) and loaded whole; it keeps the city it was first saved for. A target's monthly figures
 * (0014_reviews) are JSON on its row, NULL when it has none.
 */
import type { Database } from 'better-sqlite3';
import type { Campaign, MonthlyTarget, Target, Unit } from '../../core/contract';
import type { CampaignData, CampaignStore, CityRecord, TrackRecord } from '../../core/app/campaigns/store';
import { type CampaignRow, type MetricRow, flag, toCampaign, toMetric } from './rows';

interface TargetRow {
  unitId: string;
  metricId: string;
  target: number;
  monthly: string | null;
}

const toTarget = ({ monthly, ...t }: TargetRow): Target =>
  monthly === null ? t : { ...t, monthly: JSON.parse(monthly) as MonthlyTarget[] };

interface CityRow {
  id: string;
  name: string;
  current_campaign_id: string | null;
}

const toCity = (r: CityRow): CityRecord => ({
  id: r.id,
  name: r.name,
  currentCampaignId: r.current_campaign_id,
});

export function campaignStore(db: Database): CampaignStore {
  const upsertCampaign = db.prepare(`
    INSERT INTO campaigns (id, city_id, name, start_date, end_date, timezone, weights, post_every_days, late_days, jump_multiple, explain_days, points_per_miss, interview_days, data_version)
    VALUES (@id, @cityId, @name, @startDate, @endDate, @timezone, @weights, @postEveryDays, @lateDays, @jumpMultiple, @explainDays, @pointsPerMiss, @interviewDays, 1)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, start_date = excluded.start_date,
      end_date = excluded.end_date, timezone = excluded.timezone, weights = excluded.weights,
      post_every_days = excluded.post_every_days, late_days = excluded.late_days, jump_multiple = excluded.jump_multiple,
      explain_days = excluded.explain_days, points_per_miss = excluded.points_per_miss, interview_days = excluded.interview_days,
      data_version = data_version + 1, campaign_version = campaign_version + 1`);
  const cityOf = db.prepare<[string], { city_id: string }>('SELECT city_id FROM campaigns WHERE id = ?');
  // Children first: targets name units and metrics, metrics name tracks.
  const clear = ['targets', 'metrics', 'tracks', 'units'].map((t) =>
    db.prepare<[string]>(`DELETE FROM ${t} WHERE campaign_id = ?`),
  );
  const insertTrack = db.prepare(
    'INSERT INTO tracks VALUES (@campaignId, @id, @name, @leadUnitId, @position)',
  );
  const insertMetric = db.prepare(
    `INSERT INTO metrics (campaign_id, id, track_id, name, measure, kind, direction, reviewed, position, range_min, range_max, paced)
     VALUES (@campaignId, @id, @trackId, @name, @measure, @kind, @direction, @reviewed, @position, @rangeMin, @rangeMax, @paced)`,
  );
  const insertUnit = db.prepare('INSERT INTO units VALUES (@campaignId, @id, @name, @division, @position)');
  const insertTarget = db.prepare(
    `INSERT INTO targets (campaign_id, unit_id, metric_id, target, position, monthly)
     VALUES (@campaignId, @unitId, @metricId, @target, @position, @monthly)`,
  );

  const getCampaign = db.prepare<[string], CampaignRow>('SELECT * FROM campaigns WHERE id = ?');
  const getTracks = db.prepare<[string], TrackRecord>(
    'SELECT id, name, lead_unit_id AS leadUnitId FROM tracks WHERE campaign_id = ? ORDER BY position',
  );
  const getMetrics = db.prepare<[string], MetricRow>(
    'SELECT * FROM metrics WHERE campaign_id = ? ORDER BY position',
  );
  const getUnits = db.prepare<[string], Unit>(
    'SELECT id, name, division FROM units WHERE campaign_id = ? ORDER BY position',
  );
  const getTargets = db.prepare<[string], TargetRow>(
    'SELECT unit_id AS unitId, metric_id AS metricId, target, monthly FROM targets WHERE campaign_id = ? ORDER BY position',
  );
  const byCity = db.prepare<[string], CampaignRow>(
    'SELECT * FROM campaigns WHERE city_id = ? ORDER BY start_date DESC, id',
  );
  const version = db.prepare<[string], { campaign_version: number }>(
    'SELECT campaign_version FROM campaigns WHERE id = ?',
  );

  const putCity = db.prepare<[string, string]>(
    'INSERT INTO cities (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
  );
  const getCity = db.prepare<[string], CityRow>(
    'SELECT id, name, current_campaign_id FROM cities WHERE id = ?',
  );
  const allCities = db.prepare<[], CityRow>('SELECT id, name, current_campaign_id FROM cities ORDER BY seq');
  // One statement: the city must exist (a row to update) and own the campaign, or nothing changes.
  const makeCurrent = db.prepare<{ cityId: string; campaignId: string }>(`
    UPDATE cities SET current_campaign_id = @campaignId
    WHERE id = @cityId AND EXISTS (SELECT 1 FROM campaigns WHERE id = @campaignId AND city_id = @cityId)`);

  const save = db.transaction((d: CampaignData) => {
    const c = d.campaign;
    const campaignId = c.id;
    // Checked before any write, in the same immediate transaction: a refused save changes nothing.
    const owner = cityOf.get(campaignId)?.city_id;
    if (owner !== undefined && owner !== d.cityId) {
      throw new Error(`竞赛「${campaignId}」属于另一个城市（${owner}），不能保存到城市「${d.cityId}」。`);
    }
    upsertCampaign.run({
      ...c,
      cityId: d.cityId,
      weights: JSON.stringify(c.weights),
      postEveryDays: c.postEveryDays ?? null,
      lateDays: c.lateDays ?? null,
      jumpMultiple: c.jumpMultiple ?? null,
      explainDays: c.explainDays ?? null,
      pointsPerMiss: c.pointsPerMiss ?? null,
      interviewDays: c.interviewDays ?? null,
    });
    for (const stmt of clear) stmt.run(campaignId);
    d.tracks.forEach((t, position) => insertTrack.run({ campaignId, ...t, position }));
    d.metrics.forEach((m, position) =>
      insertMetric.run({
        campaignId,
        ...m,
        reviewed: flag(m.reviewed),
        paced: flag(m.paced),
        position,
        rangeMin: m.range?.min ?? null,
        rangeMax: m.range?.max ?? null,
      }),
    );
    d.units.forEach((u, position) => insertUnit.run({ campaignId, ...u, position }));
    d.targets.forEach((t, position) =>
      insertTarget.run({
        campaignId,
        unitId: t.unitId,
        metricId: t.metricId,
        target: t.target,
        position,
        monthly: t.monthly === undefined ? null : JSON.stringify(t.monthly),
      }),
    );
  });

  const load = (campaignId: string): CampaignData | null => {
    const row = getCampaign.get(campaignId);
    if (!row) return null;
    return {
      cityId: row.city_id,
      campaign: toCampaign(row),
      tracks: getTracks.all(campaignId),
      metrics: getMetrics.all(campaignId).map(toMetric),
      units: getUnits.all(campaignId),
      targets: getTargets.all(campaignId).map(toTarget),
    };
  };

  const loadWhole = db.transaction(load);

  // `async` turns a thrown error (a constraint) into a rejected promise, as callers expect.
  return {
    saveCity: async (city) => void putCity.run(city.id, city.name),
    getCity: async (cityId) => {
      const row = getCity.get(cityId);
      return row ? toCity(row) : null;
    },
    listCities: async () => allCities.all().map(toCity),
    saveCampaign: async (d) => save.immediate(d),
    loadCampaign: async (campaignId) => loadWhole(campaignId),
    listCampaigns: async (cityId): Promise<Campaign[]> => byCity.all(cityId).map(toCampaign),
    setCurrentCampaign: async (cityId, campaignId) => makeCurrent.run({ cityId, campaignId }).changes === 1,
    campaignVersion: async (campaignId) => version.get(campaignId)?.campaign_version ?? 0,
  };
}
