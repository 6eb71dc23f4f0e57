import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Problem, User } from '../../../core/contract';
import { setSession } from '../../api/session';
import { transport } from '../../api/transport';
import type { TransportRequest } from '../../api/transport.types';
import { routes } from '../../lib/routes';
import { makeProblem, users } from '../../testing/tasks-fixtures';
import ProblemsEntry from './ProblemsEntry';

jest.mock('../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

function serve(items: Problem[], nextCursor: string | null = null) {
  send.mockImplementation(async (req: TransportRequest) =>
    req.action === 'problem.list'
      ? { ok: true, data: { items, nextCursor } }
      : { ok: false, error: { code: 'NOT_FOUND', message: '?' } },
  );
}

function show(user: User) {
  setSession('tok', user);
  render(<ProblemsEntry user={user} />);
}

beforeEach(() => send.mockReset());
afterEach(() => jest.restoreAllMocks());

describe('我 offers the problems waiting on the user', () => {
  it('a reporter: 我的待办难题, the unit’s problems not closed off, with the overdue ones', async () => {
    serve([
      makeProblem({ id: 'a', overdue: true }),
      makeProblem({ id: 'b', status: 'resolved' }),
      makeProblem({ id: 'c', status: 'closed' }),
    ]);
    show(users.reporter);
    const entry = await screen.findByTestId('problems-entry-mine');
    await waitFor(() => expect(entry.textContent).toBe('我的待办难题2 个，逾期 1 个›'));
    expect(send.mock.calls[0]![0]).toMatchObject({
      action: 'problem.list',
      data: { unitId: 'u1', limit: 50 },
    });
    expect(screen.queryByTestId('problems-entry-close')).toBeNull();
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    fireEvent.click(entry);
    expect(nav).toHaveBeenCalledWith({ url: routes.problems('mine') });
  });

  it('a supervisor: 待销号, the resolved problems, 50+ when there are more', async () => {
    serve(
      Array.from({ length: 50 }, (_, i) => makeProblem({ id: `p${i}`, status: 'resolved' })),
      'next',
    );
    show(users.supervisor);
    const entry = await screen.findByTestId('problems-entry-close');
    await waitFor(() => expect(entry.textContent).toBe('待销号50+ 个›'));
    expect(send.mock.calls[0]![0]).toMatchObject({ data: { status: 'resolved' } });
    expect(screen.queryByTestId('problems-entry-mine')).toBeNull();
  });

  it('says 无 when nothing waits, and a city leader is offered neither', async () => {
    serve([]);
    show(users.leader_u1);
    const entry = await screen.findByTestId('problems-entry-mine');
    await waitFor(() => expect(entry.textContent).toBe('我的待办难题无›'));
    render(<ProblemsEntry user={users.cityLeader} />);
    expect(screen.getAllByTestId(/problems-entry/)).toHaveLength(1);
  });
});
