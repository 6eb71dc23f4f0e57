/**
 * The standings of one division (`board.leaderboard` with `division`: the server keeps it cached until the
 * next post), for the unit page's median radar; null division: wait.
 */
import type { StandingRow } from '../../../core/contract';
import { call } from '../../api/call';
import { useAsync, type AsyncState } from '../../hooks/useAsync';

export function useDivisionRows(division: string | null): AsyncState<StandingRow[]> {
  return useAsync(division, async () =>
    division ? (await call('board.leaderboard', { division })).rows : [],
  );
}
