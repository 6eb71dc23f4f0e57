/**
 * 40 days of synthetic 晒一晒 posts for the demo campaign, from a seeded PRNG so every machine gets the
 * same feed. Units differ on purpose: some ahead of 序时, some behind, a few already past 100%.
 * Each unit posts every 1–5 days; a few posts are recorded corrections of a running total.
 */
import type { Day } from '../../contract';
import type { CampaignData, FigureInputRecord, MetricRecord, PostDraft, UserRecord } from '../ports';
import { addDays } from '../../domain/days';
import { shanghaiInstant } from './days';
import { demoDaysElapsed } from './city';
import { demoMetrics } from './metrics';
import { createRng, seedOf, type Rng } from './prng';
import { correctionReasons, demoPostText } from './texts';
import { demoUnits, type DemoUnitKey } from './units';

type Profile = 'star' | 'ahead' | 'steady' | 'behind';

/** How fast each unit moves against 序时 (1 = exactly on schedule). */
const profiles: Record<DemoUnitKey, Profile> = {
  dongcheng: 'star',
  zhongtai: 'star',
  zhaoshang: 'star',
  devZone: 'ahead',
  jiangnan: 'ahead',
  gushan: 'ahead',
  fagai: 'ahead',
  jinrong: 'ahead',
  xicheng: 'steady',
  hiTech: 'steady',
  atv: 'steady',
  zhujian: 'steady',
  jingxin: 'steady',
  longshan: 'steady',
  shizhu: 'behind',
  xiangzhu: 'behind',
  fangyan: 'behind',
  jiaotong: 'behind',
  ziranziyuan: 'behind',
  zhiying: 'behind',
};
const paceRange: Record<Profile, [number, number]> = {
  star: [2.6, 2.9],
  ahead: [1.15, 1.4],
  steady: [1.02, 1.18],
  behind: [0.6, 0.85],
};
/** Units whose 7th post lowers a running total, with a reason (a recorded correction). */
const correctionUnits: readonly DemoUnitKey[] = ['xicheng', 'hiTech', 'fangyan'];
const correctionAt = 6;

interface Series {
  metric: MetricRecord;
  target: number;
  /** Per-metric spread around the unit's pace. */
  jitter: number;
  /** Where a rate starts, as a share of its target. */
  base: number;
  value: number | null;
  lastDay: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The value a unit reports on elapsed day `e` (1-based), never below its last running total. */
function nextValue(s: Series, pace: number, e: number, rng: Rng): number {
  const { metric, target } = s;
  const share = e / 100;
  if (metric.direction === 'down') {
    const v = target * s.base - 0.012 * pace * e + rng.between(-0.03, 0.03);
    return round(Math.max(target * 0.8, v), 2);
  }
  if (metric.kind === 'rate') {
    if (metric.id === demoMetrics.specialShare.id)
      return round(target * (s.jitter + rng.between(-0.05, 0.05)), 1);
    // A start rate cannot pass 100%; a completion rate may run a little past its target.
    const isStartRate = metric.id === demoMetrics.startRate.id || metric.id === demoMetrics.govStartRate.id;
    const capShare = isStartRate ? 100 / target : 1.15;
    const v = target * Math.min(capShare, s.base + pace * s.jitter * share * 1.3);
    return round(Math.max(s.value ?? 0, v), 1);
  }
  const raw = target * pace * s.jitter * share;
  if (metric.kind === 'count') return Math.max(s.value ?? 0, Math.floor(raw + rng.between(0, 0.3)));
  return Math.max(s.value ?? 0, round(raw * (1 + rng.between(-0.05, 0.05)), 2));
}

function unitPosts(key: DemoUnitKey, data: CampaignData, users: UserRecord[]): PostDraft[] {
  const unit = demoUnits[key];
  const rng = createRng(seedOf(unit.id));
  const profile = profiles[key];
  const [lo, hi] = paceRange[profile];
  const pace = rng.between(lo, hi);
  const series: Series[] = data.targets
    .filter((t) => t.unitId === unit.id)
    .flatMap((t) => {
      const metric = data.metrics.find((m) => m.id === t.metricId);
      if (!metric) return [];
      const jitter = profile === 'star' ? rng.between(0.98, 1.08) : rng.between(0.85, 1.15);
      const base = metric.direction === 'down' ? rng.between(1.05, 1.2) : rng.between(0.35, 0.6);
      return [{ metric, target: t.target, jitter, base, value: null, lastDay: -99 }];
    });
  const reporter = users.find((u) => u.unitId === unit.id && u.role === 'reporter');
  const leader = users.find((u) => u.unitId === unit.id && u.role === 'unit_leader');
  if (!reporter || series.length === 0) return [];

  const posts: PostDraft[] = [];
  for (let offset = rng.int(0, 2); offset < demoDaysElapsed; offset += rng.int(1, 5)) {
    const e = offset + 1;
    const first = posts.length === 0;
    const chosen = series.filter((s) => first || e - s.lastDay >= 8 || rng.chance(0.45));
    if (chosen.length === 0) chosen.push(rng.pick(series));
    const correcting = correctionUnits.includes(key) && posts.length === correctionAt;
    const corrected = correcting
      ? series
          .filter((s) => s.metric.kind === 'cumulative' && (s.value ?? 0) >= 0.1)
          .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]
      : undefined;
    if (corrected && !chosen.includes(corrected)) chosen.push(corrected);

    const figures: FigureInputRecord[] = chosen.map((s) => {
      let value: number;
      if (s === corrected && s.value !== null) {
        const ratio = rng.between(0.9, 0.96);
        value = Math.min(round(s.value * ratio, 2), round(s.value - 0.01, 2));
        s.jitter *= ratio; // the trajectory continues from the corrected total
      } else {
        value = nextValue(s, pace, e, rng);
      }
      s.value = value;
      s.lastDay = e;
      return { metricId: s.metric.id, value };
    });

    const day: Day = addDays(data.campaign.startDate, offset);
    const author = leader && rng.chance(0.2) ? leader : reporter;
    const reason = corrected ? rng.pick(correctionReasons) : null;
    const trackId = chosen[0]?.metric.trackId ?? '';
    posts.push({
      campaignId: data.campaign.id,
      unitId: unit.id,
      authorId: author.id,
      authorName: author.name,
      createdAt: shanghaiInstant(day, rng.int(8, 20), rng.int(0, 59)),
      day,
      figures,
      text: (reason ? '【更正】' : '') + demoPostText(rng, trackId),
      photos: [],
      correctionReason: reason,
      requestId: `demo-post-${unit.id}-${posts.length + 1}`,
    });
  }
  return posts;
}

/** Every demo post of every unit, oldest first (the order they are committed in). */
export function buildDemoPosts(data: CampaignData, users: UserRecord[]): PostDraft[] {
  const keys = Object.keys(demoUnits) as DemoUnitKey[];
  return keys
    .flatMap((key) => unitPosts(key, data, users))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
