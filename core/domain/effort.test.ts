import { effortBaselineDay, effortScore, effortSpan } from './effort';

// 100 days: 2025-09-01 … 2025-12-09.
const S = '2025-09-01';
const E = '2025-12-09';

describe('effort (momentum)', () => {
  it('looks back 30 days: on 10-10 the baseline is the close of 09-10', () => {
    expect(effortBaselineDay('2025-10-10', S, E)).toBe('2025-09-10');
    // τ(10-10) − τ(09-10) = 40/100 − 10/100 = 0.3
    expect(effortSpan('2025-10-10', S, E)).toBeCloseTo(0.3, 12);
  });

  it('looks back only to the start when the campaign is younger than 30 days', () => {
    // On day 10 the baseline is the eve of the start, whose τ is 0: Δτ = 10/100
    expect(effortBaselineDay('2025-09-10', S, E)).toBe('2025-08-31');
    expect(effortSpan('2025-09-10', S, E)).toBeCloseTo(0.1, 12);
  });

  it('freezes the window at the end of the campaign', () => {
    // After the end the window is 11-09 … 12-09: Δτ = 1 − 70/100 = 0.3
    expect(effortBaselineDay('2026-01-20', S, E)).toBe('2025-11-09');
    expect(effortSpan('2026-01-20', S, E)).toBeCloseTo(0.3, 12);
  });

  it('has no span before the start, which scores neutral 100', () => {
    expect(effortSpan('2025-08-20', S, E)).toBe(0);
    expect(effortScore(0.2, 0, 0)).toBe(100);
  });

  it('is 100 × Δc / Δτ: 0.15 gained over 0.3 → 50', () => {
    // c 0.3 now, 0.15 at the baseline: 0.15 / 0.3 = 0.5
    expect(effortScore(0.3, 0.15, 0.3)).toBeCloseTo(50, 10);
  });

  it('caps at 150: 0.5 gained over 0.3 → 1.67, capped to 1.5', () => {
    expect(effortScore(0.6, 0.1, 0.3)).toBeCloseTo(150, 10);
  });

  it('never goes below 0 when a correction lowered the total', () => {
    expect(effortScore(0.2, 0.3, 0.3)).toBe(0);
  });
});
