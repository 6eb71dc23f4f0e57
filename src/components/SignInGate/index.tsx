/** Shows a page's content once someone is signed in; otherwise says who the arena is for and what to do. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { User } from '../../../core/contract';
import type { SessionState } from '../../hooks/useSession';
import { ErrorState, Loading } from '../StateView';
import './index.scss';

interface Props {
  session: SessionState;
  children: (user: User) => ReactNode;
}

export default function SignInGate({ session, children }: Props) {
  if (session.user) return <>{children(session.user)}</>;
  if (session.status === 'error') return <ErrorState error={session.error} onRetry={session.retry} />;
  if (session.status === 'anonymous') {
    return (
      <View className="gate">
        <Text className="gate__title">比学赶超 微擂台</Text>
        <Text className="gate__text">供全市参加“百日竞赛”的单位填报员、负责人、督办员和市领导使用。</Text>
        <Text className="gate__text">请使用单位分配的账号登录；如需开通，请联系市督办办。</Text>
      </View>
    );
  }
  return <Loading />;
}
