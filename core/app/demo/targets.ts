/**
 * Targets of the demo campaign, one table per metric.
 * DEMO DATA: the article gives city totals only; the split across units below is made up so that
 * each table adds up to the article's figure (noted beside it). Rates carry the article's level.
 * Cumulative targets are read as the amount to be done within the 100 days (a demo simplification).
 * Reviewed metrics' targets carry their months (MT and LY, demo data too: ./monthly.ts).
 */
import type { Campaign, Target } from '../../contract';
import { demoMetrics, type DemoMetricKey } from './metrics';
import { splitMonthly } from './monthly';
import { demoUnits, type DemoUnitKey } from './units';

type Split = Partial<Record<DemoUnitKey, number>>;

const towns = (values: [number, number, number, number, number, number, number, number]): Split => {
  const [dongcheng, xicheng, jiangnan, shizhu, gushan, zhiying, xiangzhu, longshan] = values;
  return { dongcheng, xicheng, jiangnan, shizhu, gushan, zhiying, xiangzhu, longshan };
};
const allTowns = (value: number): Split => towns([value, value, value, value, value, value, value, value]);

export const demoTargetTable: Record<DemoMetricKey, Split> = {
  // 15 major projects invest 18.2 亿元 in all.
  majorInvest: { ...towns([1.6, 1.4, 1.5, 1.2, 1.3, 1.1, 0.9, 1.0]), devZone: 5.2, hiTech: 3.0 },
  // The three 小镇: 2.2, 12 and 5 亿元 (the article's own figures).
  townInvest: { fangyan: 2.2, zhongtai: 12, atv: 5 },
  // Start rate 100%.
  startRate: { ...allTowns(100), devZone: 100, hiTech: 100 },
  // Provincial 411 and key projects: completion ≥ 120%.
  keyRate: { devZone: 120, hiTech: 120, fagai: 120 },
  // City government projects: completion 100%, start rate 90%.
  govInvestRate: { fagai: 100, zhujian: 100, jiaotong: 100 },
  govStartRate: { fagai: 90, zhujian: 90, jiaotong: 90 },
  // Specialty industries' share of investment ≥ 60% in each 小镇.
  specialShare: { fangyan: 60, zhongtai: 60, atv: 60 },
  // 38 problems of 31 projects to crack.
  problems: {
    ...towns([2, 2, 2, 1, 2, 1, 1, 1]),
    devZone: 4,
    hiTech: 3,
    fangyan: 2,
    zhongtai: 2,
    atv: 2,
    fagai: 3,
    zhujian: 3,
    jiaotong: 3,
    ziranziyuan: 4,
  },
  // 13 major projects in preparatory work.
  prepWork: { fagai: 6, ziranziyuan: 3, zhujian: 2, jiaotong: 2 },
  // 浙商回归 funds in place: 33 亿元.
  zheshang: {
    ...towns([2.5, 2.2, 2.4, 1.8, 2.0, 1.6, 1.2, 1.3]),
    devZone: 6.0,
    hiTech: 4.0,
    fangyan: 1.0,
    zhongtai: 2.5,
    atv: 1.5,
    zhaoshang: 3.0,
  },
  // One project of ≥ 15 亿元; one new central-SOE signing; ≥ 3 central-SOE projects planned.
  bigProject: { devZone: 1 },
  soeSigned: { zhaoshang: 1 },
  soePlanned: { zhaoshang: 1, devZone: 1, hiTech: 1 },
  // 规上工业增加值 195.1 亿元.
  valueAdded: { ...towns([18.5, 16.2, 15.8, 12.4, 14.6, 13.1, 9.7, 10.3]), devZone: 52.3, hiTech: 32.2 },
  // Industrial investment 96.7 亿元.
  industrialInvest: { ...towns([7.2, 6.5, 6.8, 5.1, 5.9, 5.4, 4.0, 4.3]), devZone: 32.5, hiTech: 19.0 },
  // Technical-renovation investment 76.41 亿元.
  techInvest: { ...towns([5.6, 5.1, 5.3, 4.2, 4.8, 4.4, 3.1, 3.5]), devZone: 25.41, hiTech: 15.0 },
  // Exports 273.51 亿元.
  exports: { ...towns([30.2, 26.8, 25.5, 18.6, 21.3, 19.4, 12.7, 14.0]), devZone: 65.01, hiTech: 40.0 },
  // Loans up 20 亿元 on the year's start; non-performing loan rate ≤ 3.2%.
  loans: { jinrong: 20 },
  npl: { jinrong: 3.2 },
  // 300 new industrial robots.
  robots: { ...towns([30, 25, 28, 20, 22, 20, 12, 13]), devZone: 80, hiTech: 50 },
  // Not in the article with a figure: made-up department targets for the 百日服务 tasks it names.
  directReport: { jingxin: 40 },
  helpedFirms: { jingxin: 25 },
};

/** The targets of a campaign running over `span`: its months split pro rata where the metric is reviewed. */
export function buildDemoTargets(span: Pick<Campaign, 'startDate' | 'endDate'>): Target[] {
  const targets: Target[] = [];
  for (const [metricKey, split] of Object.entries(demoTargetTable) as [DemoMetricKey, Split][]) {
    for (const [unitKey, target] of Object.entries(split) as [DemoUnitKey, number][]) {
      const t: Target = { unitId: demoUnits[unitKey].id, metricId: demoMetrics[metricKey].id, target };
      targets.push(
        demoMetrics[metricKey].reviewed
          ? { ...t, monthly: splitMonthly(t, span.startDate, span.endDate) }
          : t,
      );
    }
  }
  return targets;
}
