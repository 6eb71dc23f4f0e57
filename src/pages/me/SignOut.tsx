/**
 * 退出登录 (browser): ends the session on the server and forgets the token here; the page then shows the
 * sign-in gate. Not on WeChat, where the WeChat account itself is the identity and stays signed in.
 */
import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import { useState } from 'react';
import { signOut } from '../../api/auth';
import { signsInWithToken } from '../../api/platform';
import { toastError } from '../../api/toast';

export default function SignOut() {
  const [busy, setBusy] = useState(false);
  if (!signsInWithToken) return null;

  const onTap = async () => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '退出登录？',
      content: '退出后需要重新选择角色或登录才能使用。',
      confirmText: '退出',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await signOut();
    } catch (e) {
      toastError(e);
      setBusy(false);
    }
  };

  return (
    <Button className="me__signout" loading={busy} onClick={() => void onTap()} data-testid="sign-out">
      {busy ? '正在退出…' : '退出登录'}
    </Button>
  );
}
