import { lightOfPace, metricLight, rowLight } from './light';

describe('lights', () => {
  it('is green from p = 1, yellow from 0.8, red below', () => {
    expect(lightOfPace(1)).toBe('green');
    expect(lightOfPace(1.5)).toBe('green');
    expect(lightOfPace(0.99)).toBe('yellow');
    expect(lightOfPace(0.8)).toBe('yellow');
    expect(lightOfPace(0.79)).toBe('red');
  });

  it('is done once an up metric reaches its target, whatever the pace', () => {
    expect(metricLight(1, 2.5, 'up', 0.4)).toBe('done');
    expect(metricLight(0.99, 2.475, 'up', 0.4)).toBe('green');
  });

  it('keeps a down metric under its ceiling green until the last day, then done', () => {
    // 3.0% ≤ 3.2%: c = 1, p = 1
    expect(metricLight(1, 1, 'down', 0.4)).toBe('green');
    expect(metricLight(1, 1, 'down', 1)).toBe('done');
  });

  it('shows a down metric over its ceiling by its pace even on the last day', () => {
    // 4.0% over 3.2%: c = p = 0.8
    expect(metricLight(0.8, 0.8, 'down', 1)).toBe('yellow');
  });

  it('is done for a unit only when every metric is done', () => {
    expect(rowLight(['done', 'done'], 2)).toBe('done');
    expect(rowLight(['done', 'red'], 0.9)).toBe('yellow');
    expect(rowLight([], 1)).toBe('green');
  });
});
