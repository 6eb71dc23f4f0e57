import { completionTrend, type TrendInput } from './trend';

// A 10-day campaign 2025-09-01 … 2025-09-10; the unit has 完成投资 (target 10, up) and 不良贷款率 (3.2, down).
const base: TrendInput = {
  start: '2025-09-01',
  end: '2025-09-10',
  today: '2025-09-04',
  assigned: [
    { metric: { id: 'invest', direction: 'up' }, target: 10 },
    { metric: { id: 'npl', direction: 'down' }, target: 3.2 },
  ],
  daily: [
    { metricId: 'npl', value: 4, day: '2025-09-03' },
    { metricId: 'invest', value: 1, day: '2025-08-30' },
    { metricId: 'invest', value: 3, day: '2025-09-02' },
  ],
};

describe('completion trend', () => {
  it('gives one point per day from the start to today, carrying values forward', () => {
    const points = completionTrend(base);
    expect(points.map((p) => p.day)).toEqual(['2025-09-01', '2025-09-02', '2025-09-03', '2025-09-04']);
    // 09-01: invest 1 (reported before the start) → (0.1 + 0) / 2 = 0.05
    // 09-02: invest 3 → (0.3 + 0) / 2 = 0.15
    // 09-03: npl 4 over 3.2 → 3.2/4 = 0.8 → (0.3 + 0.8) / 2 = 0.55; 09-04 unchanged
    expect(points.map((p) => p.completion)).toEqual([
      expect.closeTo(0.05, 12),
      expect.closeTo(0.15, 12),
      expect.closeTo(0.55, 12),
      expect.closeTo(0.55, 12),
    ]);
    // τ = day / 10
    expect(points.map((p) => p.timeProgress)).toEqual([0.1, 0.2, expect.closeTo(0.3, 12), 0.4]);
  });

  it('stops at the last day once the campaign is over', () => {
    expect(completionTrend({ ...base, today: '2025-10-01' })).toHaveLength(10);
  });

  it('is empty before the start and for a unit without metrics', () => {
    expect(completionTrend({ ...base, today: '2025-08-31' })).toEqual([]);
    expect(completionTrend({ ...base, assigned: [] })).toEqual([]);
  });
});
