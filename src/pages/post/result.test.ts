import type { ActionOutput } from '../../../core/contract';
import { arena } from '../../testing/fixtures';
import { resultSummary } from './result';
import type { EditorMetric } from './validate';

type Detail = ActionOutput<'unit.detail'>;

const rows: EditorMetric[] = arena.metricsOf('u1').map((metric) => ({
  metric,
  current: metric.id === 'm-invest' ? 4 : null,
  target: arena.target('u1', metric.id) ?? 0,
}));

const detail = (divisionRank: number, gapToPrev: number | null): Detail =>
  ({
    unit: { id: 'u1', name: '象珠镇', division: '乡镇街道' },
    standing: { divisionRank, overallRank: divisionRank, rank: divisionRank },
    gapToPrev,
  }) as unknown as Detail;

describe('the result after 发布', () => {
  it('says what was posted, the rank change and the gap to the unit above', () => {
    const r = resultSummary(
      rows,
      [
        { metricId: 'm-invest', value: 6.5 },
        { metricId: 'm-count', value: 2 },
      ],
      detail(8, 3),
      detail(6, 1.26),
    );
    expect(r).toEqual({
      figures: ['完成投资：4 亿元 → 6.5 亿元', '签约项目：未填报 → 2 个'],
      rank: '象珠镇 · 乡镇街道组内第 8 → 6 名，↑2',
      gap: '距组内上一名还差 1.3 分',
    });
  });

  it('says a fall, an unchanged rank and the top place plainly', () => {
    expect(resultSummary(rows, [], detail(3, 2), detail(5, 4)).rank).toContain('第 3 → 5 名，↓2');
    expect(resultSummary(rows, [], detail(4, 2), detail(4, 1)).rank).toBe(
      '象珠镇 · 乡镇街道组内第 4 名（名次未变）',
    );
    expect(resultSummary(rows, [], detail(2, 1), detail(1, null)).gap).toBe('组内第一，保持领先');
  });

  it('still lists the figures when the standing could not be read afterwards', () => {
    expect(resultSummary(rows, [{ metricId: 'm-invest', value: 5 }], detail(2, 1), null)).toEqual({
      figures: ['完成投资：4 亿元 → 5 亿元'],
      rank: null,
      gap: null,
    });
  });
});
