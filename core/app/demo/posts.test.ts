import { addDays, daysBetween } from '../../domain/days';
import { buildDemoCampaign } from './campaign';
import { buildDemoPosts } from './posts';
import { buildDemoUsers } from './users';

const today = '2025-10-20';
const data = buildDemoCampaign(today);
const users = buildDemoUsers();
const posts = buildDemoPosts(data, users);
const metricOf = new Map(data.metrics.map((m) => [m.id, m]));
const targetOf = new Map(data.targets.map((t) => [`${t.unitId}/${t.metricId}`, t.target]));

/** Each unit's last reported value per metric. */
function lastValues(): Map<string, number> {
  const last = new Map<string, number>();
  for (const p of posts) for (const f of p.figures) last.set(`${p.unitId}/${f.metricId}`, f.value);
  return last;
}

describe('the demo posts', () => {
  it('are the same on every build (seeded, not random)', () => {
    expect(buildDemoPosts(buildDemoCampaign(today), buildDemoUsers())).toEqual(posts);
  });

  it('cover the 40 elapsed days, oldest first, none today or later', () => {
    const days = posts.map((p) => p.day);
    expect(days[0]! >= data.campaign.startDate).toBe(true);
    expect(days.every((d) => d < today)).toBe(true);
    expect(posts.some((p) => p.day >= addDays(today, -5))).toBe(true);
    const times = posts.map((p) => p.createdAt);
    expect([...times].sort()).toEqual(times);
    for (const p of posts) expect(p.createdAt.slice(0, 10) <= p.day).toBe(true);
  });

  it('come from every unit every 1 to 5 days, posted by that unit reporter or leader', () => {
    for (const unit of data.units) {
      const mine = posts.filter((p) => p.unitId === unit.id);
      expect(mine.length).toBeGreaterThanOrEqual(8);
      expect(daysBetween(data.campaign.startDate, mine[0]!.day)).toBeLessThanOrEqual(5);
      for (let i = 1; i < mine.length; i++) {
        const gap = daysBetween(mine[i - 1]!.day, mine[i]!.day);
        expect(gap).toBeGreaterThanOrEqual(1);
        expect(gap).toBeLessThanOrEqual(5);
      }
      for (const p of mine) {
        const author = users.find((u) => u.id === p.authorId);
        expect(author?.unitId).toBe(unit.id);
        expect(['reporter', 'unit_leader']).toContain(author?.role);
        expect(p.authorName).toBe(author?.name);
      }
    }
  });

  it('report only metrics assigned to the unit, with valid values and short Chinese text', () => {
    for (const p of posts) {
      expect(p.figures.length).toBeGreaterThan(0);
      expect(new Set(p.figures.map((f) => f.metricId)).size).toBe(p.figures.length);
      for (const f of p.figures) {
        expect(targetOf.has(`${p.unitId}/${f.metricId}`)).toBe(true);
        expect(Number.isFinite(f.value) && f.value >= 0 && f.value <= 1e9).toBe(true);
      }
      expect(p.text.length).toBeGreaterThan(5);
      expect(p.text.length).toBeLessThanOrEqual(2000);
      expect(p.requestId.length).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(posts.map((p) => p.requestId)).size).toBe(posts.length);
  });

  it('never lower a running total except in a post that gives a correction reason', () => {
    const latest = new Map<string, number>();
    let corrections = 0;
    for (const p of posts) {
      let lowered = false;
      for (const f of p.figures) {
        const key = `${p.unitId}/${f.metricId}`;
        const before = latest.get(key);
        const kind = metricOf.get(f.metricId)?.kind;
        if (kind !== 'rate' && before !== undefined && f.value < before) lowered = true;
        latest.set(key, f.value);
      }
      if (lowered) expect(p.correctionReason).toEqual(expect.any(String));
      if (p.correctionReason) {
        expect(lowered).toBe(true);
        corrections++;
      }
    }
    expect(corrections).toBeGreaterThanOrEqual(1);
  });

  it('leave some units ahead of 序时, some behind and a few past 100%', () => {
    const tau = 40 / 100;
    const last = lastValues();
    const paces = data.units.map((unit) => {
      const cs = data.targets
        .filter((t) => t.unitId === unit.id && metricOf.get(t.metricId)?.kind === 'cumulative')
        .map((t) => (last.get(`${unit.id}/${t.metricId}`) ?? 0) / t.target);
      return cs.length === 0 ? null : cs.reduce((a, b) => a + b, 0) / cs.length / tau;
    });
    const known = paces.filter((p): p is number => p !== null);
    expect(known.filter((p) => p >= 1).length).toBeGreaterThanOrEqual(3);
    expect(known.filter((p) => p < 0.8).length).toBeGreaterThanOrEqual(3);
    const done = data.units.filter((unit) =>
      data.targets.some((t) => {
        const metric = metricOf.get(t.metricId);
        return (
          t.unitId === unit.id &&
          metric?.direction === 'up' &&
          (last.get(`${unit.id}/${t.metricId}`) ?? 0) >= t.target
        );
      }),
    );
    expect(done.length).toBeGreaterThanOrEqual(2);
  });

  it('keep the non-performing loan rate near its 3.2% ceiling', () => {
    const npl = data.metrics.find((m) => m.direction === 'down')!;
    const values = posts.flatMap((p) => p.figures.filter((f) => f.metricId === npl.id).map((f) => f.value));
    expect(values.length).toBeGreaterThan(3);
    for (const v of values) expect(v).toBeGreaterThan(2);
    expect(values[0]!).toBeGreaterThan(3.2);
  });
});
