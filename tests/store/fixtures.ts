/**
 * Small fixtures for the Store contract suite: one campaign (2 tracks, 3 metrics of different kinds,
 * 4 units in 2 divisions), a few users, post drafts and a stand-in `decide`.
 * The suite tests the store, not the domain rules, so `decide` only fills `previous` and refuses negatives.
 */
import type {
  CampaignData,
  CommitResult,
  DecideFigures,
  FigureInputRecord,
  PostDraft,
  PostRecord,
  Store,
  UserRecord,
} from '../../core/app/ports';

export const C1 = 'c-sanbai';
export const C2 = 'c-autumn';
/** Two cities (tenants): the fixtures live in CITY unless a case says otherwise. */
export const CITY = 'city-yk';
export const CITY2 = 'city-wy';

/** Competing units: two towns, two platforms. The lead units are not competing units. */
export const U = { a1: 'u-fangyan', a2: 'u-gushan', b1: 'u-auto', b2: 'u-atv' } as const;
export const M = { invest: 'm-invest', start: 'm-start-rate', signed: 'm-signed' } as const;

export function campaignData(id: string = C1, cityId: string = CITY): CampaignData {
  return {
    cityId,
    campaign: {
      id,
      name: id === C1 ? '三百攻坚' : '秋季攻坚',
      startDate: '2025-03-01',
      endDate: '2025-06-08',
      timezone: 'Asia/Shanghai',
      weights: { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 },
      postEveryDays: 3,
      lateDays: 5,
      jumpMultiple: 4,
      explainDays: 5,
      pointsPerMiss: 2,
      interviewDays: 8,
    },
    tracks: [
      { id: 't-build', name: '百日攻坚', leadUnitId: 'lead-fgj' },
      { id: 't-invite', name: '百日招商', leadUnitId: 'lead-swj' },
    ],
    metrics: [
      { id: M.invest, trackId: 't-build', name: '完成投资', measure: '亿元', kind: 'cumulative', direction: 'up', reviewed: true },
      { id: M.start, trackId: 't-build', name: '开工率', measure: '%', kind: 'rate', direction: 'up', paced: true },
      { id: M.signed, trackId: 't-invite', name: '签约项目', measure: '个', kind: 'count', direction: 'up', range: { min: 0, max: 50 } },
    ],
    units: [
      { id: U.a1, name: '方岩镇', division: '乡镇街道' },
      { id: U.a2, name: '古山镇', division: '乡镇街道' },
      { id: U.b1, name: '众泰汽车小镇', division: '功能平台' },
      { id: U.b2, name: 'ATV酷玩小镇', division: '功能平台' },
    ],
    targets: [
      {
        unitId: U.a1,
        metricId: M.invest,
        target: 3.5,
        // Monthly targets and last year's months (the monthly 通报) travel with the target.
        monthly: [
          { period: '2025-03', target: 1, lastYear: 0.8 },
          { period: '2025-04', target: 1.2 },
        ],
      },
      { unitId: U.a1, metricId: M.start, target: 100 },
      { unitId: U.a1, metricId: M.signed, target: 6 },
      { unitId: U.a2, metricId: M.invest, target: 2.8 },
      { unitId: U.a2, metricId: M.signed, target: 4 },
      { unitId: U.b1, metricId: M.invest, target: 12 },
      { unitId: U.b1, metricId: M.start, target: 90 },
      { unitId: U.b2, metricId: M.invest, target: 5 },
    ],
  };
}

export const users: UserRecord[] = [
  { id: 'user-a1', name: '王芳', role: 'reporter', cityId: CITY, unitId: U.a1, demo: true },
  { id: 'user-b1', name: '李强', role: 'unit_leader', cityId: CITY, unitId: U.b1, demo: true },
  { id: 'user-admin', name: '管理员', role: 'admin', cityId: CITY, unitId: null, demo: true },
  { id: 'user-real', name: '赵敏', role: 'reporter', cityId: CITY, unitId: U.a2 },
];

/** The instant of a Shanghai wall-clock time, as an ISO string. */
export function shanghai(day: string, time: string): string {
  return new Date(Date.parse(`${day}T${time}:00+08:00`)).toISOString();
}

export interface DraftInput {
  unitId: string;
  day: string;
  /** Shanghai wall-clock time, HH:mm (or HH:mm:ss.sss after the minutes). */
  time?: string;
  figures: FigureInputRecord[];
  requestId: string;
  authorId?: string;
  campaignId?: string;
  text?: string;
  photos?: string[];
  correctionReason?: string | null;
}

export function draft(p: DraftInput): PostDraft {
  const authorId = p.authorId ?? 'user-a1';
  return {
    campaignId: p.campaignId ?? C1,
    unitId: p.unitId,
    authorId,
    authorName: `作者-${authorId}`,
    createdAt: shanghai(p.day, p.time ?? '09:00'),
    day: p.day,
    figures: p.figures,
    text: p.text ?? '',
    photos: p.photos ?? [],
    correctionReason: p.correctionReason ?? null,
    requestId: p.requestId,
  };
}

/** A stand-in for the use case's rule: fill `previous` from the latest figures; refuse negatives. */
export function decideFrom(figures: FigureInputRecord[]): DecideFigures {
  return (latest) => {
    const bad = figures.find((f) => f.value < 0);
    if (bad) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `数值不能小于 0：${bad.metricId}` } };
    return {
      ok: true,
      figures: figures.map((f) => ({ metricId: f.metricId, value: f.value, previous: latest.get(f.metricId)?.value ?? null })),
    };
  };
}

export function commit(store: Store, d: PostDraft): Promise<CommitResult> {
  return store.posts.commitPost(d, decideFrom(d.figures));
}

/** Commits and insists it succeeded: for arranging a test, not for asserting on refusals. */
export async function commitOk(store: Store, d: PostDraft): Promise<PostRecord> {
  const r = await commit(store, d);
  if (!r.ok) throw new Error(`commitPost refused a valid draft: ${r.error.code} ${r.error.message}`);
  return r.post;
}

/** The draft a stored post was made from, for replaying posts into another store. */
export function draftOf(post: PostRecord): PostDraft {
  const { id: _id, figures, ...rest } = post;
  return { ...rest, figures: figures.map((f) => ({ metricId: f.metricId, value: f.value })) };
}
