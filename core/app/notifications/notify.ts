/**
 * The in-app notification list (DOMAIN.md "Reminders": the in-app list always): `notify.list` (newest
 * first, with the unread count for the 消息 badge), `notify.read`, and `notify.subscribe`, which records
 * the WeChat subscription consents the caller just gave (one message of each template accepted: ./credits.ts).
 */
import { fail, ok, type Notification } from '../../contract';
import { isoOf } from '../../domain/days';
import type { Route } from '../context';
import { creditsForAccepted } from './credits';
import type { NotificationRecord } from './store';

export const notificationOut = (n: NotificationRecord): Notification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  subjectId: n.subjectId,
  createdAt: isoOf(n.createdAt),
  readAt: n.readAt === null ? null : isoOf(n.readAt),
});

export const notifyList: Route<'notify.list'> = {
  access: 'user',
  run: async (ctx, { cursor, limit }) => {
    const { store } = ctx.deps;
    const userId = ctx.user.id;
    const [page, unread] = await Promise.all([
      store.notifications.listNotifications({ userId, limit, ...(cursor !== undefined ? { cursor } : {}) }),
      store.notifications.countUnread(userId),
    ]);
    return ok({ items: page.items.map(notificationOut), unread, nextCursor: page.nextCursor });
  },
};

export const notifyRead: Route<'notify.read'> = {
  access: 'user',
  run: async (ctx, { ids, all }) => {
    const { store, clock } = ctx.deps;
    if (all === true) await store.notifications.markRead(ctx.user.id, undefined, clock.now());
    else if (ids !== undefined && ids.length > 0) await store.notifications.markRead(ctx.user.id, ids, clock.now());
    else return fail('INVALID_ARGUMENT', '请指定要标为已读的消息（ids），或用 all: true 全部标为已读。');
    return ok({ unread: await store.notifications.countUnread(ctx.user.id) });
  },
};

export const notifySubscribe: Route<'notify.subscribe'> = {
  access: 'user',
  run: async (ctx, { accepted }) => {
    const deltas = creditsForAccepted(ctx.user.subscribeCredits, accepted);
    const credits = await ctx.deps.store.notifications.addSubscribeCredits(ctx.user.id, deltas);
    return ok({ credits: { ...credits } });
  },
};
