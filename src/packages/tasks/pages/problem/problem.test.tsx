import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ProblemEvent } from '../../../../../core/contract';
import { setSession } from '../../../../api/session';
import { transport } from '../../../../api/transport';
import { arena } from '../../../../testing/fixtures';
import { makeProblem, makeTask, users } from '../../../../testing/tasks-fixtures';
import { ProblemView, stepText } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

const events: ProblemEvent[] = [
  { at: '2025-01-20T01:30:00.000Z', byId: 'r1', byName: '王芳', from: null, to: 'open', note: '' },
  { at: '2025-01-21T02:00:00.000Z', byId: 'r1', byName: '王芳', from: 'open', to: 'in_progress', note: '' },
  {
    at: '2025-02-03T08:00:00.000Z',
    byId: 'l1',
    byName: '张伟',
    from: 'in_progress',
    to: 'resolved',
    note: '电力增容已完成',
  },
  {
    at: '2025-02-05T03:00:00.000Z',
    byId: 's1',
    byName: '赵敏',
    from: 'resolved',
    to: 'reopened',
    note: '现场核实负荷不足',
  },
];

const data = (status: 'reopened' | 'resolved' = 'reopened') => ({
  task: makeTask(),
  problem: makeProblem({ id: 'p-resolved', title: '电力增容', category: 'energy', status }),
  events,
});

beforeEach(() => {
  send.mockReset();
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2025-02-10T04:00:00.000Z'));
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});
afterEach(() => jest.restoreAllMocks());

describe('a problem’s page', () => {
  it('shows its details and its history as a timeline: who, when (Shanghai time), from → to, the note', () => {
    setSession('tok', users.cityLeader);
    render(<ProblemView user={users.cityLeader} data={data()} arena={arena} reload={jest.fn()} />);
    expect(screen.getByText('类别：能耗')).toBeTruthy();
    expect(screen.getByText('责任单位：东城街道')).toBeTruthy();
    expect(screen.getByText('所属任务：东城智造园一期开工')).toBeTruthy();
    const items = screen.getAllByTestId('timeline-item').map((i) => i.textContent);
    expect(items).toEqual([
      '提出难题（待处理）王芳 · 2025-01-20 09:30',
      '待处理 → 处理中王芳 · 2025-01-21 10:00',
      '处理中 → 已解决张伟 · 2025-02-03 16:00电力增容已完成',
      '已解决 → 重新打开赵敏 · 2025-02-05 11:00现场核实负荷不足',
    ]);
    // A city leader reads; no step is theirs
    expect(document.querySelectorAll('.pb__step')).toHaveLength(0);
  });

  it('offers the unit 开始处理 again on a reopened problem, and a supervisor 销号 / 重新打开 on a resolved one', () => {
    setSession('tok', users.reporter);
    const { unmount } = render(
      <ProblemView user={users.reporter} data={data()} arena={arena} reload={jest.fn()} />,
    );
    expect([...document.querySelectorAll('.pb__step')].map((b) => b.textContent)).toEqual(['开始处理']);
    unmount();
    render(<ProblemView user={users.supervisor} data={data('resolved')} arena={arena} reload={jest.fn()} />);
    expect([...document.querySelectorAll('.pb__step')].map((b) => b.textContent)).toEqual([
      '销号',
      '重新打开',
    ]);
  });

  it('a step taken here reloads the page, so the timeline shows it', async () => {
    setSession('tok', users.supervisor);
    const reload = jest.fn();
    render(<ProblemView user={users.supervisor} data={data('resolved')} arena={arena} reload={reload} />);
    fireEvent.click(screen.getByTestId('step-closed'));
    const area = await waitFor(() => {
      const el = screen.getByTestId('field-note').querySelector('textarea');
      if (!el) throw new Error('no textarea yet');
      return el;
    });
    fireEvent.input(area, { target: { value: '已核实，同意销号' } });
    send.mockResolvedValueOnce({ ok: true, data: { problem: makeProblem({ status: 'closed' }) } });
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]![0]).toMatchObject({
      action: 'problem.transition',
      data: { problemId: 'p-resolved', to: 'closed', note: '已核实，同意销号' },
    });
  });

  it('names each step in words', () => {
    expect(stepText({ from: null, to: 'open' })).toBe('提出难题（待处理）');
    expect(stepText({ from: 'resolved', to: 'closed' })).toBe('已解决 → 已销号');
  });
});
