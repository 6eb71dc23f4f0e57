import { behindSchedule, daysLeft, everyDays, gapToPrev, perDayNeeded, remaining } from './catch-up';

const S = '2025-09-01';
const E = '2025-12-09';

describe('catch up', () => {
  it('leaves T − A for an up metric (20 − 6 = 14), never below 0', () => {
    expect(remaining(6, 20, 'up')).toBe(14);
    expect(remaining(25, 20, 'up')).toBe(0);
    expect(remaining(null, 20, 'up')).toBe(20);
  });

  it('leaves A − T for a down metric (4.0% − 3.2% = 0.8 points), 0 under the ceiling', () => {
    expect(remaining(4.0, 3.2, 'down')).toBeCloseTo(0.8, 12);
    expect(remaining(3.0, 3.2, 'down')).toBe(0);
  });

  it('counts today among the days left: 10-10 … 12-09 is 22 + 30 + 9 = 61', () => {
    expect(daysLeft('2025-10-10', S, E)).toBe(61);
    expect(daysLeft(E, S, E)).toBe(1);
  });

  it('uses the whole campaign before the start and 1 day after the end', () => {
    expect(daysLeft('2025-08-20', S, E)).toBe(100);
    expect(daysLeft('2025-12-20', S, E)).toBe(1);
  });

  it('spreads what is left over the days left: 14 / 61 = 0.2295 a day', () => {
    expect(perDayNeeded(14, 61)).toBeCloseTo(0.229508, 6);
    expect(perDayNeeded(0, 61)).toBe(0);
  });

  it('measures how far behind 序时 in the metric\'s measure: τ 0.4 × T 20 − A 6 = 2 亿元; 0 when ahead', () => {
    expect(behindSchedule(6, 20, 0.4)).toBeCloseTo(2, 12);
    expect(behindSchedule(12, 20, 0.4)).toBe(0);
    // nothing reported yet: the whole τ·T
    expect(behindSchedule(null, 20, 0.4)).toBeCloseTo(8, 12);
  });

  it('reads a count needed less than once a day as one every N days, never fewer than needed', () => {
    // 2 projects left over 61 days: 0.033 a day → one every 30 days (every 31 would fall short)
    expect(everyDays(perDayNeeded(2, 61))).toBe(30);
    expect(everyDays(1 / 3)).toBe(3);
    expect(everyDays(0.7)).toBe(1);
    // one or more a day, or nothing left: no cadence, the plain per-day figure says it
    expect(everyDays(1)).toBeNull();
    expect(everyDays(2.5)).toBeNull();
    expect(everyDays(0)).toBeNull();
  });

  it('gives the points to the unit just above, null for the first', () => {
    const rows = [
      { unitId: 'A', score: 109.5 },
      { unitId: 'B', score: 59.857 },
      { unitId: 'D', score: 59.857 },
    ];
    expect(gapToPrev(rows, 'A')).toBeNull();
    expect(gapToPrev(rows, 'B')).toBeCloseTo(49.643, 6);
    expect(gapToPrev(rows, 'D')).toBe(0);
    // a tie up to float noise is a tie: 0, not 5.6e-17
    expect(gapToPrev([{ unitId: 'X', score: 0.1 + 0.2 }, { unitId: 'Y', score: 0.3 }], 'Y')).toBe(0);
    expect(gapToPrev(rows, 'Z')).toBeNull();
  });
});
