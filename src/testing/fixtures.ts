/** A small campaign for ui tests: one track, a cumulative, a rate and a count metric, two units. */
import type { ActionOutput, FeedPost, StandingRow } from '../../core/contract';
import { buildArena } from '../lib/arena';

export const campaignData: ActionOutput<'campaign.current'> = {
  campaign: {
    id: 'c1',
    name: '测试竞赛',
    startDate: '2025-01-01',
    endDate: '2025-04-10', // 100 days
    timezone: 'Asia/Shanghai',
    weights: { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 },
  },
  tracks: [
    {
      id: 't1',
      name: '百日攻坚',
      leadUnitId: 'u1',
      metrics: [
        { id: 'm-invest', name: '完成投资', measure: '亿元', kind: 'cumulative', direction: 'up' },
        { id: 'm-rate', name: '开工率', measure: '%', kind: 'rate', direction: 'up' },
        { id: 'm-count', name: '签约项目', measure: '个', kind: 'count', direction: 'up' },
      ],
    },
  ],
  units: [
    { id: 'u1', name: '东城街道', division: '乡镇街道' },
    { id: 'u2', name: '西城街道', division: '乡镇街道' },
  ],
  targets: [
    { unitId: 'u1', metricId: 'm-invest', target: 10 },
    { unitId: 'u1', metricId: 'm-rate', target: 100 },
    { unitId: 'u1', metricId: 'm-count', target: 4 },
    { unitId: 'u2', metricId: 'm-invest', target: 20 },
  ],
};

export const arena = buildArena(campaignData);

/** A post as the feed shows it: nobody has reacted yet unless `over` says so. */
export function makePost(over: Partial<FeedPost> = {}): FeedPost {
  return {
    likes: 0,
    likedByMe: false,
    comments: 0,
    exemplar: null,
    id: 'p1',
    unitId: 'u1',
    unitName: '东城街道',
    authorId: 'user-1',
    authorName: '陈晓燕',
    // Day 41 of 100 in Asia/Shanghai.
    createdAt: '2025-02-10T02:00:00.000Z',
    figures: [{ metricId: 'm-invest', value: 5, previous: 4 }],
    text: '',
    photos: [],
    correctionReason: null,
    ...over,
  };
}

export function makeRow(over: Partial<StandingRow> = {}): StandingRow {
  return {
    rank: 1,
    overallRank: 1,
    divisionRank: 1,
    unitId: 'u1',
    unitName: '东城街道',
    division: '乡镇街道',
    score: 104.56,
    dims: { performance: 100, speed: 110, quality: 100, effort: 100, contribution: 120 },
    completion: 0.5,
    pace: 1.2,
    light: 'green',
    lightCounts: { red: 0, yellow: 1, green: 2, done: 0 },
    unreported: 0,
    worstMetricId: 'm-rate',
    rankDelta: 2,
    ...over,
  };
}
