/** Draws the notifications: unread ones marked in words (未读) as well as colour; a tap marks read and opens. */
import { Button, Text, View } from '@tarojs/components';
import type { Notification } from '../../../core/contract';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import type { Messages } from './useMessages';

const when = (iso: string): string => {
  // Shanghai wall time, as the campaign reads dates: YYYY-MM-DD HH:mm.
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
};

/** What tapping a message does: the page it leads to (`label` says which), or only mark it read. */
export type OpenMessage = (n: Notification) => void;

function Item({ n, onOpen, label }: { n: Notification; onOpen: OpenMessage; label: string | null }) {
  const unread = n.readAt === null;
  return (
    <View
      className={`msg${unread ? ' msg--unread' : ''}`}
      hoverClass="msg--pressed"
      onClick={() => onOpen(n)}
      data-testid="message"
    >
      <View className="msg__head">
        {unread && <Text className="msg__dot">未读</Text>}
        <Text className="msg__title">{n.title}</Text>
      </View>
      <Text className="msg__body">{n.body}</Text>
      <View className="msg__foot">
        <Text className="msg__time">{when(n.createdAt)}</Text>
        {label && <Text className="msg__go">{label} ›</Text>}
      </View>
    </View>
  );
}

interface Props {
  m: Messages;
  /** Tapping a message: marks it read and opens what it is about (default: only marks it read). */
  onOpen?: OpenMessage;
  /** The link's words for a message, or null when it leads nowhere yet. */
  labelOf?: (n: Notification) => string | null;
}

export default function MessageList({ m, onOpen, labelOf }: Props) {
  const open: OpenMessage = onOpen ?? ((n) => n.readAt === null && void m.markRead(n.id));
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
        <Item key={n.id} n={n} onOpen={open} label={labelOf?.(n) ?? null} />
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
