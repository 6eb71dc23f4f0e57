import { cityTotals, contributes, contributionScore } from './contribution';

describe('contribution', () => {
  // City: A 6 of 10, B 6 of 20, C 2 of 10 → ΣA = 14, ΣT = 40.
  const latest = [
    { unitId: 'A', metricId: 'm1', value: 6 },
    { unitId: 'B', metricId: 'm1', value: 6 },
    { unitId: 'C', metricId: 'm1', value: 2 },
  ];
  const targets = [
    { unitId: 'A', metricId: 'm1', target: 10 },
    { unitId: 'B', metricId: 'm1', target: 20 },
    { unitId: 'C', metricId: 'm1', target: 10 },
  ];
  const city = cityTotals(latest, targets).get('m1');

  it('sums the city total and target', () => {
    expect(city).toEqual({ value: 14, target: 40 });
  });

  it('leaves out figures of units without a target for the metric', () => {
    const stray = [...latest, { unitId: 'Z', metricId: 'm1', value: 100 }];
    expect(cityTotals(stray, targets).get('m1')).toEqual({ value: 14, target: 40 });
  });

  it('is share of total over share of target: B (6/14)/(20/40) = 0.857 → 85.71', () => {
    expect(contributionScore(6, 20, city)).toBeCloseTo((100 * (6 / 14)) / 0.5, 10);
    expect(contributionScore(6, 20, city)).toBeCloseTo(85.7142857, 6);
  });

  it('gives C (2/14)/(10/40) = 0.571 → 57.14', () => {
    expect(contributionScore(2, 10, city)).toBeCloseTo(57.1428571, 6);
  });

  it('caps at 150: A (6/14)/(10/40) = 1.714 → 150', () => {
    expect(contributionScore(6, 10, city)).toBeCloseTo(150, 10);
  });

  it('is 0 for a unit that reported nothing while others did', () => {
    expect(contributionScore(null, 10, city)).toBe(0);
  });

  it('is 100 while nothing is reported city-wide', () => {
    expect(contributionScore(null, 10, { value: 0, target: 40 })).toBe(100);
    expect(contributionScore(null, 10, undefined)).toBe(100);
  });

  it('applies to growing cumulative metrics only', () => {
    expect(contributes({ kind: 'cumulative', direction: 'up' })).toBe(true);
    expect(contributes({ kind: 'count', direction: 'up' })).toBe(false);
    expect(contributes({ kind: 'rate', direction: 'down' })).toBe(false);
  });
});
