import { median, medianDims } from './median';

const row = (performance: number, speed: number, quality: number, effort: number, contribution: number) => ({
  dims: { performance, speed, quality, effort, contribution },
});

describe('median', () => {
  it('is the middle value of an odd count, whatever the order: 30, 90, 60 → 60', () => {
    expect(median([30, 90, 60])).toBe(60);
  });

  it('averages the middle two of an even count: 10, 40, 50, 100 → (40 + 50) / 2 = 45', () => {
    expect(median([100, 10, 50, 40])).toBe(45);
  });

  it('sorts numbers as numbers, not as text: 9, 10, 100 → 10', () => {
    expect(median([100, 9, 10])).toBe(10);
  });

  it('is the one value of a single one, and null for none', () => {
    expect(median([72.5])).toBe(72.5);
    expect(median([])).toBeNull();
  });

  it('leaves out what is not a number', () => {
    expect(median([Number.NaN, 20, Number.POSITIVE_INFINITY, 40])).toBe(30);
    expect(median([Number.NaN])).toBeNull();
  });

  it('does not reorder the caller’s list', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('the division median of the five comparisons', () => {
  it('takes each dimension on its own over four units (even: the middle two averaged)', () => {
    const rows = [
      row(120, 150, 100, 80, 40),
      row(60, 90, 100, 100, 150),
      row(90, 120, 50, 150, 100),
      row(30, 60, 100, 20, 100),
    ];
    // performance 30 60 | 90 120 → 75; speed 60 90 | 120 150 → 105; quality 50 100 | 100 100 → 100;
    // effort 20 80 | 100 150 → 90; contribution 40 100 | 100 150 → 100.
    expect(medianDims(rows)).toEqual({
      performance: 75,
      speed: 105,
      quality: 100,
      effort: 90,
      contribution: 100,
    });
  });

  it('is the middle unit’s figure on each dimension for three units, not one unit’s whole row', () => {
    const rows = [row(100, 40, 100, 100, 150), row(50, 150, 0, 100, 100), row(80, 100, 100, 30, 60)];
    // performance 50 80 100 → 80; speed 40 100 150 → 100; quality 0 100 100 → 100; effort 30 100 100 → 100;
    // contribution 60 100 150 → 100.
    expect(medianDims(rows)).toEqual({
      performance: 80,
      speed: 100,
      quality: 100,
      effort: 100,
      contribution: 100,
    });
  });

  it('is the unit itself in a division of one, and null for an empty division', () => {
    expect(medianDims([row(81.5, 97, 100, 64.2, 110)])).toEqual(row(81.5, 97, 100, 64.2, 110).dims);
    expect(medianDims([])).toBeNull();
  });
});
