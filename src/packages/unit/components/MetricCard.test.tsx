import { render, screen } from '@testing-library/react';
import type { MetricInfo } from '../../../lib/arena';
import MetricCard, { perDayText } from './MetricCard';

const info = (over: Partial<MetricInfo>): MetricInfo => ({
  id: 'm',
  name: '指标',
  measure: '亿元',
  kind: 'cumulative',
  direction: 'up',
  trackId: 't1',
  trackName: '百日攻坚',
  ...over,
});

const standing = (over: Record<string, unknown>) => ({
  metricId: 'm',
  target: 20,
  value: 6,
  completion: 0.3,
  pace: 0.75,
  light: 'red' as const,
  remaining: 14,
  perDayNeeded: 14 / 61,
  behindSchedule: 2,
  expected: 0.4,
  ...over,
});

const fact = (k: string) => {
  const label = screen.getByText(k);
  return label.parentElement?.textContent?.slice(k.length);
};

describe('metric card (赶)', () => {
  it('gives behind 序时 as τ·T − A in the measure, and the daily need of a total', () => {
    render(<MetricCard metric={info({ name: '完成投资' })} m={standing({})} />);
    expect(fact('落后序时')).toBe('2 亿元');
    expect(fact('需要')).toBe('每天 0.23 亿元');
    expect(screen.queryByText(/%.*序时|序时.*%/)).toBeNull();
  });

  it('reads a count needed less than once a day as 约每 N 天 1 个, never 每天需 0.03 个', () => {
    render(
      <MetricCard
        metric={info({ name: '签约项目', measure: '个', kind: 'count' })}
        m={standing({ target: 4, value: 2, remaining: 2, perDayNeeded: 2 / 61, behindSchedule: 0 })}
      />,
    );
    expect(fact('需要')).toBe('约每 30 天 1 个');
    expect(screen.queryByText(/0\.03/)).toBeNull();
    // ahead of 序时: no 落后序时 line at all
    expect(screen.queryByText('落后序时')).toBeNull();
  });

  it('gives a paced rate’s gap to 序时 in percentage points, with no per-day figure', () => {
    render(
      <MetricCard
        metric={info({ name: '开工率', measure: '%', kind: 'rate', paced: true })}
        m={standing({ target: 100, value: 30, remaining: 70, perDayNeeded: null, behindSchedule: 10 })}
      />,
    );
    expect(fact('落后序时')).toBe('10 个百分点');
    expect(fact('序时应达')).toBe('40%');
    expect(screen.queryByText('需要')).toBeNull();
  });

  it('words every per-day need', () => {
    expect(perDayText(2.5, 'count', '个')).toBe('每天 2.5 个');
    expect(perDayText(0.7, 'count', '台')).toBe('约每天 1 台');
    expect(perDayText(0.1, 'count', '家')).toBe('约每 10 天 1 家');
    expect(perDayText(0.05, 'cumulative', '亿元')).toBe('每天 0.05 亿元');
  });
});
