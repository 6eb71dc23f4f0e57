/**
 * `review.export`: a published 通报 as a workbook, one sheet per division, in the layout of a government
 * 通报 table — the title, the date and version, units ranked per metric by growth with their monthly
 * actual, target, last year's month, growth, whether they met the target and the 约谈 they are called to;
 * the note, who was left out of a ranking and why, and what a corrected version changed, below.
 */
import { excludedReasons, fail, levelNames, ok, type ReviewRow } from '../../contract';
import { dayOf } from '../../domain/days';
import { periodName } from '../../domain/review';
import { callerCampaign } from '../campaigns/view';
import type { Route } from '../context';
import type { SheetSpec } from '../ports';
import type { ReviewRecord } from './store';

/** Excel's rules for a tab's name: at most 31 characters, none of \ / ? * [ ] :. */
const tabName = (name: string, taken: Set<string>): string => {
  const base = name.replace(/[\\/?*[\]:]/g, '·').slice(0, 28) || '分组';
  let tab = base;
  for (let n = 2; taken.has(tab); n += 1) tab = `${base}${n}`;
  taken.add(tab);
  return tab;
};

const round = (v: number | null, digits: number): number | null =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export function reviewSheets(review: ReviewRecord, campaignName: string, timezone: string): SheetSpec[] {
  const metricOf = new Map(review.metrics.map((m) => [m.id, m]));
  const month = periodName(review.period);
  const taken = new Set<string>();
  const version = review.version > 1 ? `（更正版 第 ${review.version} 版）` : '';
  const excludedLines = review.excluded.map(
    (e) => `${e.unitName}「${metricOf.get(e.metricId)?.name ?? e.metricId}」：${excludedReasons[e.reason]}`,
  );
  // A 通报 with no division (a campaign without units) is still a file an office can open: its title and note.
  const divisions = review.divisions.length > 0 ? review.divisions : [{ division: '全市', rows: [] }];
  return divisions.map((d) => {
    let n = 0;
    const rows = d.rows.map((r: ReviewRow) => {
      n += 1;
      const m = metricOf.get(r.metricId);
      return [
        n,
        r.unitName,
        m ? `${m.name}（${m.measure}）` : r.metricId,
        round(r.MA, 4),
        round(r.MT, 4),
        round(r.LY, 4),
        round(r.growth, 4),
        r.growthRank,
        r.MT === null ? '—' : r.missed ? '未完成' : '完成',
        r.flagged ? levelNames[r.level === 2 ? 2 : 1] : '',
      ];
    });
    return {
      name: tabName(d.division, taken),
      title: `${campaignName} ${month}月度通报${version}（${d.division}）`,
      subtitle: `发布日期：${dayOf(review.publishedAt, timezone)}  发布人：${review.publishedByName}`,
      header: ['序号', '单位', '指标', '本月完成', '月度目标', '上年同期', '同比增幅', '组内增幅排名', '月度目标完成情况', '约谈'],
      rows,
      widths: [6, 16, 22, 12, 12, 12, 12, 12, 16, 16],
      formats: [null, null, null, '0.00', '0.00', '0.00', '0.0%', null, null, null],
      notes: [
        ...(review.note ? [`按语：${review.note}`] : []),
        ...excludedLines.filter((line) => d.rows.some((r) => line.startsWith(`${r.unitName}「`))),
        ...(review.changes.length > 0 ? [`本版更正：${review.changes.join('；')}`] : []),
      ],
    };
  });
}

/** Base64 of bytes, in chunks (spreading a whole file into one call overflows the stack). */
function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export const reviewExport: Route<'review.export'> = {
  access: 'user',
  run: async (ctx, input) => {
    const { workbooks, store } = ctx.deps;
    if (!workbooks) return fail('INTERNAL', '本服务器未配置导出功能，请联系管理员。');
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const { campaign } = cur.data.data;
    const review = await store.reviews.getReview(campaign.id, input.period, input.version);
    if (!review) return fail('NOT_FOUND', `${periodName(input.period)}的通报尚未发布，不能导出。`);
    const bytes = await workbooks.xlsx(reviewSheets(review, campaign.name, campaign.timezone));
    const suffix = review.version > 1 ? `-第${review.version}版` : '';
    return ok({
      fileName: `${campaign.name}-${periodName(review.period)}通报${suffix}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: base64(bytes),
    });
  },
};
