/**
 * A campaign as an admin writes it for the `loadCampaign` task: the API's shapes (metrics inside their
 * track), checked whole before anything is saved — unique ids, targets that name a unit and a metric of
 * this campaign, a start before the end — and turned into the Store's CampaignData.
 */
import { z } from 'zod';
import { Campaign, Target, Track, Unit } from '../../core/contract';
import type { CampaignData } from '../../core/app/ports';

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

export const CampaignFile = z
  .object({
    campaign: Campaign,
    tracks: z.array(Track).min(1, '至少需要一个子活动（tracks）'),
    units: z.array(Unit).min(1, '至少需要一个单位（units）'),
    targets: z.array(Target),
  })
  .superRefine((file, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const metricIds = file.tracks.flatMap((t) => t.metrics.map((m) => m.id));
    const unitIds = file.units.map((u) => u.id);
    for (const [what, ids, path] of [
      ['子活动', file.tracks.map((t) => t.id), 'tracks'],
      ['指标', metricIds, 'tracks'],
      ['单位', unitIds, 'units'],
    ] as const) {
      const dup = duplicates(ids);
      if (dup.length > 0) issue(`${what} ID 重复：${dup.join('、')}`, [path]);
    }
    const pairs = file.targets.map((t) => `${t.unitId}/${t.metricId}`);
    const dupTargets = duplicates(pairs);
    if (dupTargets.length > 0) issue(`同一单位、指标的目标重复：${dupTargets.join('、')}`, ['targets']);
    const units = new Set(unitIds);
    const metrics = new Set(metricIds);
    file.targets.forEach((t, i) => {
      if (!units.has(t.unitId)) issue(`目标中的单位「${t.unitId}」不在 units 中`, ['targets', i, 'unitId']);
      if (!metrics.has(t.metricId)) issue(`目标中的指标「${t.metricId}」不在任何子活动中`, ['targets', i, 'metricId']);
    });
    if (file.campaign.startDate > file.campaign.endDate) {
      issue('开始日期不能晚于结束日期', ['campaign', 'endDate']);
    }
  });
export type CampaignFile = z.infer<typeof CampaignFile>;

export function toCampaignData(file: CampaignFile): CampaignData {
  return {
    campaign: file.campaign,
    tracks: file.tracks.map(({ metrics: _metrics, ...track }) => track),
    metrics: file.tracks.flatMap((t) => t.metrics.map((m) => ({ ...m, trackId: t.id }))),
    units: file.units,
    targets: file.targets,
  };
}
