/**
 * `npm run bench` in quick mode (a 40-unit city, a few seconds): it must run end to end and print
 * every figure beside its floor, and the cache must make the leaderboard cheaper than computing it.
 */
import { runBench } from '../../bench/run';

jest.setTimeout(30_000);

it('runs the benchmark in quick mode and reports each figure against the floor', async () => {
  const previous = process.env.BENCH_QUICK;
  process.env.BENCH_QUICK = '1';
  const lines: string[] = [];
  try {
    const rows = await runBench((line) => lines.push(line));
    expect(rows.map((r) => r.what)).toEqual([
      'post.create c=16 vs http floor',
      'post.create c=16 vs db floor',
      'post.create c=16 vs combined floor (target ≥ 0.80×)',
      'post.create c=16 p50 (floor: http)',
      'post.create c=16 p99 (floor: http)',
      expect.stringMatching(/^leaderboard uncached @/),
      expect.stringMatching(/^leaderboard cached @/),
      expect.stringMatching(/^leaderboard uncached @/),
      expect.stringMatching(/^leaderboard cached @/),
      expect.stringMatching(/^leaderboard uncached @.* ÷ @.* \(target ≤ 1\.20×\)$/),
      expect.stringMatching(/^leaderboard first read of a day @/),
      expect.stringMatching(/^leaderboard cold start, closes kept @/),
      'leaderboard uncached 60×20, 10 days (target ≤ 50 ms)',
      'leaderboard cached 60×20, 10 days (target ≤ 2 ms)',
      'leaderboard first read of a day 60×20, 10 days',
    ]);
    for (const r of rows) {
      expect(Number.isFinite(r.arena) && r.arena > 0).toBe(true);
      expect(Number.isFinite(r.floor) && r.floor > 0).toBe(true);
    }
    // The combined floor is below both of its parts: 1 / (1/http + 1/db).
    const [vsHttp, vsDb, vsCombined] = rows;
    expect(vsCombined?.floor).toBeLessThan(Math.min(vsHttp?.floor ?? 0, vsDb?.floor ?? 0));
    expect(vsCombined?.floor).toBeCloseTo(1 / (1 / (vsHttp?.floor ?? 0) + 1 / (vsDb?.floor ?? 0)), 6);
    const [, , , , , uncached, cached] = rows;
    expect(cached?.arena).toBeLessThan(uncached?.arena ?? 0);
    expect(lines.join('\n')).toMatch(/\| post\.create c=16 vs combined floor .*\| .* posts\/s .*\| .*×/);
    expect(lines.join('\n')).toMatch(/\| post\.create c=16 p99 .*\| .* ms .*\| .*×/);
    expect(lines.join('\n')).toMatch(/\| board\.leaderboard +\| \d+ +\| \d+ /);
  } finally {
    if (previous === undefined) delete process.env.BENCH_QUICK;
    else process.env.BENCH_QUICK = previous;
  }
});
