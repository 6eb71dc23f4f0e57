import { fireEvent, render, screen } from '@testing-library/react';
import BoardRow, { rankChangeText } from '.';
import { makeRow } from '../../testing/fixtures';

describe('leaderboard row', () => {
  it('shows rank, unit, score, rank change with an arrow and number, and the light in words', () => {
    render(<BoardRow row={makeRow({ rank: 4, rankDelta: 2, light: 'yellow', score: 98.04 })} />);
    expect(screen.getByText('4')).toBeTruthy();
    expect(screen.getByText('东城街道')).toBeTruthy();
    expect(screen.getByText('98.0 分')).toBeTruthy();
    expect(screen.getByText('↑2')).toBeTruthy();
    expect(screen.getByText('预警')).toBeTruthy();
  });

  it('shows what the light is made of — 进度比, metrics per light, 未填报, the worst by name — and no mean completion beside 序时', () => {
    const row = makeRow({
      light: 'red',
      completion: 0.62,
      pace: 0.734,
      lightCounts: { red: 2, yellow: 1, green: 0, done: 1 },
      unreported: 1,
      worstMetricId: 'm-invest',
    });
    render(<BoardRow row={row} metricName={(id) => (id === 'm-invest' ? '完成投资' : undefined)} />);
    expect(screen.getByText('进度比 0.73 · 滞后 2 · 预警 1 · 完成 1 · 未填报 1')).toBeTruthy();
    expect(screen.getByText('最落后：完成投资')).toBeTruthy();
    expect(screen.queryByText(/序时/)).toBeNull();
    expect(screen.queryByText(/62%/)).toBeNull();
  });

  it('names no worst metric when every metric is done', () => {
    const row = makeRow({ light: 'done', lightCounts: { red: 0, yellow: 0, green: 0, done: 3 }, worstMetricId: null });
    render(<BoardRow row={row} metricName={() => '完成投资'} />);
    expect(screen.getByText('进度比 1.2 · 完成 3')).toBeTruthy();
    expect(screen.queryByText(/最落后/)).toBeNull();
  });

  it('marks the user’s own unit as 本单位', () => {
    const { container, rerender } = render(<BoardRow row={makeRow()} />);
    expect(screen.queryByText('本单位')).toBeNull();
    rerender(<BoardRow row={makeRow()} own />);
    expect(screen.getByText('本单位')).toBeTruthy();
    expect(container.querySelector('.brow--own')).not.toBeNull();
  });

  it('opens the unit when tapped', () => {
    const onOpen = jest.fn();
    render(
      <BoardRow row={makeRow({ unitId: 'u2', unitName: '西城街道' })} onOpen={onOpen} />,
    );
    fireEvent.click(screen.getByTestId('board-row'));
    expect(onOpen).toHaveBeenCalledWith('u2');
  });

  it('words every kind of rank change, never by colour alone', () => {
    expect(rankChangeText(3).text).toBe('↑3');
    expect(rankChangeText(-1).text).toBe('↓1');
    expect(rankChangeText(0).text).toBe('－ 持平');
    expect(rankChangeText(null).text).toBe('新上榜');
  });
});
