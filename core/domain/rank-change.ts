/**
 * Rank change against the previous day's close (DOMAIN.md): places gained (positive = up);
 * null for a unit that was not ranked then.
 */
export function rankDelta(current: number, previous: number | undefined): number | null {
  return previous === undefined ? null : previous - current;
}

/** Deltas for every unit of `current`, from (unitId → rank) maps. */
export function rankDeltas(
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number> | null,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [unitId, rank] of current) out.set(unitId, rankDelta(rank, previous?.get(unitId)));
  return out;
}
