import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Notification, User } from '../../../core/contract';
import { setSession } from '../../api/session';
import { transport } from '../../api/transport';
import { notificationTarget, routes } from '../../lib/routes';
import type { TransportRequest } from '../../api/transport.types';
import MessagesEntry, { badgeText } from '../me/MessagesEntry';
import MessageList from './MessageList';
import { openMessage } from './open';
import { refreshUnread, resetUnreadForTest } from './unread';
import { useMessages } from './useMessages';

jest.mock('../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;
const reporter: User = { id: 'r1', name: '王芳', role: 'reporter', unitId: 'u1', unitName: '东城街道' };
const supervisor: User = { id: 's1', name: '赵敏', role: 'supervisor', unitId: null, unitName: null };
beforeEach(() => {
  send.mockReset();
  resetUnreadForTest();
  setSession('tok-r1', reporter);
});
afterEach(() => jest.restoreAllMocks());

const note = (id: string, title: string, readAt: string | null = null) => ({
  id,
  kind: 'no_post',
  title,
  body: '东城街道已 7 天未发布进展',
  subjectId: 'u1',
  createdAt: '2025-02-10T01:00:00.000Z',
  readAt,
});

function Inbox() {
  return <MessageList m={useMessages()} />;
}

const data = (d: unknown) => ({ ok: true, data: d });

describe('messages', () => {
  it('lists the notifications in the order the server gives (newest first) with the unread count', async () => {
    send.mockResolvedValue(
      data({
        items: [note('n2', '请及时发布进展'), note('n1', '难题已超期', '2025-02-09T00:00:00.000Z')],
        unread: 1,
        nextCursor: null,
      }),
    );
    render(<Inbox />);
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(2));
    const titles = screen.getAllByTestId('message').map((el) => el.textContent);
    expect(titles[0]).toContain('请及时发布进展');
    expect(titles[1]).toContain('难题已超期');
    expect(screen.getByText('1 条未读')).toBeTruthy();
    // Unread is said in words, not by colour alone.
    expect(screen.getAllByText('未读')).toHaveLength(1);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('says 暂无消息 when there are none, and offers no 全部已读', async () => {
    send.mockResolvedValue(data({ items: [], unread: 0, nextCursor: null }));
    render(<Inbox />);
    await waitFor(() => expect(screen.getByText('暂无消息')).toBeTruthy());
    expect(screen.queryByText('全部已读')).toBeNull();
  });

  it('marks a tapped message read and updates the count', async () => {
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'notify.read'
        ? data({ unread: 1 })
        : data({ items: [note('n2', '甲'), note('n1', '乙')], unread: 2, nextCursor: null }),
    );
    render(<Inbox />);
    await waitFor(() => expect(screen.getByText('2 条未读')).toBeTruthy());
    fireEvent.click(screen.getByText('甲'));
    await waitFor(() => expect(screen.getByText('1 条未读')).toBeTruthy());
    expect(send.mock.calls.find((c) => c[0].action === 'notify.read')?.[0].data).toEqual({ ids: ['n2'] });
    expect(screen.getAllByText('未读')).toHaveLength(1);
  });

  it('全部已读 clears every unread mark', async () => {
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'notify.read'
        ? data({ unread: 0 })
        : data({ items: [note('n2', '甲'), note('n1', '乙')], unread: 2, nextCursor: null }),
    );
    render(<Inbox />);
    await waitFor(() => expect(screen.getByText('全部已读')).toBeTruthy());
    fireEvent.click(screen.getByText('全部已读'));
    await waitFor(() => expect(screen.getByText('没有未读消息')).toBeTruthy());
    expect(screen.queryByText('未读')).toBeNull();
    expect(send.mock.calls.find((c) => c[0].action === 'notify.read')?.[0].data).toEqual({ all: true });
  });

  it('asks for the next page with the cursor the last one gave', async () => {
    send
      .mockResolvedValueOnce(data({ items: [note('n3', '第一页')], unread: 0, nextCursor: 'c1' }))
      .mockResolvedValueOnce(data({ items: [note('n2', '第二页')], unread: 0, nextCursor: null }));
    const pager: { more: () => Promise<void> } = { more: () => Promise.resolve() };
    function Pager() {
      const m = useMessages();
      pager.more = m.loadMore;
      return <MessageList m={m} />;
    }
    render(<Pager />);
    await waitFor(() => expect(screen.getByText('第一页')).toBeTruthy());
    await act(() => pager.more());
    await waitFor(() => expect(screen.getByText('第二页')).toBeTruthy());
    expect(send.mock.calls[1]?.[0].data).toMatchObject({ cursor: 'c1' });
  });

  it('puts the unread count on 我 as a number badge, and no badge when all are read', async () => {
    send.mockResolvedValueOnce(data({ items: [note('n2', '甲')], unread: 3, nextCursor: 'c' }));
    const { unmount } = render(<MessagesEntry />);
    await waitFor(() => expect(screen.getByText('3')).toBeTruthy());
    expect(send.mock.calls[0]?.[0]).toMatchObject({ action: 'notify.list', data: { limit: 1 } });
    unmount();
    send.mockResolvedValueOnce(data({ items: [], unread: 0, nextCursor: null }));
    render(<MessagesEntry />);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await act(() => Promise.resolve()); // let the answer land
    expect(screen.getByTestId('messages-entry').textContent).toBe('消息›');
  });

  it('caps the badge at 99+', () => {
    expect(badgeText(3)).toBe('3');
    expect(badgeText(120)).toBe('99+');
  });
});

describe('where a message leads', () => {
  const kinds = [
    'no_post',
    'problem_overdue',
    'interview_due',
    'explanation_due',
    'review_published',
  ] as const;

  it('该晒进度了 opens 发布进展 for a reporter of that unit, and the unit page for anyone else', () => {
    expect(notificationTarget({ kind: 'no_post', subjectId: 'u1' }, reporter)).toEqual({
      url: routes.post,
      label: '去发布进展',
    });
    expect(
      notificationTarget({ kind: 'no_post', subjectId: 'u1' }, { ...reporter, role: 'unit_leader' }),
    ).toMatchObject({ url: routes.post });
    expect(notificationTarget({ kind: 'no_post', subjectId: 'u1' }, supervisor)).toEqual({
      url: routes.unit('u1'),
      label: '查看单位',
    });
    expect(notificationTarget({ kind: 'no_post', subjectId: 'u2' }, reporter)).toMatchObject({
      url: routes.unit('u2'),
    });
  });

  it('a kind whose page is not built yet says so in Chinese', () => {
    const target = notificationTarget({ kind: kinds[1], subjectId: 'x' }, reporter);
    expect(target).toEqual({ notYet: expect.stringContaining('还在建设中') });
  });

  function Inbox({ user }: { user: User }) {
    const m = useMessages();
    return <MessageList m={m} onOpen={(n: Notification) => openMessage(m, user, n)} />;
  }

  it('tapping a reminder marks it read and lands on 发布进展', async () => {
    const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'notify.read'
        ? data({ unread: 0 })
        : data({ items: [note('n1', '该晒进度了')], unread: 1, nextCursor: null }),
    );
    render(<Inbox user={reporter} />);
    fireEvent.click(await screen.findByText('该晒进度了'));
    await waitFor(() => expect(go).toHaveBeenCalledWith({ url: routes.post }));
    await waitFor(() => expect(screen.getByText('没有未读消息')).toBeTruthy());
    expect(send.mock.calls.find((c) => c[0].action === 'notify.read')?.[0].data).toEqual({ ids: ['n1'] });
  });

  it('a read message still opens its page, without marking it again', async () => {
    const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    send.mockResolvedValue(
      data({ items: [note('n1', '该晒进度了', '2025-02-10T02:00:00.000Z')], unread: 0, nextCursor: null }),
    );
    render(<Inbox user={reporter} />);
    fireEvent.click(await screen.findByText('该晒进度了'));
    await waitFor(() => expect(go).toHaveBeenCalledWith({ url: routes.post }));
    expect(send.mock.calls.some((c) => c[0].action === 'notify.read')).toBe(false);
  });

  it('a kind without a page yet says so gently and goes nowhere', async () => {
    const go = jest.spyOn(Taro, 'navigateTo');
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'notify.read'
        ? data({ unread: 0 })
        : data({
            items: [{ ...note('n1', '难题已超期'), kind: 'problem_overdue', subjectId: 'p1' }],
            unread: 1,
            nextCursor: null,
          }),
    );
    render(<Inbox user={reporter} />);
    fireEvent.click(await screen.findByText('难题已超期'));
    await waitFor(() =>
      expect(toast).toHaveBeenCalledWith(
        expect.objectContaining({ title: expect.stringContaining('还在建设中'), icon: 'none' }),
      ),
    );
    expect(go).not.toHaveBeenCalled();
  });
});

describe('the unread badge on the 我 tab', () => {
  it('shows the count on the third tab, and removes it when all are read', async () => {
    const set = jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never);
    const remove = jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never);
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'notify.read'
        ? data({ unread: 0 })
        : data({ items: [note('n1', '甲')], unread: 3, nextCursor: null }),
    );
    expect(await refreshUnread(true)).toBe(3);
    expect(set).toHaveBeenLastCalledWith({ index: 2, text: '3' });
    render(<Inbox />);
    fireEvent.click(await screen.findByText('全部已读'));
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ index: 2 }));
  });

  it('asks at most once a minute unless told to, one request at a time', async () => {
    jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never);
    send.mockResolvedValue(data({ items: [], unread: 1, nextCursor: null }));
    await Promise.all([refreshUnread(true), refreshUnread(true)]);
    await refreshUnread();
    expect(send).toHaveBeenCalledTimes(1);
    await refreshUnread(true);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('signed out: asks nothing and takes the badge away', async () => {
    const remove = jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never);
    jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never);
    send.mockResolvedValue(data({ items: [], unread: 2, nextCursor: null }));
    await refreshUnread(true);
    setSession(null, null);
    expect(await refreshUnread(true)).toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledWith({ index: 2 });
  });

  it('a badge WeChat refuses (off the tab pages) is no error', async () => {
    jest.spyOn(Taro, 'setTabBarBadge').mockRejectedValue({ errMsg: 'setTabBarBadge:fail not TabBar page' });
    send.mockResolvedValue(data({ items: [], unread: 2, nextCursor: null }));
    await expect(refreshUnread(true)).resolves.toBe(2);
  });
});
