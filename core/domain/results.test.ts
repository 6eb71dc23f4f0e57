import { performanceScore, speedScore } from './results';

describe('performance and speed of one metric', () => {
  it('scores performance as 100 × c (c 0.6 → 60)', () => {
    expect(performanceScore(0.6)).toBeCloseTo(60, 10);
  });

  it('caps performance at 120 (c 1.5 → 100 × 1.2)', () => {
    expect(performanceScore(1.5)).toBeCloseTo(120, 10);
  });

  it('scores speed as 100 × p (p 0.75 → 75)', () => {
    expect(speedScore(0.75)).toBeCloseTo(75, 10);
  });

  it('caps speed at 150 (p 2.5 → 100 × 1.5)', () => {
    expect(speedScore(2.5)).toBeCloseTo(150, 10);
  });
});
