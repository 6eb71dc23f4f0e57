import { fireEvent, render, screen } from '@testing-library/react';
import BoardRow, { rankChangeText } from '.';
import { makeRow } from '../../testing/fixtures';

describe('leaderboard row', () => {
  it('shows rank, unit, score, rank change with an arrow and number, and the light in words', () => {
    render(<BoardRow row={makeRow({ rank: 4, rankDelta: 2, light: 'yellow', score: 98.04 })} />);
    expect(screen.getByText('4')).toBeTruthy();
    expect(screen.getByText('东城街道')).toBeTruthy();
    expect(screen.getByText('98.0 分')).toBeTruthy();
    expect(screen.getByText('较昨日 ↑2')).toBeTruthy();
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

  it('names the worst metric by its own completion against its own 序时, agreeing with the red light', () => {
    const row = makeRow({
      light: 'red',
      pace: 0.77,
      lightCounts: { red: 1, yellow: 0, green: 1, done: 0 },
      worstMetricId: 'm-town',
      worst: { metricId: 'm-town', light: 'red', reported: true, completion: 0.309, expected: 0.4 },
    });
    render(<BoardRow row={row} metricName={() => '特色小镇完成投资'} />);
    expect(screen.getByText('滞后：特色小镇完成投资 30.9% / 序时 40%')).toBeTruthy();
    expect(screen.getByText('滞后')).toBeTruthy();
  });

  it('holds an unpaced worst metric to its target, and says 未填报 for one never reported', () => {
    const held = makeRow({
      worstMetricId: 'm-share',
      worst: { metricId: 'm-share', light: 'yellow', reported: true, completion: 0.85, expected: 1 },
    });
    const { unmount } = render(<BoardRow row={held} metricName={() => '特色产业投资占比'} />);
    expect(screen.getByText('预警：特色产业投资占比 85% / 目标 100%')).toBeTruthy();
    unmount();
    const none = makeRow({
      worstMetricId: 'm-robots',
      worst: { metricId: 'm-robots', light: 'red', reported: false, completion: 0, expected: 0.4 },
    });
    render(<BoardRow row={none} metricName={() => '新增工业机器人'} />);
    expect(screen.getByText('滞后：新增工业机器人 未填报')).toBeTruthy();
  });

  it('shows the division only where the view mixes divisions (全市)', () => {
    const { rerender } = render(<BoardRow row={makeRow({ division: '功能平台' })} />);
    expect(screen.queryByText('功能平台')).toBeNull();
    rerender(<BoardRow row={makeRow({ division: '功能平台' })} showDivision />);
    expect(screen.getByText('功能平台')).toBeTruthy();
  });

  it('names no worst metric when every metric is done', () => {
    const row = makeRow({
      light: 'done',
      lightCounts: { red: 0, yellow: 0, green: 0, done: 3 },
      worstMetricId: null,
    });
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
    render(<BoardRow row={makeRow({ unitId: 'u2', unitName: '西城街道' })} onOpen={onOpen} />);
    fireEvent.click(screen.getByTestId('board-row'));
    expect(onOpen).toHaveBeenCalledWith('u2');
  });

  it('words every kind of rank change, never by colour alone', () => {
    expect(rankChangeText(3).text).toBe('较昨日 ↑3');
    expect(rankChangeText(-1).text).toBe('较昨日 ↓1');
    expect(rankChangeText(0).text).toBe('较昨日持平');
    expect(rankChangeText(null).text).toBe('新上榜');
  });
});
