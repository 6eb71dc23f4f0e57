import type { MetricDetail } from './metric-standing';
import { summarize } from './unit-summary';

const weights = { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 };
const noProblems = { score: 100, counted: 0, onTime: 0 };

function metric(over: Partial<MetricDetail> & Pick<MetricDetail, 'metricId'>): MetricDetail {
  return {
    target: 10,
    value: 5,
    completion: 0.5,
    expected: 0.5,
    pace: 1,
    light: 'green',
    remaining: 5,
    perDayNeeded: 0.1,
    behindSchedule: 0,
    baselineValue: null,
    city: null,
    dims: { performance: 50, speed: 100, effort: null, contribution: null },
    ...over,
  };
}

describe('a unit row from its metrics (DOMAIN.md "Settled details")', () => {
  it('clamps every dimension to 0–150', () => {
    // A runaway effort of 900 and a negative quality would otherwise swing the composite.
    const s = summarize(
      [metric({ metricId: 'a', dims: { performance: 120, speed: 150, effort: 900, contribution: -40 } })],
      { score: -20, counted: 1, onTime: 0 },
      weights,
    );
    expect(s.dims).toEqual({ performance: 120, speed: 150, quality: 0, effort: 150, contribution: 0 });
    // (40·120 + 20·150 + 15·0 + 10·150 + 15·0) / 100 = 93
    expect(s.score).toBeCloseTo(93, 12);
  });

  it('says what the light is made of: counts per light, never-reported metrics, and the worst by pace', () => {
    const s = summarize(
      [
        metric({ metricId: 'a', light: 'done', pace: 2, completion: 1.1 }),
        metric({ metricId: 'b', light: 'red', pace: 0.5 }),
        metric({ metricId: 'c', light: 'red', pace: 0, value: null, completion: 0 }),
        metric({ metricId: 'd', light: 'yellow', pace: 0.9 }),
      ],
      noProblems,
      weights,
    );
    expect(s.lightCounts).toEqual({ red: 2, yellow: 1, green: 0, done: 1 });
    expect(s.unreported).toBe(1);
    expect(s.worstMetricId).toBe('c');
    // mean pace (2 + 0.5 + 0 + 0.9) / 4 = 0.85 → 预警, whatever the mean completion
    expect(s.pace).toBeCloseTo(0.85, 12);
    expect(s.light).toBe('yellow');
  });

  it('names the first of equally bad metrics in campaign order, and none when all are done', () => {
    const tie = summarize(
      [metric({ metricId: 'x', light: 'red', pace: 0.2 }), metric({ metricId: 'y', light: 'red', pace: 0.2 })],
      noProblems,
      weights,
    );
    expect(tie.worstMetricId).toBe('x');
    const done = summarize([metric({ metricId: 'x', light: 'done', pace: 1.3 })], noProblems, weights);
    expect(done.worstMetricId).toBeNull();
    expect(done.light).toBe('done');
  });
});
