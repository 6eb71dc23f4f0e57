/** A 通报 with one division, two metrics and a flagged unit, and records of each kind, for the ui tests. */
import type { Explanation, Interview, LedgerEntry, Review, ReviewDraft } from '../../../../core/contract';

export const TODAY = '2025-02-10';
/** 2025-02-10 12:00 in Shanghai. */
export const NOW = Date.parse('2025-02-10T04:00:00.000Z');

export const draft: ReviewDraft = {
  campaignId: 'c1',
  period: '2025-01',
  metrics: [
    { id: 'm-invest', name: '完成投资', measure: '亿元' },
    { id: 'm-count', name: '签约项目', measure: '个' },
  ],
  divisions: [
    {
      division: '乡镇街道',
      rows: [
        {
          unitId: 'u2',
          unitName: '西城街道',
          metricId: 'm-invest',
          MA: 6,
          MT: 5,
          LY: 4,
          growth: 0.5,
          missed: false,
          growthRank: 1,
          flagged: false,
          level: 0,
        },
        {
          unitId: 'u1',
          unitName: '东城街道',
          metricId: 'm-invest',
          MA: 3,
          MT: 4,
          LY: 4,
          growth: -0.25,
          missed: true,
          growthRank: 2,
          flagged: true,
          level: 1,
        },
        {
          unitId: 'u3',
          unitName: '南城街道',
          metricId: 'm-invest',
          MA: 2,
          MT: null,
          LY: null,
          growth: null,
          missed: false,
          growthRank: null,
          flagged: false,
          level: 0,
        },
        {
          unitId: 'u1',
          unitName: '东城街道',
          metricId: 'm-count',
          MA: 2,
          MT: 2,
          LY: 1,
          growth: 1,
          missed: false,
          growthRank: 1,
          flagged: false,
          level: 1,
        },
      ],
    },
  ],
  excluded: [{ unitId: 'u3', unitName: '南城街道', metricId: 'm-invest', reason: 'no_last_year' }],
  flagged: [{ unitId: 'u1', unitName: '东城街道', division: '乡镇街道', level: 1, metricIds: ['m-invest'] }],
};

export function published(over: Partial<Review> = {}): Review {
  return {
    ...draft,
    id: `c1:2025-01:v${over.version ?? 1}`,
    version: 1,
    note: '请列入约谈的单位对照目标找差距。',
    publishedAt: '2025-02-03T02:00:00.000Z',
    publishedById: 's1',
    publishedByName: '赵敏',
    changes: [],
    ...over,
  };
}

export function makeInterview(over: Partial<Interview> = {}): Interview {
  return {
    id: 'c1:2025-01:u1',
    campaignId: 'c1',
    period: '2025-01',
    unitId: 'u1',
    unitName: '东城街道',
    level: 1,
    attendees: ['deputy'],
    reviewVersion: 1,
    dueDate: '2025-02-13',
    status: 'scheduled',
    heldAt: null,
    note: '',
    recordedByName: null,
    ...over,
  };
}

export function makeExplanation(over: Partial<Explanation> = {}): Explanation {
  return {
    id: 'e1',
    campaignId: 'c1',
    unitId: 'u1',
    unitName: '东城街道',
    metricId: 'm-invest',
    metricName: '完成投资',
    target: 10,
    value: 8.5,
    // A week after the campaign (2025-01-01 – 2025-04-10) and its late window.
    dueDate: '2025-04-15',
    status: 'requested',
    text: '',
    photos: [],
    submittedAt: null,
    submittedByName: null,
    decidedAt: null,
    decidedByName: null,
    returnReason: null,
    ...over,
  };
}

export function makeEntry(over: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 'l1',
    campaignId: 'c1',
    unitId: 'u1',
    unitName: '东城街道',
    points: -1,
    reason: '「完成投资」未完成目标（目标 10 亿元，完成 8.5 亿元）',
    source: { kind: 'explanation', id: 'e1' },
    at: '2025-04-12T01:00:00.000Z',
    ...over,
  };
}
