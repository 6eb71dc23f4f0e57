/** Demo mode: sign in as any demo account, to see the arena as a reporter, a leader or a supervisor. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { roleNames, type User } from '../../../core/contract';
import { demoLogin, listDemoUsers } from '../../api/auth';
import { toastError, toastSuccess } from '../../api/toast';
import { ErrorState, Loading } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';

export default function DemoSwitcher({ current }: { current: User }) {
  const users = useAsync('demo-users', listDemoUsers);
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const pick = async (u: User) => {
    if (busy || u.id === current.id) return;
    setBusy(u.id);
    try {
      await demoLogin(u.id);
      toastSuccess('已切换');
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(null);
    }
  };

  if (users.loading && !users.data) return <Loading rows={2} />;
  // Not a demo server: nothing to switch to.
  if (users.error)
    return (users.error as { code?: string }).code === 'FORBIDDEN' ? null : (
      <ErrorState error={users.error} onRetry={() => void users.reload()} />
    );
  if (!users.data?.length) return null;

  return (
    <View className="me__card demo">
      <View
        className="demo__toggle"
        hoverClass="demo__user--pressed"
        onClick={() => setOpen(!open)}
        data-testid="demo-toggle"
      >
        <Text className="demo__title">切换演示账号（共 {users.data.length} 个）</Text>
        <Text className="demo__arrow">{open ? '收起 ▴' : '展开 ▾'}</Text>
      </View>
      {open &&
        users.data.map((u) => {
          const on = u.id === current.id;
          return (
            <View
              key={u.id}
              className={`demo__user${on ? ' demo__user--on' : ''}`}
              hoverClass="demo__user--pressed"
              onClick={() => void pick(u)}
              data-testid="demo-user"
            >
              <Text className="demo__name">{u.name}</Text>
              <Text className="demo__role">
                {roleNames[u.role]}
                {u.unitName ? ` · ${u.unitName}` : ''}
              </Text>
              <Text className="demo__state">{on ? '✓ 当前' : busy === u.id ? '切换中…' : ''}</Text>
            </View>
          );
        })}
    </View>
  );
}
