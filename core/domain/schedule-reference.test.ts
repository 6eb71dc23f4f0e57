import { scheduleReferenceScore } from './schedule-reference';

describe('序时参考 on a chart of scores', () => {
  it('is 100 × τ: 40 days of 100 → 40 points, the last day → 100', () => {
    expect(scheduleReferenceScore(0.4)).toBeCloseTo(40, 10);
    expect(scheduleReferenceScore(1)).toBe(100);
  });

  it('is 0 before the start and never beyond 100 however τ is given', () => {
    expect(scheduleReferenceScore(0)).toBe(0);
    expect(scheduleReferenceScore(-0.2)).toBe(0);
    expect(scheduleReferenceScore(1.3)).toBe(100);
  });
});
