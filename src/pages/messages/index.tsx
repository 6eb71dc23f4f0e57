/** 消息: the in-app reminders, newest first, more at the bottom; tapping one marks it read, or 全部已读. */
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import PageFont from '../../components/PageFont';
import SignInGate from '../../components/SignInGate';
import { useSession } from '../../hooks/useSession';
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
  const session = useSession();
  return (
    <>
      {/* WeChat: text follows the user's font size (page-meta; enablePageMeta in index.config.ts). */}
      <PageFont title="消息" />
      <View className="page msgs">
        <SignInGate session={session}>{(user) => <Inbox key={user.id} />}</SignInGate>
      </View>
    </>
  );
}
