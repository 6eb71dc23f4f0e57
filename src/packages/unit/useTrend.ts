/** The unit's trend (`unit.trend`): the server keeps each day's figures, so nothing is rebuilt from posts here. */
import type { ActionOutput } from '../../../core/contract';
import { call } from '../../api/call';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import type { TrendPoint } from '../../lib/trend';

type Detail = ActionOutput<'unit.detail'>;

export function useTrend(detail: Detail | null): AsyncState<TrendPoint[]> {
  return useAsync(detail ? `${detail.unit.id}|${detail.standing.completion}` : null, async () =>
    detail ? (await call('unit.trend', { unitId: detail.unit.id })).points : [],
  );
}
