/**
 * The 三百 campaign's three tracks and their metrics, taken from the article's targets
 * (seed/sanbai-campaign-article.txt; DOMAIN.md "The demo campaign").
 */
import type { MetricRecord, TrackRecord } from '../ports';
import { demoUnits } from './units';

export const demoTracks = {
  gongjian: { id: 't-gongjian', name: '百日攻坚', leadUnitId: demoUnits.fagai.id },
  zhaoshang: { id: 't-zhaoshang', name: '百日招商', leadUnitId: demoUnits.zhaoshang.id },
  fuwu: { id: 't-fuwu', name: '百日服务', leadUnitId: demoUnits.jingxin.id },
} satisfies Record<string, TrackRecord>;

type MetricSpec = Omit<MetricRecord, 'direction'> & { direction?: MetricRecord['direction'] };
const metric = (spec: MetricSpec): MetricRecord => ({ direction: 'up', ...spec });
const gj = demoTracks.gongjian.id;
const zs = demoTracks.zhaoshang.id;
const fw = demoTracks.fuwu.id;

export const demoMetrics = {
  // 百日攻坚
  majorInvest: metric({
    id: 'm-gj-invest',
    trackId: gj,
    name: '重大项目完成投资（固定资产投资）',
    measure: '亿元',
    kind: 'cumulative',
    reviewed: true,
  }),
  townInvest: metric({
    id: 'm-gj-town-invest',
    trackId: gj,
    name: '特色小镇完成投资',
    measure: '亿元',
    kind: 'cumulative',
    reviewed: true,
  }),
  startRate: metric({
    id: 'm-gj-start-rate',
    trackId: gj,
    name: '重大项目开工率',
    measure: '%',
    kind: 'rate',
    // Builds up from 0 over the campaign: compared with 序时, not held to 100% from day one.
    paced: true,
  }),
  keyRate: metric({
    id: 'm-gj-411-rate',
    trackId: gj,
    name: '省411及重点项目投资完成率',
    measure: '%',
    kind: 'rate',
  }),
  govInvestRate: metric({
    id: 'm-gj-gov-rate',
    trackId: gj,
    name: '市本级政府投资项目投资完成率',
    measure: '%',
    kind: 'rate',
  }),
  govStartRate: metric({
    id: 'm-gj-gov-start',
    trackId: gj,
    name: '市本级政府投资项目开工率',
    measure: '%',
    kind: 'rate',
    // Builds up from 0 over the campaign: compared with 序时, not held to 100% from day one.
    paced: true,
  }),
  specialShare: metric({
    id: 'm-gj-special-share',
    trackId: gj,
    name: '特色产业投资占比',
    measure: '%',
    kind: 'rate',
  }),
  problems: metric({
    id: 'm-gj-problems',
    trackId: gj,
    name: '重大项目难题破解',
    measure: '个',
    kind: 'count',
  }),
  prepWork: metric({ id: 'm-gj-prep', trackId: gj, name: '重大项目前期攻坚', measure: '个', kind: 'count' }),
  // 百日招商
  zheshang: metric({
    id: 'm-zs-zheshang',
    trackId: zs,
    name: '浙商回归到位资金（招商引资）',
    measure: '亿元',
    kind: 'cumulative',
    reviewed: true,
  }),
  bigProject: metric({
    id: 'm-zs-big',
    trackId: zs,
    name: '15亿元以上特别重大项目',
    measure: '个',
    kind: 'count',
  }),
  soeSigned: metric({
    id: 'm-zs-soe-signed',
    trackId: zs,
    name: '新增签约央企合作项目',
    measure: '个',
    kind: 'count',
  }),
  soePlanned: metric({
    id: 'm-zs-soe-planned',
    trackId: zs,
    name: '谋划央企对接合作项目',
    measure: '个',
    kind: 'count',
  }),
  // 百日服务
  valueAdded: metric({
    id: 'm-fw-value-added',
    trackId: fw,
    name: '规上工业增加值',
    measure: '亿元',
    kind: 'cumulative',
  }),
  industrialInvest: metric({
    id: 'm-fw-industrial',
    trackId: fw,
    name: '工业投资',
    measure: '亿元',
    kind: 'cumulative',
  }),
  techInvest: metric({
    id: 'm-fw-tech',
    trackId: fw,
    name: '工业技改投资',
    measure: '亿元',
    kind: 'cumulative',
  }),
  exports: metric({ id: 'm-fw-exports', trackId: fw, name: '外贸出口', measure: '亿元', kind: 'cumulative' }),
  loans: metric({
    id: 'm-fw-loans',
    trackId: fw,
    name: '各项贷款余额比年初增加',
    measure: '亿元',
    kind: 'cumulative',
  }),
  npl: metric({
    id: 'm-fw-npl',
    trackId: fw,
    name: '不良贷款率',
    measure: '%',
    kind: 'rate',
    direction: 'down',
  }),
  robots: metric({ id: 'm-fw-robots', trackId: fw, name: '新增工业机器人', measure: '台', kind: 'count' }),
  directReport: metric({
    id: 'm-fw-direct-report',
    trackId: fw,
    name: '500万元以上技改项目网上直报',
    measure: '个',
    kind: 'count',
  }),
  helpedFirms: metric({
    id: 'm-fw-helped',
    trackId: fw,
    name: '困难企业“一对一”帮扶',
    measure: '家',
    kind: 'count',
  }),
} satisfies Record<string, MetricRecord>;

export type DemoMetricKey = keyof typeof demoMetrics;
