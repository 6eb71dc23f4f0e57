/** Draws the notifications: unread ones marked in words (未读) as well as colour, tap to mark read. */
import { Button, Text, View } from '@tarojs/components';
import type { Notification } from '../../../core/contract';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import type { Messages } from './useMessages';

const when = (iso: string): string => {
  // Shanghai wall time, as the campaign reads dates: YYYY-MM-DD HH:mm.
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
};

function Item({ n, onTap }: { n: Notification; onTap: (id: string) => void }) {
  const unread = n.readAt === null;
  return (
    <View
      className={`msg${unread ? ' msg--unread' : ''}`}
      hoverClass="msg--pressed"
      onClick={() => unread && onTap(n.id)}
      data-testid="message"
    >
      <View className="msg__head">
        {unread && <Text className="msg__dot">未读</Text>}
        <Text className="msg__title">{n.title}</Text>
      </View>
      <Text className="msg__body">{n.body}</Text>
      <Text className="msg__time">{when(n.createdAt)}</Text>
    </View>
  );
}

export default function MessageList({ m }: { m: Messages }) {
  return (
    <View>
      <View className="msgs__bar">
        <Text className="msgs__count">{m.unread > 0 ? `${m.unread} 条未读` : '没有未读消息'}</Text>
        {m.unread > 0 && (
          <Button className="msgs__all" size="mini" onClick={() => void m.markAllRead()}>
            全部已读
          </Button>
        )}
      </View>
      {m.items.map((n) => (
        <Item key={n.id} n={n} onTap={(id) => void m.markRead(id)} />
      ))}
      {m.items.length === 0 && m.loading && <Loading />}
      {m.error !== null && (
        <ErrorState error={m.error} onRetry={() => void (m.items.length ? m.loadMore() : m.refresh())} />
      )}
      {m.items.length === 0 && !m.loading && m.error === null && m.ended && <Empty text="暂无消息" />}
      {m.items.length > 0 && m.loading && <Text className="list-end">加载中…</Text>}
      {m.items.length > 0 && m.ended && <Text className="list-end">没有更多了</Text>}
    </View>
  );
}
