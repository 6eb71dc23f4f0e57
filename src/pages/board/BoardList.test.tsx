import { fireEvent, render, screen } from '@testing-library/react';
import { makeRow } from '../../testing/fixtures';
import BoardList, { filterRows } from './BoardList';

const rows = [
  makeRow({ unitId: 'a', unitName: '方岩镇', rank: 1, light: 'green', division: '乡镇街道' }),
  makeRow({ unitId: 'b', unitName: 'ATV酷玩小镇', rank: 2, light: 'yellow', division: '功能平台' }),
  makeRow({ unitId: 'c', unitName: '赫灵方岩小镇', rank: 3, light: 'red', division: '功能平台' }),
  makeRow({ unitId: 'd', unitName: '市发改局', rank: 4, light: 'red', division: '市直部门' }),
];

const names = () => screen.getAllByTestId('board-row').map((el) => el.textContent ?? '');

function renderList(over: Partial<Parameters<typeof BoardList>[0]> = {}) {
  return render(
    <BoardList
      rows={rows}
      scope="全市"
      userUnitId={null}
      showDivision
      onOpen={() => undefined}
      metricName={() => undefined}
      {...over}
    />,
  );
}

describe('board list filter', () => {
  it('keeps the server order and the ranks when filtering', () => {
    expect(filterRows(rows, 'red').map((r) => [r.unitId, r.rank])).toEqual([
      ['c', 3],
      ['d', 4],
    ]);
    expect(filterRows(rows, 'yellow').map((r) => r.unitId)).toEqual(['b']);
    expect(filterRows(rows, 'all')).toHaveLength(4);
  });

  it('shows only the units 滞后 when 只看滞后 is chosen, with the count, and all again on 全部', () => {
    renderList();
    expect(names()).toHaveLength(4);
    fireEvent.click(screen.getByText('滞后 2'));
    expect(names()).toHaveLength(2);
    expect(names()[0]).toContain('赫灵方岩小镇');
    expect(names()[1]).toContain('市发改局');
    expect(screen.getByText('全市 · 滞后 2 个 / 共 4 个单位')).toBeTruthy();
    // the rank is the unit's place in the whole view, not in the filtered list
    expect(names()[0]).toMatch(/^3/);
    fireEvent.click(screen.getByText('预警 1'));
    expect(names()).toHaveLength(1);
    expect(names()[0]).toContain('ATV酷玩小镇');
    fireEvent.click(screen.getByText('全部'));
    expect(names()).toHaveLength(4);
  });

  it('says so when no unit is at the chosen light, and how to see them all', () => {
    renderList({ rows: rows.slice(0, 2), scope: '乡镇街道' });
    fireEvent.click(screen.getByText('滞后 0'));
    expect(screen.queryAllByTestId('board-row')).toHaveLength(0);
    expect(screen.getByText('乡镇街道没有滞后的单位，点“全部”查看所有单位')).toBeTruthy();
  });

  it('shows each row’s division in the 全市 view only', () => {
    const { unmount } = renderList();
    expect(screen.getByText('市直部门')).toBeTruthy();
    unmount();
    renderList({ showDivision: false });
    expect(screen.queryByText('市直部门')).toBeNull();
  });

  it('says 暂无数据 for a view with no ranked unit', () => {
    renderList({ rows: [] });
    expect(screen.getByText('暂无数据')).toBeTruthy();
  });
});
