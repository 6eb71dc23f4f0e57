import { rankDelta, rankDeltas } from './rank-change';

describe('rank change', () => {
  it('is positive for places gained: from 4th to 2nd → +2', () => {
    expect(rankDelta(2, 4)).toBe(2);
  });

  it('is negative for places lost: from 1st to 3rd → −2', () => {
    expect(rankDelta(3, 1)).toBe(-2);
  });

  it('is null for a unit not ranked at the previous close', () => {
    expect(rankDelta(1, undefined)).toBeNull();
  });

  it('maps every current unit, and all to null when there was no previous close', () => {
    const now = new Map([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
    const before = new Map([
      ['B', 1],
      ['A', 2],
    ]);
    expect(Object.fromEntries(rankDeltas(now, before))).toEqual({ A: 1, B: -1, C: null });
    expect(Object.fromEntries(rankDeltas(now, null))).toEqual({ A: null, B: null, C: null });
  });
});
