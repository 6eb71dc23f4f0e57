import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { TaskItem } from '../../../../../core/contract';
import { setSession } from '../../../../api/session';
import { transport } from '../../../../api/transport';
import type { TransportRequest } from '../../../../api/transport.types';
import { campaignData } from '../../../../testing/fixtures';
import { makeTask, users } from '../../../../testing/tasks-fixtures';
import { countByLight, groupByTrack } from '../../lib/group';
import { TaskBoard } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

const campaign = {
  ...campaignData,
  tracks: [...campaignData.tracks, { id: 't2', name: '百日招商', leadUnitId: 'u2', metrics: [] }],
};

const tasks: TaskItem[] = [
  makeTask({ id: 'a', title: '智造园开工', light: 'red', openProblems: 2, overdueProblems: 1 }),
  makeTask({ id: 'b', title: '技改项目直报', light: 'green', openProblems: 0, overdueProblems: 0 }),
  makeTask({
    id: 'c',
    title: '浙商回归资金到位',
    trackId: 't2',
    leadUnitId: 'u2',
    unitIds: ['u2'],
    light: 'done',
    openProblems: 0,
    overdueProblems: 0,
  }),
];

function serve(items: (req: TransportRequest) => TaskItem[]) {
  send.mockImplementation(async (req: TransportRequest) => {
    if (req.action === 'campaign.current') return { ok: true, data: campaign };
    if (req.action === 'task.list') return { ok: true, data: { items: items(req) } };
    return { ok: false, error: { code: 'NOT_FOUND', message: '?' } };
  });
}

const taskListCalls = () => send.mock.calls.filter(([r]) => r.action === 'task.list').map(([r]) => r.data);

beforeEach(() => {
  send.mockReset();
  setSession('tok', users.reporter);
});

describe('挂图作战', () => {
  it('groups the tasks by track in the campaign’s order, each with its light in words, deadline and problems', async () => {
    serve(() => tasks);
    render(<TaskBoard user={users.reporter} />);
    await waitFor(() => expect(screen.getAllByTestId('task-card')).toHaveLength(3));
    const groups = screen.getAllByTestId('task-group');
    expect(groups.map((g) => g.querySelector('.section-title')!.textContent)).toEqual([
      '百日攻坚 · 2 项',
      '百日招商 · 1 项',
    ]);
    const first = screen.getAllByTestId('task-card')[0]!;
    expect(first.textContent).toContain('■滞后');
    expect(first.textContent).toContain('截止');
    expect(within(first).getByTestId('task-problems').textContent).toBe('未销号难题 2 个 · ⚠ 逾期 1 个');
    expect(within(screen.getAllByTestId('task-card')[1]!).getByTestId('task-problems').textContent).toBe(
      '暂无未销号难题',
    );
    expect(screen.getAllByTestId('task-card')[2]!.textContent).toContain('✓完成');
  });

  it('filters by light with a count on each chip, and says so when a light has none', async () => {
    serve(() => tasks);
    render(<TaskBoard user={users.reporter} />);
    await waitFor(() => expect(screen.getAllByTestId('task-card')).toHaveLength(3));
    const chips = [...document.querySelectorAll('.chips__item')].map((c) => c.textContent);
    expect(chips.slice(0, 5)).toEqual(['✓ 全部 3', '滞后 1', '预警 0', '正常 1', '完成 1']);
    fireEvent.click(screen.getByText('滞后 1'));
    expect(
      screen.getAllByTestId('task-card').map((c) => c.querySelector('.tcard__title')!.textContent),
    ).toEqual(['智造园开工']);
    fireEvent.click(screen.getByText('预警 0'));
    expect(screen.queryAllByTestId('task-card')).toHaveLength(0);
    expect(screen.getByText('没有「预警」的任务。')).toBeTruthy();
    fireEvent.click(screen.getByText('看全部灯色'));
    expect(screen.getAllByTestId('task-card')).toHaveLength(3);
    // The light is filtered here; the server was asked once.
    expect(taskListCalls()).toEqual([{}]);
  });

  it('filters by unit on the server: 本单位, or another unit picked from the list', async () => {
    serve((req) => {
      const unitId = (req.data as { unitId?: string }).unitId;
      return unitId ? tasks.filter((t) => t.unitIds.includes(unitId)) : tasks;
    });
    render(<TaskBoard user={users.reporter} />);
    await waitFor(() => expect(screen.getAllByTestId('task-card')).toHaveLength(3));
    fireEvent.click(screen.getByText('本单位'));
    await waitFor(() => expect(screen.getAllByTestId('task-card')).toHaveLength(2));
    const picker = document.querySelector('taro-picker-core')!;
    act(() => {
      picker.dispatchEvent(new CustomEvent('change', { detail: { value: 1 }, bubbles: true }));
    });
    await waitFor(() => expect(screen.getAllByTestId('task-card')).toHaveLength(1));
    expect(screen.getByText('✓ 西城街道')).toBeTruthy();
    expect(taskListCalls()).toEqual([{}, { unitId: 'u1' }, { unitId: 'u2' }]);
  });

  it('says what is going on when there are no tasks, for the campaign or for a unit', async () => {
    serve(() => []);
    render(<TaskBoard user={users.reporter} />);
    expect(await screen.findByText(/这场竞赛还没有挂图任务/)).toBeTruthy();
    fireEvent.click(screen.getByText('本单位'));
    expect(await screen.findByText('「东城街道」没有负责的任务。')).toBeTruthy();
    fireEvent.click(screen.getByText('看全部单位的任务'));
    expect(await screen.findByText(/这场竞赛还没有挂图任务/)).toBeTruthy();
  });

  it('shows the server’s reason with 重试 when the list cannot be loaded', async () => {
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'campaign.current'
        ? { ok: true, data: campaign }
        : { ok: false, error: { code: 'FORBIDDEN', message: '没有权限查看挂图任务' } },
    );
    render(<TaskBoard user={users.reporter} />);
    expect(await screen.findByText('没有权限查看挂图任务')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});

describe('laying out the list', () => {
  it('puts a task of a track the campaign does not name last, under 其他任务', () => {
    const groups = groupByTrack(
      [makeTask({ id: 'x', trackId: 'gone' }), makeTask({ id: 'y' })],
      campaign.tracks,
    );
    expect(groups.map((g) => [g.name, g.tasks.map((t) => t.id)])).toEqual([
      ['百日攻坚', ['y']],
      ['其他任务', ['x']],
    ]);
  });

  it('counts every light, zeros included', () => {
    expect(countByLight(tasks)).toEqual({ red: 1, yellow: 0, green: 1, done: 1 });
    expect(countByLight([])).toEqual({ red: 0, yellow: 0, green: 0, done: 0 });
  });
});
