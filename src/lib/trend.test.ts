import { arena, makePost } from '../testing/fixtures';
import { deriveTrend } from './trend';

// Unit u1 has three metrics: invest (target 10), rate (100 %), count (4).
describe('trend rebuilt from a unit’s posts', () => {
  it('starts at zero on day one and follows the running mean of its metrics, one point a day', () => {
    const posts = [
      makePost({
        id: 'b',
        createdAt: '2025-01-11T09:00:00Z',
        figures: [{ metricId: 'm-count', value: 2, previous: null }],
      }),
      makePost({
        id: 'a',
        createdAt: '2025-01-11T01:00:00Z',
        figures: [{ metricId: 'm-invest', value: 3, previous: null }],
      }),
      makePost({
        id: 'c',
        createdAt: '2025-01-21T01:00:00Z',
        figures: [{ metricId: 'm-invest', value: 6, previous: 3 }],
      }),
    ];
    const points = deriveTrend(arena, 'u1', posts, null);
    expect(points.map((p) => p.day)).toEqual(['2025-01-01', '2025-01-11', '2025-01-21']);
    expect(points[0]).toEqual({ day: '2025-01-01', completion: 0, timeProgress: 0.01 });
    // 11 Jan closes with invest 0.3 and count 0.5: (0.3 + 0 + 0.5) / 3.
    expect(points[1]!.completion).toBeCloseTo(0.8 / 3);
    expect(points[1]!.timeProgress).toBeCloseTo(0.11);
    expect(points[2]!.completion).toBeCloseTo(1.1 / 3);
  });

  it('counts a post on the Shanghai day it was made, not the UTC one', () => {
    // 20:00 UTC on 1 Feb is 04:00 on 2 Feb in Shanghai.
    const points = deriveTrend(arena, 'u1', [makePost({ createdAt: '2025-02-01T20:00:00Z' })], null);
    expect(points.at(-1)!.day).toBe('2025-02-02');
  });

  it('ends with today’s standing from the server, which outranks what the posts suggest', () => {
    const points = deriveTrend(arena, 'u1', [makePost({ createdAt: '2025-02-10T01:00:00Z' })], {
      day: '2025-02-10',
      completion: 0.42,
    });
    expect(points.at(-1)).toEqual({ day: '2025-02-10', completion: 0.42, timeProgress: 0.41 });
  });

  it('ignores other units’ posts', () => {
    const points = deriveTrend(arena, 'u1', [makePost({ unitId: 'u2' })], null);
    expect(points).toHaveLength(1);
  });
});
