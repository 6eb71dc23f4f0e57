import { render, screen } from '@testing-library/react';
import { problemCategories, type ActionOutput } from '../../../../../core/contract';
import { arena } from '../../../../testing/fixtures';
import { makeProblem } from '../../../../testing/tasks-fixtures';
import { blockersOption } from '../../components/BlockersChart/blockersOption';
import { BlockersView } from './index';

jest.mock('../../components/BlockersChart/BlockersChart', () => ({
  __esModule: true,
  default: () => <div data-testid="chart-stub" />,
}));

const zero = { open: 0, overdue: 0, closed: 0 };
const byCategory = problemCategories.map((category) => ({ category, ...zero }));
const blockers = (over: Partial<ActionOutput<'board.blockers'>> = {}): ActionOutput<'board.blockers'> => ({
  byCategory: byCategory.map((c) =>
    c.category === 'land'
      ? { ...c, open: 3, overdue: 1, closed: 2 }
      : c.category === 'funding'
        ? { ...c, open: 1, overdue: 0, closed: 4 }
        : c,
  ),
  byTrack: [{ trackId: 't1', trackName: '百日攻坚', open: 4, overdue: 1, closed: 6 }],
  oldestOpen: [makeProblem({ id: 'old', title: '用地指标未落实' })],
  ...over,
});

describe('拆槛除障', () => {
  it('writes the figures out beside the chart: totals, each cause, each track, and the oldest open problems', () => {
    render(<BlockersView b={blockers()} arena={arena} />);
    expect(screen.getByTestId('chart-stub')).toBeTruthy();
    expect(screen.getByTestId('blockers-total').textContent).toBe('未销号 4 · 逾期 1 · 已销号 6');
    const rows = screen.getAllByTestId('blockers-category').map((r) => r.textContent);
    expect(rows).toHaveLength(7);
    expect(rows).toContain('土地未销号 3 · 逾期 1 · 已销号 2');
    expect(rows).toContain('能耗未销号 0 · 逾期 0 · 已销号 0');
    expect(screen.getAllByTestId('blockers-track').map((r) => r.textContent)).toEqual([
      '百日攻坚未销号 4 · 逾期 1 · 已销号 6',
    ]);
    expect(screen.getByText('积压最久的难题')).toBeTruthy();
    expect(
      screen.getAllByTestId('problem-card').map((c) => c.querySelector('.pcard__title')!.textContent),
    ).toEqual(['用地指标未落实']);
  });

  it('says there are no problems yet instead of drawing empty bars', () => {
    render(<BlockersView b={{ byCategory, byTrack: [], oldestOpen: [] }} arena={arena} />);
    expect(screen.getByText(/还没有难题/)).toBeTruthy();
    expect(screen.queryByTestId('chart-stub')).toBeNull();
  });

  it('says when every problem is closed off', () => {
    const allClosed = byCategory.map((c) => (c.category === 'policy' ? { ...c, closed: 2 } : c));
    render(<BlockersView b={{ byCategory: allClosed, byTrack: [], oldestOpen: [] }} arena={arena} />);
    expect(screen.getByText('难题都已销号，没有积压。')).toBeTruthy();
  });

  it('draws a bar per cause for 未销号, 逾期 and 已销号, told apart by legend shape and a number on each bar', () => {
    const o = blockersOption(blockers().byCategory, 1);
    const x = o.xAxis as { data: string[] };
    expect(x.data).toEqual(['政策', '资金', '土地', '能耗', '审批', '企业', '其他']);
    const series = o.series as { name: string; data: number[]; label: { show: boolean } }[];
    expect(series.map((s) => [s.name, s.data[2]])).toEqual([
      ['未销号', 3],
      ['逾期', 1],
      ['已销号', 2],
    ]);
    expect(series.every((s) => s.label.show)).toBe(true);
    const legend = o.legend as { data: { icon: string }[] };
    expect(new Set(legend.data.map((d) => d.icon)).size).toBe(3);
  });

  it('scales its text with the user’s font size', () => {
    const big = blockersOption(blockers().byCategory, 2);
    expect((big.xAxis as { axisLabel: { fontSize: number } }).axisLabel.fontSize).toBe(24);
  });
});
