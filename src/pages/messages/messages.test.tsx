import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { transport } from '../../api/transport';
import type { TransportRequest } from '../../api/transport.types';
import MessagesEntry, { badgeText } from '../me/MessagesEntry';
import MessageList from './MessageList';
import { useMessages } from './useMessages';

jest.mock('../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;
beforeEach(() => send.mockReset());

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
