import { expectedCompletion, isRunningTotal, pace, pacedByTime } from './pace';

const cumulative = { kind: 'cumulative', direction: 'up' } as const;
const count = { kind: 'count', direction: 'up' } as const;
const rate = { kind: 'rate', direction: 'up' } as const;

describe('pace', () => {
  it('divides a growing running total by τ (c 0.3 at τ 0.4 → 0.75)', () => {
    const expected = expectedCompletion(cumulative, 0.4);
    expect(expected).toBe(0.4);
    expect(pace(0.3, expected)).toBeCloseTo(0.75, 12);
  });

  it('treats count metrics as running totals (2 of 4 signed at τ 0.25 → 0.5 / 0.25 = 2)', () => {
    expect(pace(0.5, expectedCompletion(count, 0.25))).toBeCloseTo(2, 12);
  });

  it('is plain completion for a rate that is a state (特色产业投资占比 c 0.9 → 0.9, whatever τ)', () => {
    expect(pace(0.9, expectedCompletion(rate, 0.4))).toBeCloseTo(0.9, 12);
  });

  it('compares a paced rate with 序时 (开工率 43.2% of 100% at τ 0.41 → 1.05, not 0.43)', () => {
    const startRate = { ...rate, paced: true };
    expect(pacedByTime(startRate)).toBe(true);
    expect(pace(0.432, expectedCompletion(startRate, 0.41))).toBeCloseTo(1.0537, 4);
  });

  it('lets the campaign take a running total off 序时 (paced: false → held to the target every day)', () => {
    const held = { ...cumulative, paced: false };
    expect(pacedByTime(held)).toBe(false);
    expect(expectedCompletion(held, 0.4)).toBe(1);
  });

  it('never paces a ceiling, even when set (不良贷款率 c 0.8 → 0.8)', () => {
    expect(pacedByTime({ kind: 'rate', direction: 'down', paced: true })).toBe(false);
    expect(pace(0.8, expectedCompletion({ kind: 'rate', direction: 'down' }, 0.4))).toBeCloseTo(0.8, 12);
    expect(pace(0.8, expectedCompletion({ kind: 'cumulative', direction: 'down' }, 0.4))).toBeCloseTo(
      0.8,
      12,
    );
  });

  it('is 1 (on schedule) before the start, when τ = 0', () => {
    expect(pace(0, expectedCompletion(cumulative, 0))).toBe(1);
    expect(pace(0.2, expectedCompletion(cumulative, 0))).toBe(1);
    expect(expectedCompletion({ kind: 'rate', direction: 'down' }, 0)).toBe(0);
    expect(pace(0, expectedCompletion(rate, 0))).toBe(1);
  });

  it('knows which kinds are running totals', () => {
    expect(isRunningTotal('cumulative')).toBe(true);
    expect(isRunningTotal('count')).toBe(true);
    expect(isRunningTotal('rate')).toBe(false);
  });
});
