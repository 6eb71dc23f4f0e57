import { render, screen } from '@testing-library/react';
import Trend from './Trend';

jest.mock('./Chart/Chart', () => ({ __esModule: true, default: () => null }));

const state = (data: { day: string; completion: number; timeProgress: number }[]) => ({
  data,
  error: null,
  loading: false,
  reload: async () => undefined,
});

describe('unit trend note', () => {
  it('takes its verdict from the row’s light and 进度比, never "ahead" beside 滞后', () => {
    // 赫灵方岩: mean completion 43.2% above 序时 41%, yet 滞后 on its mean pace
    render(
      <Trend
        trend={state([{ day: '2025-10-10', completion: 0.432, timeProgress: 0.41 }])}
        standing={{ pace: 0.72, light: 'red' }}
      />,
    );
    const note = screen.getByTestId('trend-note').textContent ?? '';
    expect(note).toContain('灯色看进度比：0.72，滞后');
    expect(note).not.toMatch(/跑在序时前面|落后于序时/);
  });

  it('says what will appear when there is no day to draw yet', () => {
    render(<Trend trend={state([])} standing={{ pace: 1, light: 'green' }} />);
    expect(screen.getByText('竞赛开始后，这里会画出每天的完成率')).toBeTruthy();
    expect(screen.queryByTestId('trend-note')).toBeNull();
  });
});
