/** Latency summaries for the benchmark. */
export interface Summary {
  n: number;
  /** Per second, over the wall time of the run. */
  throughput: number;
  p50: number;
  p99: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function summarize(latenciesMs: readonly number[], wallMs: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    throughput: (sorted.length / wallMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? total / sorted.length : NaN,
  };
}

/** Runs `fn` `reps` times and summarizes its durations. */
export async function timeIt(reps: number, fn: () => unknown): Promise<Summary> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return summarize(times, performance.now() - started);
}
