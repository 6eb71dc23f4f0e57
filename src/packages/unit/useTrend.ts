/**
 * The unit's trend: `unit.trend` from the server, or — where the server does not offer it yet
 * (NOT_FOUND for the action) — rebuilt from the unit's posts and today's standing.
 */
import type { ActionOutput, Post } from '../../../core/contract';
import { call } from '../../api/call';
import { ApiCallError } from '../../api/errors';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import type { Arena } from '../../lib/arena';
import { shanghaiDay } from '../../lib/progress';
import { deriveTrend, type TrendPoint } from '../../lib/trend';

type Detail = ActionOutput<'unit.detail'>;

async function unitPosts(unitId: string, pages = 4): Promise<Post[]> {
  const all: Post[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = await call('post.list', { unitId, limit: 50, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}

export async function loadTrend(arena: Arena, detail: Detail): Promise<TrendPoint[]> {
  const unitId = detail.unit.id;
  try {
    return (await call('unit.trend', { unitId })).points;
  } catch (e) {
    if (!(e instanceof ApiCallError && e.code === 'NOT_FOUND')) throw e;
  }
  const today = { day: shanghaiDay(Date.now()), completion: detail.standing.completion };
  return deriveTrend(arena, unitId, await unitPosts(unitId), today);
}

export function useTrend(arena: Arena | null, detail: Detail | null): AsyncState<TrendPoint[]> {
  return useAsync(arena && detail ? `${detail.unit.id}|${detail.standing.completion}` : null, () =>
    arena && detail ? loadTrend(arena, detail) : Promise.resolve([]),
  );
}
