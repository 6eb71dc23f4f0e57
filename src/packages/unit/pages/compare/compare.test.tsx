import { render, screen, waitFor } from '@testing-library/react';
import { setSession } from '../../../../api/session';
import { transport } from '../../../../api/transport';
import type { TransportRequest } from '../../../../api/transport.types';
import { arena, campaignData, makeRow } from '../../../../testing/fixtures';
import { metricCell } from '../../components/CompareView';
import { defaultPartner } from '../../compareRoute';
import { radarOption } from '../../components/Radar/radarOption';
import { Compare } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));
jest.mock('../../components/Radar/Radar', () => ({ __esModule: true, default: () => null }));
const send = transport as jest.MockedFunction<typeof transport>;

const user = { id: 'r1', name: '王芳', role: 'leader', unitId: 'u1', unitName: '东城街道' } as const;

const metric = (
  metricId: string,
  target: number,
  value: number | null,
  completion: number,
  light: 'red' | 'green',
) => ({
  metricId,
  target,
  value,
  completion,
  pace: completion / 0.4,
  light,
  remaining: target - (value ?? 0),
  perDayNeeded: null,
  behindSchedule: null,
  expected: 0.4,
});

const details: Record<string, unknown> = {
  u1: {
    unit: campaignData.units[0],
    standing: makeRow({
      unitId: 'u1',
      score: 104.56,
      overallRank: 1,
      light: 'green',
      dims: { performance: 100, speed: 110, quality: 100, effort: 100, contribution: 120 },
    }),
    metrics: [metric('m-invest', 10, 5, 0.5, 'green'), metric('m-rate', 100, null, 0, 'red')],
    gapToPrev: null,
  },
  u2: {
    unit: campaignData.units[1],
    standing: makeRow({
      unitId: 'u2',
      unitName: '西城街道',
      score: 61.2,
      overallRank: 2,
      light: 'red',
      pace: 0.61,
      dims: { performance: 24.5, speed: 61.3, quality: 100, effort: 80, contribution: 40 },
    }),
    metrics: [metric('m-invest', 20, 4.9, 0.245, 'red')],
    gapToPrev: 43.36,
  },
};

beforeEach(() => {
  send.mockReset();
  setSession('tok', user as never);
  send.mockImplementation(async (req: TransportRequest) => {
    if (req.action === 'campaign.current') return { ok: true, data: campaignData };
    const unitId = (req.data as { unitId: string }).unitId;
    return { ok: true, data: details[unitId] };
  });
});

describe('compare two units', () => {
  it('sets the opened unit beside the user’s own by default: standing, five comparisons, each metric', async () => {
    render(<Compare user={user as never} first="u2" second={null} />);
    await waitFor(() => expect(screen.getAllByTestId('compare-head')).toHaveLength(2));
    const heads = screen.getAllByTestId('compare-head').map((h) => h.textContent ?? '');
    expect(heads[0]).toContain('西城街道');
    expect(heads[0]).toContain('61.2 分');
    expect(heads[0]).toContain('滞后');
    expect(heads[0]).toContain('进度比 0.61');
    expect(heads[1]).toContain('东城街道');
    expect(heads[1]).toContain('104.6 分');
    expect(screen.getByTestId('compare-dim-performance').textContent).toBe('比绩效24.5100.0');
    expect(screen.getByTestId('compare-dim-contribution').textContent).toBe('比贡献40.0120.0');
    const rows = screen.getAllByTestId('compare-metric').map((r) => r.textContent);
    // campaign order; a metric only one unit has says so for the other
    expect(rows).toEqual(['完成投资24.5% 滞后50% 正常', '开工率无此指标未填报']);
    const asked = send.mock.calls.map(
      ([r]) => r.action === 'unit.detail' && (r.data as { unitId: string }).unitId,
    );
    expect(asked.filter(Boolean).sort()).toEqual(['u1', 'u2']);
  });

  it('asks for another unit when both sides are the same, and loads nothing', async () => {
    render(<Compare user={user as never} first="u1" second="u1" />);
    await waitFor(() => expect(screen.getByText('两边是同一个单位，请点“更换”选另一个单位')).toBeTruthy());
    expect(send.mock.calls.some(([r]) => r.action === 'unit.detail')).toBe(false);
  });

  it('says when a unit cannot be compared (the server’s reason, with a retry)', async () => {
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'campaign.current'
        ? { ok: true, data: campaignData }
        : { ok: false, error: { code: 'NOT_FOUND', message: '「北城街道」没有分配指标目标，不参加排名。' } },
    );
    render(<Compare user={user as never} first="u2" second={null} />);
    await waitFor(() => expect(screen.getByText(/没有分配指标目标/)).toBeTruthy());
    expect(screen.getByText('重试')).toBeTruthy();
    expect(screen.queryAllByTestId('compare-head')).toHaveLength(0);
  });

  it('picks the partner: own unit, else another ranked unit of the division, else none', () => {
    expect(defaultPartner(arena, 'u2', 'u1')).toBe('u1');
    expect(defaultPartner(arena, 'u1', 'u1')).toBe('u2');
    expect(defaultPartner(arena, 'u1', null)).toBe('u2');
    const alone = { ...arena, units: arena.units.slice(0, 1) };
    expect(defaultPartner(alone, 'u1', null)).toBeNull();
    expect(metricCell(undefined)).toBe('无此指标');
  });

  it('draws the two units on the radar apart by line style, not colour alone, on 0–150 axes', () => {
    const dims = { performance: 100, speed: 110, quality: 100, effort: 100, contribution: 120 };
    const o = radarOption(
      [
        { name: '甲', dims },
        { name: '乙', dims },
      ],
      1,
    );
    const series = (o.series as { data: { lineStyle: { type: string } }[] }[])[0]!;
    expect(series.data.map((d) => d.lineStyle.type)).toEqual(['solid', 'dashed']);
    const radar = o.radar as { indicator: { name: string; max: number }[] };
    expect(radar.indicator.map((i) => [i.name, i.max])).toEqual([
      ['比绩效', 150],
      ['比速度', 150],
      ['比质量', 150],
      ['比干劲', 150],
      ['比贡献', 150],
    ]);
  });
});
