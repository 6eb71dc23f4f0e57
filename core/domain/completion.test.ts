import { completion } from './completion';

describe('completion', () => {
  it('is A / T for an up metric (6 of 10 亿元 → 0.6)', () => {
    expect(completion(6, 10, 'up')).toBeCloseTo(0.6, 12);
  });

  it('goes past 1 when an up target is exceeded (25 of 20 → 1.25)', () => {
    expect(completion(25, 20, 'up')).toBeCloseTo(1.25, 12);
  });

  it('is 1 for a down metric at or under its ceiling (3.0% ≤ 3.2%)', () => {
    expect(completion(3.0, 3.2, 'down')).toBe(1);
    expect(completion(3.2, 3.2, 'down')).toBe(1);
  });

  it('is T / A for a down metric over its ceiling (3.2 / 4.0 = 0.8)', () => {
    expect(completion(4.0, 3.2, 'down')).toBeCloseTo(0.8, 12);
  });

  it('is 0 before anything is reported, in either direction', () => {
    expect(completion(null, 10, 'up')).toBe(0);
    expect(completion(null, 3.2, 'down')).toBe(0);
  });

  it('is 0 for an up metric reported as 0', () => {
    expect(completion(0, 10, 'up')).toBe(0);
  });
});
