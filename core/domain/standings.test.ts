import type { Metric } from '../contract';
import { computeStandings, type StandingsInput } from './standings';
import type { FigureValue } from './types';
import fc from 'fast-check';

/*
 * A small campaign worked out by hand. 100 days, 2025-09-01 … 2025-12-09; today 2025-10-10:
 * τ = 40/100 = 0.4. Effort baseline: close of 09-10, τ = 0.1, so Δτ = 0.3. Days left: 61.
 * Weights 40/20/15/10/15.
 *   m1 完成投资 cumulative up   targets A 10, B 20, C 10   latest A 6, B 6, C 2   at 09-10: A 1, B 3
 *   m2 不良贷款率 rate down      targets A 3.2, C 3.2        latest A 3.0, C 4.0
 *   city m1: ΣA = 14, ΣT = 40
 */
const m1: Metric = { id: 'm1', name: '完成投资', measure: '亿元', kind: 'cumulative', direction: 'up' };
const m2: Metric = { id: 'm2', name: '不良贷款率', measure: '%', kind: 'rate', direction: 'down' };
const f = (unitId: string, metricId: string, value: number) => ({ unitId, metricId, value });

const input: StandingsInput & { latest: readonly FigureValue[]; baseline: readonly FigureValue[] } = {
  campaign: {
    startDate: '2025-09-01',
    endDate: '2025-12-09',
    weights: { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 },
  },
  metrics: [m1, m2],
  units: [
    { id: 'A', name: '甲镇', division: '乡镇街道' },
    { id: 'B', name: '乙镇', division: '乡镇街道' },
    { id: 'C', name: '丙平台', division: '功能平台' },
    { id: 'Z', name: '无指标单位', division: '市直部门' },
  ],
  targets: [
    { unitId: 'A', metricId: 'm1', target: 10 },
    { unitId: 'B', metricId: 'm1', target: 20 },
    { unitId: 'C', metricId: 'm1', target: 10 },
    { unitId: 'A', metricId: 'm2', target: 3.2 },
    { unitId: 'C', metricId: 'm2', target: 3.2 },
  ],
  day: '2025-10-10',
  latest: [f('A', 'm1', 6), f('B', 'm1', 6), f('C', 'm1', 2), f('A', 'm2', 3.0), f('C', 'm2', 4.0)],
  baseline: [f('A', 'm1', 1), f('B', 'm1', 3)],
};

const byId = (s: ReturnType<typeof computeStandings>, id: string) => {
  const row = s.rows.find((r) => r.unitId === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

describe('computeStandings', () => {
  const s = computeStandings(input);

  it('reports τ and the effort window of the day', () => {
    expect(s.timeProgress).toBeCloseTo(0.4, 12);
    expect(s.effortSince).toBe('2025-09-10');
    expect(s.effortSpan).toBeCloseTo(0.3, 12);
  });

  it('scores A: performance 80, speed 125, quality 100, effort 150, contribution 150 → 109.5', () => {
    // m1: c 0.6, p 0.6/0.4 = 1.5 → perf 60, speed 150; effort (0.6 − 0.1)/0.3 = 1.67 → 150;
    //     contribution (6/14)/(10/40) = 1.71 → 150. m2: 3.0 ≤ 3.2 → c = p = 1 → perf 100, speed 100.
    const a = byId(s, 'A');
    expect(a.dims.performance).toBeCloseTo(80, 9); // (60 + 100) / 2
    expect(a.dims.speed).toBeCloseTo(125, 9); // (150 + 100) / 2
    expect(a.dims.quality).toBe(100);
    expect(a.dims.effort).toBeCloseTo(150, 9); // m1 only
    expect(a.dims.contribution).toBeCloseTo(150, 9); // m1 only
    expect(a.score).toBeCloseTo(109.5, 9); // (3200 + 2500 + 1500 + 1500 + 2250) / 100
    expect(a.completion).toBeCloseTo(0.8, 12); // (0.6 + 1) / 2
    expect(a.pace).toBeCloseTo(1.25, 12); // (1.5 + 1) / 2
    expect(a.light).toBe('green');
  });

  it('scores B: 30 / 75 / 100 / 50 / 85.71 → 59.857', () => {
    // m1: c 6/20 = 0.3, p 0.75; effort (0.3 − 3/20)/0.3 = 0.5; contribution (6/14)/(20/40) = 0.857
    const b = byId(s, 'B');
    expect(b.dims).toEqual({
      performance: expect.closeTo(30, 9),
      speed: expect.closeTo(75, 9),
      quality: 100,
      effort: expect.closeTo(50, 9),
      contribution: expect.closeTo(600 / 7, 9), // 85.714…
    });
    // (1200 + 1500 + 1500 + 500 + 15 × 85.714) / 100 = 5985.714 / 100
    expect(b.score).toBeCloseTo(59.857142857, 8);
    expect(b.light).toBe('red'); // mean pace 0.75
  });

  it('scores C: 50 / 65 / 100 / 66.67 / 57.14 → 63.238', () => {
    // m1: c 0.2, p 0.5, effort (0.2 − 0)/0.3 = 0.667, contribution (2/14)/(10/40) = 0.571
    // m2: 4.0 > 3.2 → c = p = 0.8 → perf 80, speed 80
    const c = byId(s, 'C');
    expect(c.dims.performance).toBeCloseTo(50, 9); // (20 + 80) / 2
    expect(c.dims.speed).toBeCloseTo(65, 9); // (50 + 80) / 2
    expect(c.dims.effort).toBeCloseTo(200 / 3, 9);
    expect(c.dims.contribution).toBeCloseTo(400 / 7, 9);
    // (2000 + 1300 + 1500 + 666.667 + 857.143) / 100
    expect(c.score).toBeCloseTo(63.238095238, 8);
    expect(c.light).toBe('red'); // mean pace (0.5 + 0.8)/2 = 0.65
  });

  it('ranks overall and within each division; a unit with no metric is not ranked', () => {
    expect(s.rows.map((r) => [r.unitId, r.overallRank, r.divisionRank])).toEqual([
      ['A', 1, 1],
      ['C', 2, 1],
      ['B', 3, 2],
    ]);
  });

  it('explains each metric figure by figure (B on m1: 14 left, 14/61 a day, 0.4 × 20 − 6 = 2 behind)', () => {
    const [m] = byId(s, 'B').metrics;
    expect(m).toMatchObject({
      metricId: 'm1',
      target: 20,
      value: 6,
      baselineValue: 3,
      city: { value: 14, target: 40 },
    });
    expect(m?.completion).toBeCloseTo(0.3, 12);
    expect(m?.expected).toBeCloseTo(0.4, 12);
    expect(m?.remaining).toBe(14);
    expect(m?.perDayNeeded).toBeCloseTo(14 / 61, 12);
    expect(m?.behindSchedule).toBeCloseTo(2, 12);
    expect(m?.light).toBe('red');
  });

  it('measures a down metric over its ceiling against 1, not τ (C on m2: 0.8 left, no per-day or 序时 gap)', () => {
    const m = byId(s, 'C').metrics[1];
    expect(m).toMatchObject({ metricId: 'm2', baselineValue: null, city: null, light: 'yellow' });
    expect(m?.remaining).toBeCloseTo(0.8, 12);
    expect(m?.perDayNeeded).toBeNull();
    expect(m?.behindSchedule).toBeNull();
    expect(m?.dims.effort).toBeNull();
    expect(m?.dims.contribution).toBeNull();
  });

  it('compares a paced rate with 序时: 开工率 43.2% at τ 0.4 is 正常 and ahead; 30% is 10 points behind, with no per-day figure', () => {
    const m3: Metric = { id: 'm3', name: '开工率', measure: '%', kind: 'rate', direction: 'up', paced: true };
    const r = computeStandings({
      ...input,
      metrics: [m1, m2, m3],
      targets: [
        ...input.targets,
        { unitId: 'A', metricId: 'm3', target: 100 },
        { unitId: 'B', metricId: 'm3', target: 100 },
      ],
      latest: [...input.latest, f('A', 'm3', 43.2), f('B', 'm3', 30)],
    });
    const a = byId(r, 'A').metrics[2];
    expect(a?.expected).toBeCloseTo(0.4, 12);
    expect(a?.pace).toBeCloseTo(1.08, 12);
    expect(a?.light).toBe('green');
    expect(a?.behindSchedule).toBe(0);
    const b = byId(r, 'B').metrics[1];
    expect(b?.light).toBe('red');
    expect(b?.behindSchedule).toBeCloseTo(10, 9);
    expect(b?.perDayNeeded).toBeNull();
    // the row's light is read from the mean of these same paces
    expect(byId(r, 'B').pace).toBeCloseTo((0.3 / 0.4 + 0.3 / 0.4) / 2, 12);
  });

  it('ranks a track on its own metrics; effort and contribution go neutral without totals', () => {
    // Only m2: A 100/100/100/100/100 → 100; C 80/80/100/100/100 → (3200+1600+1500+1000+1500)/100 = 88
    const t = computeStandings({ ...input, metricIds: new Set(['m2']) });
    expect(t.rows.map((r) => [r.unitId, r.overallRank])).toEqual([
      ['A', 1],
      ['C', 2],
    ]);
    expect(t.rows[0]?.score).toBeCloseTo(100, 9);
    expect(t.rows[1]?.score).toBeCloseTo(88, 9);
  });

  it('lowers quality when a problem was closed late (B: 0 → 59.857 − 15 = 44.857)', () => {
    const q = computeStandings({
      ...input,
      problems: [{ unitId: 'B', dueDay: '2025-10-05', closedDay: '2025-10-08' }],
    });
    const b = byId(q, 'B');
    expect(b.dims.quality).toBe(0);
    expect(b.quality).toEqual({ score: 0, counted: 1, onTime: 0 });
    expect(b.score).toBeCloseTo(59.857142857 - 15, 8);
    expect(byId(q, 'A').dims.quality).toBe(100);
  });

  it('gives everyone 100 pace and effort before the start and ranks them by score', () => {
    const early = computeStandings({ ...input, day: '2025-08-25', latest: [], baseline: [] });
    expect(early.timeProgress).toBe(0);
    for (const row of early.rows) {
      expect(row.pace).toBe(1);
      expect(row.dims.effort).toBe(100);
      expect(row.completion).toBe(0);
    }
  });

  it('marks a unit done when every metric is done on the last day', () => {
    const last = computeStandings({
      ...input,
      day: '2025-12-09',
      latest: [f('A', 'm1', 10), f('A', 'm2', 3.1)],
    });
    expect(byId(last, 'A').light).toBe('done');
    expect(byId(last, 'B').light).toBe('red');
  });
});

describe('standings worked out again after a write, from the earlier ones', () => {
  const key = (x: { unitId: string; metricId: string }) => `${x.unitId}|${x.metricId}`;
  const change = fc.record({
    unitId: fc.constantFrom('A', 'B', 'C', 'Z'),
    metricId: fc.constantFrom('m1', 'm2'),
    value: fc.integer({ min: 0, max: 300 }).map((n) => n / 10),
  });
  const applied = (list: readonly FigureValue[], changes: readonly FigureValue[]) => [
    ...new Map([...list, ...changes].map((x) => [key(x), x])).values(),
  ];

  it('equal the standings computed afresh, whatever latest and baseline figures changed', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 5 }), fc.array(change, { maxLength: 3 }), (now, then) => {
        const after = {
          ...input,
          latest: applied(input.latest, now),
          baseline: applied(input.baseline, then),
        };
        expect(computeStandings({ ...after, reuse: computeStandings(input) })).toEqual(
          computeStandings(after),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("takes a metric whose figures are unchanged as it was, and works out again the changed ones and the city's", () => {
    const before = computeStandings(input);
    // C's m2 (a rate, in no city total) changes: every other detail is the earlier one.
    const rate = computeStandings({
      ...input,
      latest: applied(input.latest, [f('C', 'm2', 3.5)]),
      reuse: before,
    });
    expect(byId(rate, 'C').metrics[1]).not.toBe(byId(before, 'C').metrics[1]);
    expect(byId(rate, 'C').metrics[1]?.value).toBe(3.5);
    expect(byId(rate, 'C').metrics[0]).toBe(byId(before, 'C').metrics[0]);
    expect(byId(rate, 'A').metrics[0]).toBe(byId(before, 'A').metrics[0]);
    // B's m1 (a cumulative total) changes: the city's ΣA moves, so every unit's m1 contribution is new.
    const total = computeStandings({
      ...input,
      latest: applied(input.latest, [f('B', 'm1', 9)]),
      reuse: before,
    });
    expect(byId(total, 'A').metrics[0]).not.toBe(byId(before, 'A').metrics[0]);
    expect(byId(total, 'A').metrics[0]?.city).toEqual({ value: 17, target: 40 });
    expect(byId(total, 'A').metrics[1]).toBe(byId(before, 'A').metrics[1]);
  });

  it("works a unit's row out again when only its problems changed", () => {
    const before = computeStandings(input);
    const late = [{ unitId: 'B', dueDay: '2025-10-05', closedDay: '2025-10-08' }];
    const after = computeStandings({ ...input, problems: late, reuse: before });
    expect(after).toEqual(computeStandings({ ...input, problems: late }));
    expect(byId(after, 'B').dims.quality).toBe(0);
    expect(byId(after, 'B').metrics[0]).toBe(byId(before, 'B').metrics[0]);
  });

  it('takes nothing from standings of another day', () => {
    const before = computeStandings({ ...input, day: '2025-10-09' });
    const again = computeStandings({ ...input, reuse: before });
    expect(again).toEqual(computeStandings(input));
    expect(byId(again, 'A').metrics[1]).not.toBe(byId(before, 'A').metrics[1]);
  });
});
