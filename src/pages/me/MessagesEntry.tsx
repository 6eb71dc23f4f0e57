/** 我 → 消息: the entry with the unread count as a number badge (the tab's too), refreshed each time 我 is shown. */
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toastError } from '../../api/toast';
import { routes } from '../../lib/routes';
import { badgeText, refreshUnread, unreadShown } from '../messages/unread';

export { badgeText } from '../messages/unread';

export default function MessagesEntry() {
  const [unread, setUnread] = useState<number | null>(unreadShown);
  // Only the count is needed (it also sets the tab's badge); a failure keeps what was shown.
  const load = useCallback(() => {
    void refreshUnread(true).then(setUnread);
  }, []);
  useEffect(load, [load]);
  // Back from 消息: the count changed. The first show is the mount, already loaded above.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) load();
    shown.current = true;
  });

  return (
    <View
      className="me__card me__entry"
      hoverClass="me__entry--pressed"
      onClick={() => void Taro.navigateTo({ url: routes.messages }).catch(toastError)}
      data-testid="messages-entry"
      ariaLabel={unread ? `消息，${unread} 条未读` : '消息'}
    >
      <Text className="me__entry-name">消息</Text>
      {unread !== null && unread > 0 && <Text className="me__badge">{badgeText(unread)}</Text>}
      <Text className="me__entry-arrow">›</Text>
    </View>
  );
}
