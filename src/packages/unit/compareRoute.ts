/** The compare page of the unit subpackage, and which unit to set beside a unit by default. */
import type { Arena } from '../../lib/arena';

export const compareRoute = (a: string, b?: string): string =>
  `/packages/unit/pages/compare/index?a=${encodeURIComponent(a)}${b ? `&b=${encodeURIComponent(b)}` : ''}`;

/** Units that are ranked (have a target), in the campaign's unit order. */
export const rankedUnits = (arena: Arena) => arena.units.filter((u) => arena.metricsOf(u.id).length > 0);

/**
 * Beside unit `a`: the user's own unit when it is another ranked unit (how do we compare with them?), else the
 * first other ranked unit of a's division (like is compared with like), else any other ranked unit; null when none.
 */
export function defaultPartner(arena: Arena, a: string, ownUnitId: string | null): string | null {
  const ranked = rankedUnits(arena);
  if (ownUnitId && ownUnitId !== a && ranked.some((u) => u.id === ownUnitId)) return ownUnitId;
  const division = arena.unit(a)?.division;
  const others = ranked.filter((u) => u.id !== a);
  return (others.find((u) => u.division === division) ?? others[0])?.id ?? null;
}
