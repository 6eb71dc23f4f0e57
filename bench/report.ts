/** The benchmark's table: each figure, the floor's, and their ratio. */
export interface Row {
  what: string;
  unit: string;
  arena: number;
  floor: number;
  /** Throughput: the ratio is arena / floor (≤ 1). Times: arena / floor too (≥ 1, "× the floor"). */
  higherIsBetter?: boolean;
}

const fmt = (n: number) =>
  n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3);

export function printReport(rows: readonly Row[], log: (line: string) => void): void {
  const header = ['measure', 'arena', 'floor (better-sqlite3)', 'ratio'];
  const body = rows.map((r) => [
    r.what,
    `${fmt(r.arena)} ${r.unit}`,
    `${fmt(r.floor)} ${r.unit}`,
    `${(r.arena / r.floor).toFixed(2)}×${r.higherIsBetter ? ' of floor' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  log('');
  log(line(header));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) log(line(b));
  log('');
  log('Floor: the same transaction (post + latest + daily upserts + version bump) and the latest-figures');
  log("read, straight on better-sqlite3 with the adapter's schema and pragmas (WAL, synchronous=FULL).");
  log('HTTP latencies at concurrency 16 include queueing behind the other requests; the floor runs one');
  log(
    'transaction at a time. Cached: the same data version read again; uncached: the first read after a write.',
  );
}
