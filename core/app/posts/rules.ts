/**
 * The rules a post must pass before it is written (issue 2, post.create): who may post for a unit
 * (DOMAIN.md "Who uses it": a reporter or unit leader of that unit), and what its figures may be.
 */
import { fail, roleNames, type ApiError, type Fail } from '../../contract';
import { figureRangeProblem } from '../../domain/figure-range';
import type { CampaignView } from '../campaigns/view';
import type { UserRecord } from '../people/store';
import type { FigureInputRecord } from './store';

const posters = new Set(['reporter', 'unit_leader']);

export function checkPoster(user: UserRecord, unitId: string, view: CampaignView): Fail | null {
  const unitName = view.unitById.get(unitId)?.name ?? unitId;
  if (!posters.has(user.role)) {
    return fail(
      'FORBIDDEN',
      `${roleNames[user.role]}不能晒进度：只有本单位的填报员或单位负责人可以为「${unitName}」发布。`,
    );
  }
  if (user.unitId === null)
    return fail('FORBIDDEN', '你的账号未绑定单位，不能晒进度；请联系管理员绑定单位。');
  if (user.unitId !== unitId) {
    const mine = view.unitById.get(user.unitId)?.name ?? user.unitId;
    return fail('FORBIDDEN', `只能为本单位晒进度：你属于「${mine}」，不能为「${unitName}」发布。`);
  }
  return null;
}

const invalid = (message: string): ApiError => ({ code: 'INVALID_ARGUMENT', message });

/**
 * Each metric known, assigned to the unit (it has a target), at most once, with a value in its plausible
 * range (core/domain/figure-range.ts, the rule the editor applies too); and something to show.
 */
export function checkFigures(
  unitId: string,
  figures: readonly FigureInputRecord[],
  text: string,
  view: CampaignView,
): ApiError | null {
  if (figures.length === 0 && text.trim() === '') return invalid('请至少填写一个指标数值，或写几句进展。');
  const seen = new Set<string>();
  for (const [i, f] of figures.entries()) {
    const field = `figures.${i}.metricId`;
    const metric = view.metricById.get(f.metricId);
    if (!metric) return invalid(`${field}：指标「${f.metricId}」不存在。`);
    const target = view.target(unitId, f.metricId);
    if (target === undefined) {
      return invalid(`${field}：本单位没有「${metric.name}」的目标，不能填报该指标。`);
    }
    if (seen.has(f.metricId)) return invalid(`${field}：「${metric.name}」在一条动态中只能填报一次。`);
    seen.add(f.metricId);
    const implausible = figureRangeProblem(metric, target, f.value);
    if (implausible) return invalid(`figures.${i}.value：${implausible}`);
  }
  return null;
}
