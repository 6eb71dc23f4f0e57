/** Tapping a message: it is read now, and it leads to what it is about (src/lib/routes.ts). */
import Taro from '@tarojs/taro';
import type { Notification, User } from '../../../core/contract';
import { toastError } from '../../api/toast';
import { notificationTarget } from '../../lib/routes';
import type { Messages } from './useMessages';

/** Marks the message read and opens its subject; a kind whose page is not built yet says so. */
export function openMessage(m: Messages, user: User, n: Notification): void {
  if (n.readAt === null) void m.markRead(n.id);
  const target = notificationTarget(n, user);
  if ('url' in target) void Taro.navigateTo({ url: target.url }).catch(toastError);
  else void Taro.showToast({ title: target.notYet, icon: 'none', duration: 3000 });
}
