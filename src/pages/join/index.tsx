/**
 * First run and sign-in: who the arena is for, then on WeChat an invite code and name (me.bind); in the
 * browser 登录 with an account or 用邀请码加入. 暂不登录 goes back to the feed.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { signsInWithToken } from '../../api/platform';
import { toastError, toastSuccess } from '../../api/toast';
import AppIntro from '../../components/AppIntro';
import PageFont from '../../components/PageFont';
import type { JoinFields, JoinMode } from './check';
import JoinForm from './JoinForm';
import { submitJoin } from './submit';
import './index.scss';

const tabs: { mode: JoinMode; text: string }[] = [
  { mode: 'login', text: '登录' },
  { mode: 'join', text: '用邀请码加入' },
];

function leave(): void {
  void Taro.switchTab({ url: '/pages/feed/index' });
}

export function JoinView({ withAccounts }: { withAccounts: boolean }) {
  const [mode, setMode] = useState<JoinMode>(withAccounts ? 'login' : 'bind');
  const [sending, setSending] = useState(false);

  const send = async (data: Partial<JoinFields>) => {
    setSending(true);
    try {
      await submitJoin(mode, data);
      toastSuccess(mode === 'login' ? '已登录' : '已加入');
      setTimeout(leave, 600);
    } catch (e) {
      toastError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <View>
      <View className="join__intro">
        <AppIntro
          hint={
            withAccounts
              ? '已有账号请直接登录；第一次使用请输入单位管理员给的邀请码加入。'
              : '第一次使用请输入单位管理员给的邀请码和您的姓名，加入后即可查看和填报。'
          }
        />
      </View>
      {withAccounts && (
        <View className="join__tabs" role="tablist">
          {tabs.map((t) => (
            <View
              key={t.mode}
              role="tab"
              aria-selected={mode === t.mode}
              className={`join__tab${mode === t.mode ? ' join__tab--on' : ''}`}
              onClick={() => setMode(t.mode)}
            >
              <Text>{t.text}</Text>
            </View>
          ))}
        </View>
      )}
      <JoinForm key={mode} mode={mode} sending={sending} onSubmit={(d) => void send(d)} />
      <View className="join__skip" hoverClass="join__skip--pressed" onClick={leave}>
        <Text>暂不登录，先看看</Text>
      </View>
    </View>
  );
}

export default function JoinPage() {
  return (
    <>
      {/* WeChat: text follows the user's font size (page-meta; enablePageMeta in index.config.ts). */}
      <PageFont title="登录 / 加入" />
      <View className="page join">
        <JoinView withAccounts={signsInWithToken} />
      </View>
    </>
  );
}
