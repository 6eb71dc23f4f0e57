import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Problem } from '../../../../../core/contract';
import { setSession } from '../../../../api/session';
import { transport } from '../../../../api/transport';
import type { TransportRequest } from '../../../../api/transport.types';
import { problemPage } from '../../../../lib/problem-views';
import { campaignData } from '../../../../testing/fixtures';
import { makeProblem, makeTask, users } from '../../../../testing/tasks-fixtures';
import { ProblemList } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

const listCalls = () => send.mock.calls.filter(([r]) => r.action === 'problem.list').map(([r]) => r.data);

function serve(pages: Record<string, { items: Problem[]; nextCursor: string | null }>) {
  send.mockImplementation(async (req: TransportRequest) => {
    if (req.action === 'campaign.current') return { ok: true, data: campaignData };
    if (req.action === 'task.list') return { ok: true, data: { items: [makeTask()] } };
    if (req.action === 'problem.list') {
      const cursor = (req.data as { cursor?: string }).cursor ?? '';
      return { ok: true, data: pages[cursor] };
    }
    return { ok: false, error: { code: 'NOT_FOUND', message: '?' } };
  });
}

beforeEach(() => send.mockReset());

describe('我的待办难题', () => {
  it('lists the unit’s problems not yet closed off, with the task each is on and the steps the reporter may take', async () => {
    setSession('tok', users.reporter);
    serve({
      '': {
        items: [
          makeProblem({ id: 'a', title: '用地指标未落实' }),
          makeProblem({ id: 'b', title: '施工许可待批', status: 'in_progress', overdue: true }),
          makeProblem({ id: 'c', title: '融资担保', status: 'closed' }),
        ],
        nextCursor: 'more',
      },
    });
    render(<ProblemList user={users.reporter} view="mine" />);
    await waitFor(() => expect(screen.getAllByTestId('problem-card')).toHaveLength(2));
    expect(listCalls()).toEqual([{ unitId: 'u1', limit: 20 }]);
    const cards = screen.getAllByTestId('problem-card');
    expect(cards[0]!.textContent).toContain('任务：东城智造园一期开工');
    expect([...cards[1]!.querySelectorAll('.steps__btn')].map((b) => b.textContent)).toEqual(['已解决']);
    // The closed one ends the list: closed problems come last, none of the rest is waiting.
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(screen.getByText('共 2 个 · 逾期 1 个')).toBeTruthy();
  });

  it('says when the unit has nothing waiting', async () => {
    setSession('tok', users.reporter);
    serve({ '': { items: [], nextCursor: null } });
    render(<ProblemList user={users.reporter} view="mine" />);
    expect(await screen.findByText('本单位没有待办的难题。')).toBeTruthy();
  });
});

describe('待销号', () => {
  it('asks for resolved problems page by page, each with 销号 and 重新打开', async () => {
    setSession('tok', users.supervisor);
    serve({
      '': { items: [makeProblem({ id: 'a', status: 'resolved' })], nextCursor: 'p2' },
      p2: { items: [makeProblem({ id: 'b', title: '电力增容', status: 'resolved' })], nextCursor: null },
    });
    render(<ProblemList user={users.supervisor} view="close" />);
    await waitFor(() => expect(screen.getAllByTestId('problem-card')).toHaveLength(1));
    expect(screen.getByText('已列出 1 个')).toBeTruthy();
    fireEvent.click(screen.getByText('查看更多'));
    await waitFor(() => expect(screen.getAllByTestId('problem-card')).toHaveLength(2));
    expect(listCalls()).toEqual([
      { status: 'resolved', limit: 20 },
      { status: 'resolved', limit: 20, cursor: 'p2' },
    ]);
    expect([...document.querySelectorAll('.steps__btn')].map((b) => b.textContent)).toEqual([
      '销号',
      '重新打开',
      '销号',
      '重新打开',
    ]);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });
});

describe('a page of a view', () => {
  it('keeps the cursor while every listed problem is the view’s, and stops at the first that is not', async () => {
    setSession('tok', users.reporter);
    serve({ '': { items: [makeProblem()], nextCursor: 'n' } });
    expect(await problemPage('mine', users.reporter, null)).toMatchObject({ nextCursor: 'n' });
    serve({ '': { items: [makeProblem(), makeProblem({ id: 'x', status: 'closed' })], nextCursor: 'n' } });
    const page = await problemPage('mine', users.reporter, null);
    expect(page.items.map((p) => p.id)).toEqual(['p-open']);
    expect(page.nextCursor).toBeNull();
  });
});
