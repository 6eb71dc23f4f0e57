/**
 * A synthetic city for the benchmark: `units` units in 5 divisions, 20 metrics in 3 tracks (every kind,
 * one `down`), a target for every (unit, metric), one reporter per unit and a city leader.
 */
import { addDays } from '../core/domain/days';
import type { CampaignData, MetricRecord, UserRecord } from '../core/app/ports';
import type { Day, Unit } from '../core/contract';

export const benchCampaignId = 'bench-city';
/** The city (tenant) the bench campaign and its people belong to. */
export const benchCity = { id: 'bench', name: '压测市' };
export const metricCount = 20;

export interface City {
  data: CampaignData;
  reporters: UserRecord[];
  leader: UserRecord;
}

function metricAt(i: number): MetricRecord {
  const trackId = `t${i % 3}`;
  const id = `m${String(i).padStart(2, '0')}`;
  if (i === metricCount - 1)
    return { id, trackId, name: `指标${i}（不良率）`, measure: '%', kind: 'rate', direction: 'down' };
  const kind = i < 10 ? 'cumulative' : i < 15 ? 'rate' : 'count';
  return {
    id,
    trackId,
    name: `指标${i}`,
    measure: kind === 'rate' ? '%' : kind === 'count' ? '个' : '亿元',
    kind,
    direction: 'up',
    reviewed: i < 2,
  };
}

/** Target of a (unit, metric): varied so units differ, fixed so runs compare. */
export const targetOf = (unitIndex: number, metric: MetricRecord, metricIndex: number): number => {
  if (metric.direction === 'down') return 3;
  if (metric.kind === 'rate') return 100;
  return 10 + ((unitIndex * 7 + metricIndex * 13) % 40);
};

export function buildCity(unitCount: number, today: Day, elapsedDays: number): City {
  const metrics = Array.from({ length: metricCount }, (_, i) => metricAt(i));
  const units: Unit[] = Array.from({ length: unitCount }, (_, i) => ({
    id: `u${String(i).padStart(4, '0')}`,
    name: `单位${i}`,
    division: `片区${i % 5}`,
  }));
  const startDate = addDays(today, -elapsedDays);
  const data: CampaignData = {
    cityId: benchCity.id,
    campaign: {
      id: benchCampaignId,
      name: '基准测试城市',
      startDate,
      endDate: addDays(startDate, 99),
      timezone: 'Asia/Shanghai',
      weights: { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 },
    },
    tracks: [0, 1, 2].map((t) => ({ id: `t${t}`, name: `子活动${t}`, leadUnitId: units[t]?.id ?? 'u0000' })),
    metrics,
    units,
    targets: units.flatMap((u, ui) =>
      metrics.map((m, mi) => ({ unitId: u.id, metricId: m.id, target: targetOf(ui, m, mi) })),
    ),
  };
  const reporters = units.map((u, i) => ({
    id: `r${i}`,
    name: `填报员${i}`,
    role: 'reporter' as const,
    cityId: benchCity.id,
    unitId: u.id,
  }));
  const leader: UserRecord = {
    id: 'leader',
    name: '市领导',
    role: 'leader',
    cityId: benchCity.id,
    unitId: null,
  };
  return { data, reporters, leader };
}

/** A plausible value of metric `mi` for unit `ui` after `elapsed` of 100 days (running totals grow). */
export function valueOn(ui: number, mi: number, elapsed: number, metric: MetricRecord): number {
  const spread = 0.6 + ((ui * 31 + mi * 17) % 90) / 100; // 0.6 … 1.49 of 序时
  if (metric.direction === 'down') return 3.6 - 0.01 * elapsed * spread;
  if (metric.kind === 'rate') return Math.min(100, 40 + elapsed * spread);
  const target = targetOf(ui, metric, mi);
  const raw = (target * spread * elapsed) / 100;
  return metric.kind === 'count' ? Math.floor(raw) : Math.round(raw * 100) / 100;
}
