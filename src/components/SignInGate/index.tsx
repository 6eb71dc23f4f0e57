/**
 * Shows a page's content once someone is signed in; otherwise says who the arena is for and where to sign
 * in. A demo server (browser) opens on the role chooser instead of signing the visitor in as anybody.
 */
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { User } from '../../../core/contract';
import { listDemoUsers } from '../../api/auth';
import { signsInWithToken } from '../../api/platform';
import { toastError } from '../../api/toast';
import { useAsync } from '../../hooks/useAsync';
import type { SessionState } from '../../hooks/useSession';
import { routes } from '../../lib/routes';
import AppIntro from '../AppIntro';
import { ErrorState, Loading } from '../StateView';
import RoleChooser from './RoleChooser';
import './index.scss';

interface Props {
  session: SessionState;
  children: (user: User) => ReactNode;
}

function SignedOut() {
  // Only the browser signs in as a demo account; a server that is not a demo answers FORBIDDEN.
  const demo = useAsync(signsInWithToken ? 'gate-demo-users' : null, listDemoUsers);
  if (demo.loading) return <Loading rows={2} />;
  const users = demo.data ?? [];
  const join = () => void Taro.navigateTo({ url: routes.join }).catch(toastError);
  if (users.length > 0) {
    return (
      <View className="gate">
        <AppIntro hint="这是演示版，数据为虚构：选一个角色，就能看到这个角色用的擂台。" />
        <RoleChooser users={users} />
        <Button className="ghost-btn" onClick={join}>
          用账号登录 / 邀请码加入
        </Button>
      </View>
    );
  }
  return (
    <View className="gate">
      <AppIntro
        hint={
          signsInWithToken
            ? '请用单位分配的账号登录，或用管理员给的邀请码加入。'
            : '第一次使用请输入单位管理员给的邀请码加入。'
        }
      />
      <Button className="primary-btn" onClick={join}>
        {signsInWithToken ? '登录 / 加入' : '输入邀请码加入'}
      </Button>
    </View>
  );
}

export default function SignInGate({ session, children }: Props) {
  if (session.user) return <>{children(session.user)}</>;
  if (session.status === 'error') return <ErrorState error={session.error} onRetry={session.retry} />;
  if (session.status === 'anonymous') return <SignedOut />;
  return <Loading />;
}
