/**
 * The demo's first screen: pick the role to see the arena as, each with what that role does. The choice
 * signs in as that role's demo account and is remembered (api/auth.ts); 我 can switch later.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Role, User } from '../../../core/contract';
import { demoLoginAs } from '../../api/auth';
import { toastError } from '../../api/toast';
import { roleNames, roles } from '../../lib/names';
import { roleDuties } from '../../lib/roles';

export default function RoleChooser({ users }: { users: User[] }) {
  const [busy, setBusy] = useState<Role | null>(null);
  const offered = roles.filter((r) => users.some((u) => u.role === r));

  const pick = async (role: Role) => {
    if (busy) return;
    setBusy(role);
    try {
      await demoLoginAs(role, users);
    } catch (e) {
      toastError(e);
      setBusy(null);
    }
  };

  return (
    <View className="roles" data-testid="role-chooser">
      <Text className="roles__title">选择角色</Text>
      {offered.map((role) => (
        <View
          key={role}
          className={`roles__item${busy === role ? ' roles__item--busy' : ''}`}
          hoverClass="roles__item--pressed"
          onClick={() => void pick(role)}
          data-testid="role-option"
          data-role={role}
        >
          <View className="roles__head">
            <Text className="roles__name">{roleNames[role]}</Text>
            <Text className="roles__state">{busy === role ? '进入中…' : '›'}</Text>
          </View>
          <Text className="roles__duty">{roleDuties[role]}</Text>
        </View>
      ))}
      <Text className="roles__hint">选定后下次打开仍是这个角色，可在“我”里切换账号或退出。</Text>
    </View>
  );
}
