import { fireEvent, render, screen } from '@testing-library/react';
import BoardRow, { rankChangeText } from '.';
import { makeRow } from '../../testing/fixtures';

describe('leaderboard row', () => {
  it('shows rank, unit, score, rank change with an arrow and number, and the light in words', () => {
    render(
      <BoardRow
        row={makeRow({ rank: 4, rankDelta: 2, light: 'yellow', score: 98.04 })}
        timeProgress={0.41}
      />,
    );
    expect(screen.getByText('4')).toBeTruthy();
    expect(screen.getByText('东城街道')).toBeTruthy();
    expect(screen.getByText('98.0 分')).toBeTruthy();
    expect(screen.getByText('↑2')).toBeTruthy();
    expect(screen.getByText('预警')).toBeTruthy();
    expect(screen.getByText('完成 50% · 序时 41%')).toBeTruthy();
  });

  it('draws the completion bar and puts the 序时 marker at the time progress', () => {
    const { container } = render(<BoardRow row={makeRow({ completion: 0.25 })} timeProgress={0.41} />);
    expect((container.querySelector('.pbar__fill') as HTMLElement).style.width).toBe('25%');
    expect((container.querySelector('.pbar__mark') as HTMLElement).style.left).toBe('41%');
  });

  it('marks the user’s own unit as 本单位', () => {
    const { container, rerender } = render(<BoardRow row={makeRow()} timeProgress={0.4} />);
    expect(screen.queryByText('本单位')).toBeNull();
    rerender(<BoardRow row={makeRow()} timeProgress={0.4} own />);
    expect(screen.getByText('本单位')).toBeTruthy();
    expect(container.querySelector('.brow--own')).not.toBeNull();
  });

  it('opens the unit when tapped', () => {
    const onOpen = jest.fn();
    render(
      <BoardRow row={makeRow({ unitId: 'u2', unitName: '西城街道' })} timeProgress={0.4} onOpen={onOpen} />,
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
