import { expectedCompletion, isRunningTotal, pace } from './pace';

describe('pace', () => {
  it('divides a growing running total by τ (c 0.3 at τ 0.4 → 0.75)', () => {
    const expected = expectedCompletion('cumulative', 'up', 0.4);
    expect(expected).toBe(0.4);
    expect(pace(0.3, expected)).toBeCloseTo(0.75, 12);
  });

  it('treats count metrics as running totals (2 of 4 signed at τ 0.25 → 0.5 / 0.25 = 2)', () => {
    expect(pace(0.5, expectedCompletion('count', 'up', 0.25))).toBeCloseTo(2, 12);
  });

  it('is plain completion for a rate (开工率 c 0.9 → 0.9, whatever τ)', () => {
    expect(pace(0.9, expectedCompletion('rate', 'up', 0.4))).toBeCloseTo(0.9, 12);
  });

  it('is plain completion for a down metric (c 0.8 → 0.8)', () => {
    expect(pace(0.8, expectedCompletion('rate', 'down', 0.4))).toBeCloseTo(0.8, 12);
    expect(pace(0.8, expectedCompletion('cumulative', 'down', 0.4))).toBeCloseTo(0.8, 12);
  });

  it('is 1 (on schedule) before the start, when τ = 0', () => {
    expect(pace(0, expectedCompletion('cumulative', 'up', 0))).toBe(1);
    expect(pace(0.2, expectedCompletion('cumulative', 'up', 0))).toBe(1);
    expect(expectedCompletion('rate', 'down', 0)).toBe(0);
    expect(pace(0, expectedCompletion('rate', 'up', 0))).toBe(1);
  });

  it('knows which kinds are running totals', () => {
    expect(isRunningTotal('cumulative')).toBe(true);
    expect(isRunningTotal('count')).toBe(true);
    expect(isRunningTotal('rate')).toBe(false);
  });
});
