/** 消息: the in-app reminders, newest first, more at the bottom; tapping one marks it read, or 全部已读. */
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import SignedInPage from '../../components/SignedInPage';
import MessageList from './MessageList';
import { useMessages } from './useMessages';
import './index.scss';

function Inbox() {
  const m = useMessages();
  usePullDownRefresh(() => {
    void m.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (!m.error) void m.loadMore();
  });
  return <MessageList m={m} />;
}

export default function MessagesPage() {
  return (
    <SignedInPage title="消息" className="msgs">
      {(user) => <Inbox key={user.id} />}
    </SignedInPage>
  );
}
