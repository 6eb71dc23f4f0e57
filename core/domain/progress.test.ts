import { campaignDays, timeProgress } from './progress';

// A 100-day campaign: 2025-09-01 … 2025-12-09 (30 + 31 + 30 + 9 = 100 days).
const S = '2025-09-01';
const E = '2025-12-09';

describe('time progress τ', () => {
  it('counts both ends of the campaign', () => {
    expect(campaignDays(S, E)).toBe(100);
  });

  it('is 1/100 on the first day', () => {
    expect(timeProgress(S, S, E)).toBeCloseTo(0.01, 12);
  });

  it('is 40/100 on day 40 (2025-10-10: 30 days of Sep + 10)', () => {
    expect(timeProgress('2025-10-10', S, E)).toBeCloseTo(0.4, 12);
  });

  it('is 1 on the last day and stays 1 after it', () => {
    expect(timeProgress(E, S, E)).toBe(1);
    expect(timeProgress('2026-01-15', S, E)).toBe(1);
  });

  it('is 0 before the start', () => {
    // (Aug 31 − Sep 1 + 1) / 100 = 0
    expect(timeProgress('2025-08-31', S, E)).toBe(0);
    expect(timeProgress('2025-08-01', S, E)).toBe(0);
  });
});
