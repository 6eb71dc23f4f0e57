/** The campaign as the pages look it up: metrics by id, a unit's targets, its metrics. */
import type { ActionOutput, Campaign, Metric, Track, Unit } from '../../core/contract';

export type MetricInfo = Metric & { trackId: string; trackName: string };

export interface Arena {
  campaign: Campaign;
  tracks: Track[];
  units: Unit[];
  divisions: string[];
  metric: (metricId: string) => MetricInfo | undefined;
  target: (unitId: string, metricId: string) => number | undefined;
  /** The metrics a unit has a target on, in track order. */
  metricsOf: (unitId: string) => MetricInfo[];
  unit: (unitId: string) => Unit | undefined;
}

export function buildArena(data: ActionOutput<'campaign.current'>): Arena {
  const metrics = new Map<string, MetricInfo>();
  for (const t of data.tracks)
    for (const m of t.metrics) metrics.set(m.id, { ...m, trackId: t.id, trackName: t.name });
  const targets = new Map<string, number>();
  for (const t of data.targets) targets.set(`${t.unitId}\u0000${t.metricId}`, t.target);
  const units = new Map(data.units.map((u) => [u.id, u]));
  const divisions = [...new Set(data.units.map((u) => u.division))];
  return {
    campaign: data.campaign,
    tracks: data.tracks,
    units: data.units,
    divisions,
    metric: (id) => metrics.get(id),
    target: (unitId, metricId) => targets.get(`${unitId}\u0000${metricId}`),
    metricsOf: (unitId) => [...metrics.values()].filter((m) => targets.has(`${unitId}\u0000${m.id}`)),
    unit: (id) => units.get(id),
  };
}
