import { compositeScore, mean } from './composite';

const weights = { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 };

describe('composite score', () => {
  it('is the weighted mean with the default weights', () => {
    // (40×80 + 20×125 + 15×100 + 10×150 + 15×150) / 100 = 10950 / 100 = 109.5
    const dims = { performance: 80, speed: 125, quality: 100, effort: 150, contribution: 150 };
    expect(compositeScore(dims, weights)).toBeCloseTo(109.5, 10);
  });

  it('does not need weights that add up to 100', () => {
    // (1×60 + 3×100) / 4 = 90
    const dims = { performance: 60, speed: 100, quality: 0, effort: 0, contribution: 0 };
    const w = { performance: 1, speed: 3, quality: 0, effort: 0, contribution: 0 };
    expect(compositeScore(dims, w)).toBeCloseTo(90, 10);
  });

  it('falls back to the plain mean when every weight is 0', () => {
    const dims = { performance: 50, speed: 100, quality: 100, effort: 100, contribution: 150 };
    const zero = { performance: 0, speed: 0, quality: 0, effort: 0, contribution: 0 };
    expect(compositeScore(dims, zero)).toBeCloseTo(100, 10);
  });

  it('averages a list and falls back when it is empty', () => {
    expect(mean([60, 100], 0)).toBe(80);
    expect(mean([], 100)).toBe(100);
  });
});
