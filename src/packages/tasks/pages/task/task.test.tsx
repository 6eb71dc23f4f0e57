import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { User } from '../../../../../core/contract';
import { networkError } from '../../../../api/errors';
import { setSession } from '../../../../api/session';
import { transport } from '../../../../api/transport';
import { arena } from '../../../../testing/fixtures';
import { makeProblem, makeTask, taskDetail, users } from '../../../../testing/tasks-fixtures';
import { TaskView } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

const NOW = Date.parse('2025-02-10T04:00:00.000Z'); // 2025-02-10 in Shanghai

beforeEach(() => {
  send.mockReset();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});
afterEach(() => jest.restoreAllMocks());

function show(user: User, detail = taskDetail) {
  setSession('tok', user);
  const reload = jest.fn();
  render(<TaskView user={user} d={detail} arena={arena} reload={reload} />);
  return reload;
}

/** The buttons on each problem card, by the problem's title. */
function buttonsByProblem(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const card of screen.getAllByTestId('problem-card')) {
    const title = card.querySelector('.pcard__title')!.textContent!;
    out[title] = [...card.querySelectorAll('.steps__btn')].map((b) => b.textContent!);
  }
  return out;
}

const pageButtons = () => [...document.querySelectorAll('.tk__action')].map((b) => b.textContent);

/** Taro's H5 fields draw their inner <input> / <textarea> a tick after mounting. */
async function typeInto(field: string, value: string) {
  const el = await waitFor(() => {
    const inner = screen.getByTestId(`field-${field}`).querySelector('input, textarea');
    if (!inner) throw new Error(`no input in ${field} yet`);
    return inner;
  });
  fireEvent.input(el, { target: { value } });
}

function pickDate(field: string, day: string) {
  // What Taro's picker fires when a day is chosen.
  const picker = screen.getByTestId(`field-${field}`).querySelector('taro-picker-core')!;
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: day }, bubbles: true }));
  });
}

const submit = () => fireEvent.click(screen.getByTestId('sheet-submit'));
const ok = (data: unknown) => ({ ok: true as const, data });

describe('the task page shows what it is and who is on it', () => {
  it('content, target, people, the light in words, the problems with status chips, the notes', () => {
    show(users.cityLeader);
    expect(screen.getByText('东城智造园一期开工')).toBeTruthy();
    expect(screen.getByText('▲')).toBeTruthy();
    expect(screen.getByText('预警')).toBeTruthy();
    expect(screen.getByText('一季度完成投资 2 亿元')).toBeTruthy();
    const people = screen.getByTestId('task-people').textContent;
    expect(people).toContain('牵头单位东城街道');
    expect(people).toContain('联系市领导陈副市长');
    expect(people).toContain('督导员赵敏');
    expect(screen.getByText('关联指标')).toBeTruthy();
    expect(screen.getAllByTestId('problem-status').map((s) => s.textContent)).toEqual([
      '○待处理',
      '◎处理中',
      '✓已解决',
      '■已销号',
    ]);
    // 逾期 is a tag of its own, beside the status
    expect(screen.getAllByTestId('problem-overdue')).toHaveLength(1);
    expect(screen.getByText('难题 4 个 · 未销号 3 个 · 逾期 1 个')).toBeTruthy();
    expect(screen.getByText('土地已摘牌，施工图审查中。')).toBeTruthy();
    expect(screen.getByText('演示数据')).toBeTruthy();
  });
});

describe('buttons appear by role (core/domain stepsFor)', () => {
  it('a reporter of the responsible unit: 开始处理 on an open problem, 已解决 on one in progress, 提出难题 and 写进展', () => {
    show(users.reporter);
    expect(buttonsByProblem()).toEqual({
      用地指标未落实: ['开始处理'],
      施工许可待批: ['已解决'],
      电力增容: [],
      融资担保: [],
    });
    expect(pageButtons()).toEqual(['提出难题', '写进展']);
  });

  it('the unit’s leader takes the same steps as its reporter', () => {
    show(users.leader_u1);
    expect(buttonsByProblem()['施工许可待批']).toEqual(['已解决']);
  });

  it('a supervisor: 销号 and 重新打开 on a resolved problem only; may raise, writes no progress note', () => {
    show(users.supervisor);
    expect(buttonsByProblem()).toEqual({
      用地指标未落实: [],
      施工许可待批: [],
      电力增容: ['销号', '重新打开'],
      融资担保: [],
    });
    expect(pageButtons()).toEqual(['提出难题']);
  });

  it('a reporter of another unit sees no buttons at all', () => {
    show(users.otherReporter);
    expect(Object.values(buttonsByProblem()).flat()).toEqual([]);
    expect(pageButtons()).toEqual([]);
  });

  it('a city leader reads only', () => {
    show(users.cityLeader);
    expect(Object.values(buttonsByProblem()).flat()).toEqual([]);
    expect(pageButtons()).toEqual([]);
  });

  it('a reopened problem offers its unit 开始处理 again', () => {
    show(users.reporter, { ...taskDetail, problems: [makeProblem({ status: 'reopened' })] });
    expect(buttonsByProblem()).toEqual({ 用地指标未落实: ['开始处理'] });
  });
});

describe('a step opens a small form asking for the note it needs', () => {
  const openStep = (problemTitle: string, verb: string) => {
    const card = screen.getAllByTestId('problem-card').find((c) => c.textContent!.includes(problemTitle))!;
    fireEvent.click(within(card).getByText(verb));
  };

  it('已解决 refuses an empty 解决情况 beside the field and sends nothing', async () => {
    show(users.reporter);
    openStep('施工许可待批', '已解决');
    expect(screen.getByText('已解决：施工许可待批')).toBeTruthy();
    expect(screen.getByText('「处理中」→「已解决」')).toBeTruthy();
    submit();
    expect(await screen.findByText('⚠ 请填写解决情况')).toBeTruthy();
    expect(screen.getByTestId('sheet-error').textContent).toContain('还有 1 处需要填写');
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the step with its note; a retry after a lost answer keeps its requestId', async () => {
    const reload = show(users.reporter);
    openStep('施工许可待批', '已解决');
    await typeInto('note', '施工许可已取得');
    // Nothing came back: the transport's own error for a lost answer.
    send.mockRejectedValueOnce(networkError());
    submit();
    expect(await screen.findByText('⚠ 网络连接失败，请检查网络后重试')).toBeTruthy();
    const first = send.mock.calls[0]![0].data as {
      requestId: string;
      to: string;
      note: string;
      problemId: string;
    };
    expect(first).toMatchObject({ problemId: 'p-doing', to: 'resolved', note: '施工许可已取得' });

    send.mockResolvedValueOnce(ok({ problem: makeProblem({ id: 'p-doing', status: 'resolved' }) }));
    submit();
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    const second = send.mock.calls[1]![0].data as { requestId: string };
    expect(second.requestId).toBe(first.requestId);
    expect(screen.queryByTestId('sheet')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已标记解决', icon: 'success' }),
    );
  });

  it('a changed note after a failed send goes under a new requestId', async () => {
    show(users.reporter);
    openStep('施工许可待批', '已解决');
    await typeInto('note', '第一稿');
    send.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          '难题现在是「已解决」，不能直接改为「已解决」；下一步只能是「销号」（改为已销号）或「重新打开」（改为重新打开）。',
      },
    });
    submit();
    // The server's reason, plainly, at the top; the form stays open
    expect(await screen.findByText(/难题现在是「已解决」/)).toBeTruthy();
    await typeInto('note', '第二稿');
    send.mockResolvedValueOnce(ok({ problem: makeProblem({ id: 'p-doing', status: 'resolved' }) }));
    submit();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    const [a, b] = send.mock.calls.map(([r]) => (r.data as { requestId: string }).requestId);
    expect(a).not.toBe(b);
  });

  it('开始处理 needs no note: an empty one is sent as such', async () => {
    show(users.reporter);
    openStep('用地指标未落实', '开始处理');
    expect(screen.getByText('说明（可不填）')).toBeTruthy();
    send.mockResolvedValueOnce(ok({ problem: makeProblem({ status: 'in_progress' }) }));
    submit();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]![0]).toMatchObject({
      action: 'problem.transition',
      data: { to: 'in_progress', note: '' },
    });
  });

  it('a supervisor’s 销号 asks for 销号意见; the server’s FORBIDDEN comes back in its own words', async () => {
    show(users.supervisor);
    openStep('电力增容', '销号');
    expect(screen.getByText('销号意见')).toBeTruthy();
    submit();
    expect(await screen.findByText('⚠ 请填写销号意见')).toBeTruthy();
    await typeInto('note', '已现场核实，同意销号');
    send.mockResolvedValueOnce({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有督办员可以「销号」。' },
    });
    submit();
    expect(await screen.findByText('⚠ 只有督办员可以「销号」。')).toBeTruthy();
    expect(screen.getByTestId('sheet')).toBeTruthy();
  });

  it('取消 closes the form without sending', () => {
    show(users.supervisor);
    openStep('电力增容', '重新打开');
    expect(screen.getByText('重新打开的原因')).toBeTruthy();
    fireEvent.click(screen.getByText('取消'));
    expect(screen.queryByTestId('sheet')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('提出难题', () => {
  const open = () =>
    fireEvent.click(screen.getByText('提出难题', { selector: '.tk__action, .tk__action *' }));

  it('says what is missing beside each field, in Chinese, and sends nothing', async () => {
    show(users.reporter);
    open();
    submit();
    expect(await screen.findByText('⚠ 请填写难题')).toBeTruthy();
    expect(screen.getByText('⚠ 请选择难题类别')).toBeTruthy();
    expect(screen.getByText('⚠ 请选择办结期限')).toBeTruthy();
    expect(screen.getByTestId('sheet-error').textContent).toContain('还有 3 处需要填写或修改');
    // A reporter raises for their own unit: shown, not asked
    expect(screen.getByTestId('field-unitId').textContent).toContain('东城街道');
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a due date before today', async () => {
    show(users.reporter);
    open();
    pickDate('dueDate', '2025-02-09');
    submit();
    expect(await screen.findByText('⚠ 办结期限不能早于今天')).toBeTruthy();
  });

  it('a reporter’s problem goes on their own unit, with a requestId', async () => {
    const reload = show(users.reporter);
    open();
    await typeInto('title', '  环评批复滞后 ');
    await typeInto('detail', '等待省厅批复');
    fireEvent.click(within(screen.getByTestId('field-category')).getByText('审批'));
    pickDate('dueDate', '2025-03-01');
    send.mockResolvedValueOnce(ok({ problem: makeProblem({ id: 'p-new', title: '环评批复滞后' }) }));
    submit();
    await waitFor(() => expect(reload).toHaveBeenCalled());
    const req = send.mock.calls[0]![0];
    expect(req.action).toBe('problem.create');
    expect(req.data).toMatchObject({
      taskId: 'task-1',
      title: '环评批复滞后',
      detail: '等待省厅批复',
      category: 'approval',
      unitId: 'u1',
      dueDate: '2025-03-01',
    });
    expect((req.data as { requestId: string }).requestId.length).toBeGreaterThanOrEqual(8);
  });

  it('a supervisor chooses the responsible unit among the task’s units', async () => {
    show(users.supervisor, { ...taskDetail, task: makeTask({ unitIds: ['u1', 'u2'] }) });
    open();
    await typeInto('title', '资金缺口');
    fireEvent.click(within(screen.getByTestId('field-category')).getByText('资金'));
    pickDate('dueDate', '2025-03-01');
    submit();
    expect(await screen.findByText('⚠ 请选择责任单位')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('field-unitId')).getByText('西城街道'));
    send.mockResolvedValueOnce(ok({ problem: makeProblem({ unitId: 'u2' }) }));
    submit();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]![0].data).toMatchObject({ unitId: 'u2', category: 'funding' });
  });

  it('a field the server refuses is marked at the field, in the server’s words', async () => {
    show(users.reporter);
    open();
    await typeInto('title', '环评批复滞后');
    fireEvent.click(within(screen.getByTestId('field-category')).getByText('审批'));
    pickDate('dueDate', '2025-03-01');
    send.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'dueDate：办结期限不能晚于竞赛结束日 2025-04-10' },
    });
    submit();
    expect(await screen.findByText('⚠ 办结期限不能晚于竞赛结束日 2025-04-10')).toBeTruthy();
    expect(screen.getByTestId('field-dueDate').className).toContain('field--bad');
    expect(screen.getByTestId('sheet-error').textContent).toContain('请按提示修改后再提交');
  });
});

describe('写进展', () => {
  it('asks for the progress, then sends it as a note of the task', async () => {
    const reload = show(users.reporter);
    fireEvent.click(screen.getByText('写进展'));
    submit();
    expect(await screen.findByText('⚠ 请填写进展')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    await typeInto('text', '围挡已完成');
    send.mockResolvedValueOnce(ok({ note: { ...taskDetail.notes[0]!, id: 'n2', text: '围挡已完成' } }));
    submit();
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(send.mock.calls[0]![0]).toMatchObject({
      action: 'task.note',
      data: { taskId: 'task-1', text: '围挡已完成' },
    });
  });
});
