/**
 * 我: who I am (name, unit, role), 消息 with the unread count, 我的待办难题 or 待销号 with their counts, 月度通报
 * and (by role) 约谈, 书面说明 and 考核扣分台账, 订阅提醒 (WeChat), the demo switcher, 关于, and 退出登录 (browser).
 */
import { Text, View } from '@tarojs/components';
import { roleNames, type User } from '../../../core/contract';
import SignedInPage from '../../components/SignedInPage';
import SubscribeButton from '../../components/SubscribeButton';
import { useArena } from '../../hooks/useArena';
import About from './About';
import DemoSwitcher from './DemoSwitcher';
import MessagesEntry from './MessagesEntry';
import ProblemsEntry from './ProblemsEntry';
import ReviewsEntry from './ReviewsEntry';
import SignOut from './SignOut';
import './index.scss';

function Me({ user }: { user: User }) {
  const arena = useArena(user.id);
  return (
    <View>
      <View className="me__card me__who">
        <Text className="me__name">{user.name}</Text>
        <Text className="me__line">角色：{roleNames[user.role]}</Text>
        <Text className="me__line">单位：{user.unitName ?? '（不属于参赛单位）'}</Text>
        {arena.data && <Text className="me__line">竞赛：{arena.data.campaign.name}</Text>}
      </View>
      <MessagesEntry />
      <ProblemsEntry user={user} />
      <ReviewsEntry user={user} />
      <SubscribeButton />
      <DemoSwitcher current={user} />
      <About weights={arena.data?.campaign.weights ?? null} />
      <SignOut />
    </View>
  );
}

export default function MePage() {
  return (
    <SignedInPage title="我" className="me">
      {(user) => <Me user={user} />}
    </SignedInPage>
  );
}
