/**
 * 分组得分图: the bars of the reader's own division (or the one a link names), 序时参考 in words, each unit's
 * score written out, another division a tap away; the browser's 分享 saves a picture of the chart.
 */
import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { StandingRow } from '../../../../../core/contract';
import { setSession } from '../../../../api/session';
import { transport } from '../../../../api/transport';
import type { TransportRequest } from '../../../../api/transport.types';
import { campaignData, makeRow } from '../../../../testing/fixtures';
import type { ScoreBarsProps } from '../../components/ScoreBars/ScoreBars.types';
import { DivisionChart } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));
const mockDrawn: ScoreBarsProps[] = [];
const mockReady = { chart: true };
const mockChart = {
  getDataURL: jest.fn(() => 'data:image/png;base64,Q0hBUlQ='),
  getWidth: () => 335,
  getHeight: () => 300,
};
// The bars as the browser draws them: the chart handed to 分享 once it is on the page.
jest.mock('../../components/ScoreBars/ScoreBars', () => ({
  __esModule: true,
  default: (props: ScoreBarsProps) => {
    mockDrawn.push(props);
    if (props.picture && mockReady.chart) props.picture.current = mockChart;
    return null;
  },
}));
jest.mock('../../components/ShareImage/picture', () => ({
  ...jest.requireActual('../../components/ShareImage/picture'),
  loadImage: async () => ({}),
}));
const send = transport as jest.MockedFunction<typeof transport>;

const user = { id: 'r1', name: '王芳', role: 'reporter', unitId: 'u1', unitName: '东城街道' } as const;
const campaign = {
  ...campaignData,
  units: [...campaignData.units, { id: 'u9', name: '高新区', division: '功能平台' }],
};
const rows: Record<string, StandingRow[]> = {
  乡镇街道: [
    makeRow({ unitId: 'u2', unitName: '西城街道', score: 98.26, rank: 1 }),
    makeRow({ unitId: 'u1', unitName: '东城街道', score: 86.54, rank: 2 }),
  ],
  功能平台: [makeRow({ unitId: 'u9', unitName: '高新区', division: '功能平台', score: 77, rank: 1 })],
};
const asked: unknown[] = [];

/** A 2d context that draws nothing (jsdom has none), for the picture. */
const ctx = {
  font: '',
  fillStyle: '',
  textBaseline: '',
  measureText: (t: string) => ({ width: t.length * 10 }),
  scale: () => undefined,
  fillRect: () => undefined,
  fillText: jest.fn(),
  drawImage: () => undefined,
};

beforeEach(() => {
  mockDrawn.length = 0;
  asked.length = 0;
  mockReady.chart = true;
  send.mockReset();
  setSession('tok', user as never);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,UElDVFVSRQ==');
  send.mockImplementation(async (req: TransportRequest) => {
    if (req.action === 'campaign.current') return { ok: true, data: campaign };
    asked.push(req.data);
    const division = (req.data as { division?: string }).division ?? '';
    return {
      ok: true,
      data: { asOf: '2025-02-09T04:00:00.000Z', timeProgress: 0.4, rows: rows[division] ?? [] },
    };
  });
});

afterEach(() => jest.restoreAllMocks());

describe('the division’s score chart', () => {
  it('opens on the reader’s own division: bars with 序时 at 40 %, every unit written out highest first', async () => {
    render(<DivisionChart user={user as never} param={undefined} />);
    await waitFor(() => expect(screen.getAllByTestId('score-row')).toHaveLength(2));
    expect(asked).toEqual([{ division: '乡镇街道' }]);
    expect(screen.getByText('乡镇街道综合得分（由高到低）')).toBeTruthy();
    const bars = mockDrawn[mockDrawn.length - 1]!;
    expect(bars).toMatchObject({ rows: rows['乡镇街道'], timeProgress: 0.4, ownUnitId: 'u1' });
    expect(screen.getAllByTestId('score-row').map((r) => r.textContent)).toEqual([
      '第 1 名西城街道98.3 分 ›',
      '第 2 名东城街道（本单位）86.5 分 ›',
    ]);
    expect(screen.getByTestId('schedule-reference').textContent).toMatch(/^虚线为序时参考 40 分：/);
    expect(screen.getByText(/截至 2025-02-09（第 40 天 \/ 共 100 天）· 序时进度 40%/)).toBeTruthy();
  });

  it('opens on the division a shared link names (encoded, as WeChat hands it), and switches with a tap', async () => {
    render(<DivisionChart user={user as never} param={encodeURIComponent('功能平台')} />);
    await waitFor(() => expect(screen.getAllByTestId('score-row')).toHaveLength(1));
    expect(asked).toEqual([{ division: '功能平台' }]);
    fireEvent.click(screen.getByText('全市'));
    await waitFor(() => expect(screen.getByText('暂无数据')).toBeTruthy());
    // 全市 asks for no division at all.
    expect(asked[1]).toEqual({});
  });

  it('分享 makes a PNG of the chart with the title and date, downloads it and shows it to long-press', async () => {
    const clicks: { href: string; download: string }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    render(<DivisionChart user={user as never} param={undefined} />);
    await waitFor(() => expect(screen.getAllByTestId('score-row')).toHaveLength(2));
    fireEvent.click(screen.getByText('分享'));
    await waitFor(() => expect(screen.getByTestId('share-preview')).toBeTruthy());
    expect(mockChart.getDataURL).toHaveBeenCalledWith({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: '#ffffff',
    });
    expect(clicks).toEqual([
      { href: 'data:image/png;base64,UElDVFVSRQ==', download: '测试竞赛-乡镇街道综合得分-2025-02-09.png' },
    ]);
    const written = ctx.fillText.mock.calls.map((c) => String(c[0])).join('|');
    expect(written).toContain('测试竞赛 乡镇街道综合得分');
    expect(written).toContain('截至 2025-02-09');
    // Taro's Image sets its <img> once the element has mounted.
    await waitFor(() =>
      expect(screen.getByTestId('share-preview').querySelector('img')?.getAttribute('src')).toBe(
        'data:image/png;base64,UElDVFVSRQ==',
      ),
    );
    fireEvent.click(screen.getByText('关闭'));
    expect(screen.queryByTestId('share-preview')).toBeNull();
  });

  it('says to wait when 分享 is pressed before the chart is drawn, and downloads nothing', async () => {
    mockReady.chart = false;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<DivisionChart user={user as never} param={undefined} />);
    await waitFor(() => expect(screen.getAllByTestId('score-row')).toHaveLength(2));
    fireEvent.click(screen.getByText('分享'));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '图表还没画好，请稍候再试', icon: 'none' });
    expect(click).not.toHaveBeenCalled();
    expect(screen.queryByTestId('share-preview')).toBeNull();
  });

  it('shows why, offers 重试 and no 分享 when the standings do not load', async () => {
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'campaign.current'
        ? { ok: true, data: campaign }
        : { ok: false, error: { code: 'INTERNAL', message: '服务器出错了' } },
    );
    render(<DivisionChart user={user as never} param={undefined} />);
    await waitFor(() => expect(screen.getByText('重试')).toBeTruthy());
    expect(screen.queryByText('分享')).toBeNull();
    expect(mockDrawn).toEqual([]);
  });
});
