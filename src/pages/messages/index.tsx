/** 消息: the in-app reminders, newest first, more at the bottom; tapping one marks it read and opens what it is about. */
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { User } from '../../../core/contract';
import SignedInPage from '../../components/SignedInPage';
import { notificationTarget } from '../../lib/routes';
import MessageList from './MessageList';
import { openMessage } from './open';
import { useMessages } from './useMessages';
import './index.scss';

function Inbox({ user }: { user: User }) {
  const m = useMessages();
  usePullDownRefresh(() => {
    void m.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (!m.error) void m.loadMore();
  });
  return (
    <MessageList
      m={m}
      onOpen={(n) => openMessage(m, user, n)}
      labelOf={(n) => {
        const target = notificationTarget(n, user);
        return 'label' in target ? target.label : null;
      }}
    />
  );
}

export default function MessagesPage() {
  return (
    <SignedInPage title="消息" className="msgs">
      {(user) => <Inbox key={user.id} user={user} />}
    </SignedInPage>
  );
}
