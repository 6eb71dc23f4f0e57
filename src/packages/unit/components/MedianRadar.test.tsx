/**
 * The unit page's radar: the unit against its division's median on each of the five comparisons, read from
 * the division's standings (board.leaderboard with that division), with the figures written out.
 */
import { render, screen, waitFor } from '@testing-library/react';
import type { Dims, StandingRow } from '../../../../core/contract';
import { setSession } from '../../../api/session';
import { transport } from '../../../api/transport';
import type { TransportRequest } from '../../../api/transport.types';
import { makeRow } from '../../../testing/fixtures';
import { useDivisionRows } from '../useDivisionRows';
import MedianRadar, { medianRadarUnits } from './MedianRadar';
import { radarOption } from './Radar/radarOption';
import type { RadarProps } from './Radar/Radar.types';

jest.mock('../../../api/transport', () => ({ transport: jest.fn() }));
const drawn: RadarProps[] = [];
jest.mock('./Radar/Radar', () => ({
  __esModule: true,
  default: (props: RadarProps) => {
    drawn.push(props);
    return null;
  },
}));
const send = transport as jest.MockedFunction<typeof transport>;

const dims = (
  performance: number,
  speed: number,
  quality: number,
  effort: number,
  contribution: number,
): Dims => ({
  performance,
  speed,
  quality,
  effort,
  contribution,
});
// 乡镇街道, four units: the unit shown is 东城街道 (the second).
const rows: StandingRow[] = [
  makeRow({ unitId: 'u3', unitName: '南湖街道', dims: dims(120, 150, 100, 80, 40) }),
  makeRow({ unitId: 'u1', unitName: '东城街道', dims: dims(60, 90, 100, 100, 150) }),
  makeRow({ unitId: 'u2', unitName: '西城街道', dims: dims(90, 120, 50, 150, 100) }),
  makeRow({ unitId: 'u4', unitName: '北山镇', dims: dims(30, 60, 100, 20, 100) }),
];
// By hand, each dimension on its own, the middle two averaged: 75, 105, 100, 90, 100.
const median = dims(75, 105, 100, 90, 100);
const own = rows[1]!;

function Card({ division }: { division: string }) {
  return <MedianRadar standing={own} rows={useDivisionRows(division)} />;
}

const asked: TransportRequest[] = [];
beforeEach(() => {
  drawn.length = 0;
  asked.length = 0;
  send.mockReset();
  setSession('tok', { id: 'r1', name: '王芳', role: 'leader', unitId: 'u1', unitName: '东城街道' } as never);
  send.mockImplementation(async (req: TransportRequest) => {
    asked.push(req);
    return { ok: true, data: { asOf: '2025-10-10T02:00:00.000Z', timeProgress: 0.4, rows } };
  });
});

const cells = (dim: string) =>
  [...screen.getByTestId(`median-dim-${dim}`).querySelectorAll('.mrad__v')].map((c) => c.textContent);

describe('the unit against its division’s median', () => {
  it('asks for its own division’s standings and draws the unit beside the median of each dimension', async () => {
    render(<Card division="乡镇街道" />);
    await waitFor(() => expect(screen.getByTestId('median-dim-performance')).toBeTruthy());
    expect(asked.map((r) => [r.action, r.data])).toEqual([['board.leaderboard', { division: '乡镇街道' }]]);
    expect(cells('performance')).toEqual(['60.0', '75.0']);
    expect(cells('speed')).toEqual(['90.0', '105.0']);
    expect(cells('quality')).toEqual(['100.0', '100.0']);
    expect(cells('effort')).toEqual(['100.0', '90.0']);
    expect(cells('contribution')).toEqual(['150.0', '100.0']);
    const last = drawn[drawn.length - 1]!;
    expect(last.name).toBe('median-radar');
    expect(last.units).toEqual([
      { name: '本单位', dims: own.dims },
      { name: '组内中位数', dims: median },
    ]);
    expect(screen.getByText(/乡镇街道 4 个单位每项得分/)).toBeTruthy();
  });

  it('puts 本单位 and 组内中位数 in the legend, the unit solid and the median dashed', () => {
    const option = radarOption(medianRadarUnits(own.dims, median), 1);
    expect((option.legend as { data: string[] }).data).toEqual(['本单位', '组内中位数']);
    const [unit, mid] = (
      option.series as { data: { name: string; value: number[]; lineStyle: { type: string } }[] }[]
    )[0]!.data;
    expect(unit).toMatchObject({
      name: '本单位',
      value: [60, 90, 100, 100, 150],
      lineStyle: { type: 'solid' },
    });
    expect(mid).toMatchObject({
      name: '组内中位数',
      value: [75, 105, 100, 90, 100],
      lineStyle: { type: 'dashed' },
    });
  });

  it('says so when the unit is alone in its division: the median is its own score', async () => {
    send.mockImplementation(async () => ({
      ok: true,
      data: { asOf: '2025-10-10T02:00:00.000Z', timeProgress: 0.4, rows: [own] },
    }));
    render(<Card division="功能平台" />);
    await waitFor(() => expect(screen.getByTestId('median-dim-speed')).toBeTruthy());
    expect(cells('speed')).toEqual(['90.0', '90.0']);
    expect(screen.getByText(/只有本单位参与排名/)).toBeTruthy();
  });

  it('shows why and offers 重试 when the standings do not load, drawing nothing', async () => {
    send.mockImplementation(async () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' },
    }));
    render(<Card division="乡镇街道" />);
    await waitFor(() => expect(screen.getByText('重试')).toBeTruthy());
    expect(screen.getByText(/服务繁忙/)).toBeTruthy();
    expect(drawn).toEqual([]);
    expect(screen.queryByTestId('median-dim-performance')).toBeNull();
  });
});
