/**
 * A campaign as an admin writes it (`admin.campaign.save`, the console's `loadCampaign`) and reads it back
 * (`admin.campaign.load`): the API's shapes, metrics inside their track, checked whole before anything is
 * saved — a time zone the clock can read, unique ids, targets that name a unit and a metric of this campaign, a start before the end.
 */
import { z } from 'zod';
import { Campaign, Target, Track, Unit } from './entities';

/**
 * A zone the server's clock can read: dayjs throws on any other, and every read of the campaign would then
 * fail. Asia/Shanghai is read without Intl's zone data (see domain/days.ts), so it needs no lookup here.
 */
function knownTimeZone(tz: string): boolean {
  if (tz === 'Asia/Shanghai') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

export const CampaignFile = z
  .object({
    campaign: Campaign.extend({
      id: z.string({ error: '竞赛 ID 应为字符串' }).min(1, '请提供竞赛 ID').max(100, '竞赛 ID 过长'),
      name: z
        .string({ error: '竞赛名称应为文字' })
        .trim()
        .min(1, '请填写竞赛名称')
        .max(100, '竞赛名称最多 100 字'),
      timezone: z
        .string({ error: '时区应为文字' })
        .refine(knownTimeZone, {
          error: (i) => `无法识别的时区「${String(i.input).slice(0, 40)}」：请填写如 Asia/Shanghai 的时区名`,
        }),
    }),
    tracks: z.array(Track).min(1, '至少需要一个子活动（tracks）'),
    units: z.array(Unit).min(1, '至少需要一个单位（units）'),
    targets: z.array(Target),
  })
  .superRefine((file, ctx) => {
    const issue = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path });
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
    const dupTargets = duplicates(file.targets.map((t) => `${t.unitId}/${t.metricId}`));
    if (dupTargets.length > 0) issue(`同一单位、指标的目标重复：${dupTargets.join('、')}`, ['targets']);
    const units = new Set(unitIds);
    const metrics = new Set(metricIds);
    const ranged = new Map(
      file.tracks.flatMap((t) => t.metrics.flatMap((m) => (m.range ? [[m.id, m] as const] : []))),
    );
    file.targets.forEach((t, i) => {
      if (!units.has(t.unitId)) issue(`目标中的单位「${t.unitId}」不在 units 中`, ['targets', i, 'unitId']);
      if (!metrics.has(t.metricId))
        issue(`目标中的指标「${t.metricId}」不在任何子活动中`, ['targets', i, 'metricId']);
      const months = duplicates((t.monthly ?? []).map((m) => m.period));
      if (months.length > 0)
        issue(`单位「${t.unitId}」的「${t.metricId}」月度目标的月份重复：${months.join('、')}`, ['targets', i, 'monthly']);
      // A target outside its metric's own range could never be reported, let alone reached.
      const m = ranged.get(t.metricId);
      if (m?.range && (t.target < m.range.min || t.target > m.range.max)) {
        issue(
          `单位「${t.unitId}」的「${m.name}」目标 ${t.target}${m.measure} 超出该指标的范围 ${m.range.min}–${m.range.max}${m.measure}`,
          ['targets', i, 'target'],
        );
      }
    });
    if (file.campaign.startDate > file.campaign.endDate) {
      issue('开始日期不能晚于结束日期', ['campaign', 'endDate']);
    }
  });
export type CampaignFile = z.infer<typeof CampaignFile>;
