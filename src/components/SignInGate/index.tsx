/** Shows a page's content once someone is signed in; otherwise says who the arena is for and where to sign in. */
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { User } from '../../../core/contract';
import { signsInWithToken } from '../../api/platform';
import { toastError } from '../../api/toast';
import type { SessionState } from '../../hooks/useSession';
import { routes } from '../../lib/routes';
import AppIntro from '../AppIntro';
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
        <AppIntro
          hint={
            signsInWithToken
              ? '请用单位分配的账号登录，或用管理员给的邀请码加入。'
              : '第一次使用请输入单位管理员给的邀请码加入。'
          }
        />
        <Button
          className="primary-btn"
          onClick={() => void Taro.navigateTo({ url: routes.join }).catch(toastError)}
        >
          {signsInWithToken ? '登录 / 加入' : '输入邀请码加入'}
        </Button>
      </View>
    );
  }
  return <Loading />;
}
