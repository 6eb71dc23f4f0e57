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
      'post.create HTTP c=16 throughput',
      'post.create p50',
      'post.create p99',
      expect.stringMatching(/^leaderboard uncached @/),
      expect.stringMatching(/^leaderboard cached @/),
      expect.stringMatching(/^leaderboard uncached @/),
      expect.stringMatching(/^leaderboard cached @/),
    ]);
    for (const r of rows) {
      expect(Number.isFinite(r.arena) && r.arena > 0).toBe(true);
      expect(Number.isFinite(r.floor) && r.floor > 0).toBe(true);
    }
    const [, , , uncached, cached] = rows;
    expect(cached?.arena).toBeLessThan(uncached?.arena ?? 0);
    expect(lines.join('\n')).toMatch(/\| post\.create p99 .*\| .* ms .*\| .*×/);
    expect(lines.join('\n')).toMatch(/\| board\.leaderboard +\| \d+ +\| \d+ /);
  } finally {
    if (previous === undefined) delete process.env.BENCH_QUICK;
    else process.env.BENCH_QUICK = previous;
  }
});
