/**
 * Store contract cases for the notifications slice: reminders (issue 4) stored once per dedupe key, listed
 * newest first page by page, counted and marked read; channel outcomes; which dedupe keys are stored; and
 * subscription credits (issue 7), counted per template id: each template's count adds up, comes down and
 * never goes below 0; several templates change in one step; a user with none has no field at all;
 * concurrent changes lose nothing.
 */
import type { NotificationRecord } from '../../core/app/notifications/store';
import type { Store } from '../../core/app/store';
import type { SuiteContext } from './suite';
import { C1, CITY, U, users } from './fixtures';

const T0 = 1_760_000_000_000;
const me = users[0]!.id;
const other = users[1]!.id;

function note(n: number, over: Partial<NotificationRecord> = {}): NotificationRecord {
  const userId = over.userId ?? me;
  return {
    id: `n-${userId}-${n}`,
    userId,
    cityId: CITY,
    campaignId: C1,
    kind: 'no_post',
    title: '该晒进度了',
    body: `第 ${n} 条提醒`,
    subjectId: U.a1,
    dedupeKey: `${userId}|no_post|${U.a1}|day-${n}`,
    createdAt: T0 + n * 60_000,
    readAt: null,
    channels: {},
    ...over,
  };
}

const ALL = -Number.MAX_SAFE_INTEGER;

/** A reminder told apart by its key only (the credits cases). */
const keyed = (key: string): NotificationRecord => ({
  id: `n-${key}`,
  userId: me,
  cityId: CITY,
  campaignId: null,
  kind: 'no_post',
  title: '该晒进度了',
  body: key,
  subjectId: U.a1,
  dedupeKey: `${me}|no_post|${U.a1}|${key}`,
  createdAt: 1_760_000_000_000,
  readAt: null,
  channels: {},
});

/** Every notification of a user, newest first, by following the cursor. */
async function readAll(store: Store, userId: string, limit: number): Promise<NotificationRecord[]> {
  const all: NotificationRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1_000; page += 1) {
    const r = await store.notifications.listNotifications({ userId, limit, ...(cursor ? { cursor } : {}) });
    all.push(...r.items);
    if (r.nextCursor === null) return all;
    cursor = r.nextCursor;
  }
  throw new Error('listNotifications never ended');
}

export const notificationCaseIds = [
  'notify.dedupe',
  'notify.paging',
  'notify.unread',
  'notify.channels',
  'notify.storedKeys',
  'credits.perTemplate',
  'credits.dropAll',
  'credits.unknownUser',
  'credits.putUser',
  'credits.concurrent',
] as const;

export function notificationCases({ it, store }: SuiteContext): void {
  describe('notifications', () => {
    beforeEach(async () => {
      for (const u of users) await store().people.putUser(u);
    });

    it('notify.dedupe', 'a notification is stored once per dedupe key: the second add is refused and changes nothing', async () => {
      expect(await store().notifications.addNotification(note(1))).toBe(true);
      expect(await store().notifications.addNotification(note(1, { id: 'n-retry', body: '重试' }))).toBe(false);
      const [only, ...rest] = (await store().notifications.listNotifications({ userId: me, limit: 10 })).items;
      expect(rest).toEqual([]);
      expect(only).toEqual(note(1));
      const racing = await Promise.all([1, 2, 3].map((i) => store().notifications.addNotification(note(2, { id: `n-race-${i}` }))));
      expect(racing.filter(Boolean)).toHaveLength(1);
    });

    it('notify.paging', 'a user’s list is newest first (same instant: written later first), paged to the end, and holds only theirs', async () => {
      for (const n of [3, 1, 5, 2, 4]) await store().notifications.addNotification(note(n));
      await store().notifications.addNotification(note(6, { createdAt: T0 + 5 * 60_000 }));
      await store().notifications.addNotification(note(9, { userId: other }));
      const all = await readAll(store(), me, 2);
      expect(all.map((n) => n.id)).toEqual([`n-${me}-6`, `n-${me}-5`, `n-${me}-4`, `n-${me}-3`, `n-${me}-2`, `n-${me}-1`]);
      const firstPage = await store().notifications.listNotifications({ userId: me, limit: 6 });
      expect(firstPage.items).toHaveLength(6);
      expect(firstPage.nextCursor).toBeNull();
      expect((await store().notifications.listNotifications({ userId: 'user-nobody', limit: 5 })).items).toEqual([]);
    });

    it('notify.unread', 'unread counts drop as the given ids, then all, are marked read; another user’s ids are left alone', async () => {
      for (const n of [1, 2, 3, 4]) await store().notifications.addNotification(note(n));
      await store().notifications.addNotification(note(1, { userId: other }));
      expect(await store().notifications.countUnread(me)).toBe(4);

      await store().notifications.markRead(me, [`n-${me}-1`, `n-${me}-2`, `n-${other}-1`, 'n-missing'], T0 + 100);
      expect(await store().notifications.countUnread(me)).toBe(2);
      expect(await store().notifications.countUnread(other)).toBe(1);
      const byId = new Map((await readAll(store(), me, 10)).map((n) => [n.id, n.readAt]));
      expect(byId.get(`n-${me}-1`)).toBe(T0 + 100);
      expect(byId.get(`n-${me}-3`)).toBeNull();

      await store().notifications.markRead(me, undefined, T0 + 200);
      expect(await store().notifications.countUnread(me)).toBe(0);
      const after = new Map((await readAll(store(), me, 10)).map((n) => [n.id, n.readAt]));
      expect(after.get(`n-${me}-1`)).toBe(T0 + 100); // read once: keeps the first time
      expect(after.get(`n-${me}-4`)).toBe(T0 + 200);
      expect(await store().notifications.countUnread(other)).toBe(1);
    });

    it('notify.channels', 'each channel’s outcome is recorded on the notification; a later outcome replaces that channel’s', async () => {
      await store().notifications.addNotification(note(1));
      await store().notifications.setNotificationChannel(`n-${me}-1`, 'subscribe', 'failed');
      await store().notifications.setNotificationChannel(`n-${me}-1`, 'webhook', 'sent');
      await store().notifications.setNotificationChannel(`n-${me}-1`, 'subscribe', 'sent');
      const [n] = (await store().notifications.listNotifications({ userId: me, limit: 1 })).items;
      expect(n?.channels).toEqual({ subscribe: 'sent', webhook: 'sent' });
    });
  });
  describe('subscription credits by template', () => {
    beforeEach(async () => {
      for (const u of users) await store().people.putUser(u);
    });

    it('credits.perTemplate', 'each template’s credits add up and come down on their own, never below 0', async () => {
      expect(await store().notifications.addSubscribeCredits(me, { tplA: 2, tplB: 1 })).toEqual({ tplA: 2, tplB: 1 });
      expect(await store().notifications.addSubscribeCredits(me, { tplA: -1 })).toEqual({ tplA: 1, tplB: 1 });
      expect(await store().notifications.addSubscribeCredits(me, { tplB: -5, tplC: 1 })).toEqual({ tplA: 1, tplC: 1 });
      expect((await store().people.getUser(me))?.subscribeCredits).toEqual({ tplA: 1, tplC: 1 });
      expect((await store().people.listUsers()).find((u) => u.id === me)?.subscribeCredits).toEqual({ tplA: 1, tplC: 1 });
      expect((await store().people.getUser(other))?.subscribeCredits).toBeUndefined();
      expect(await store().notifications.addSubscribeCredits(me, {})).toEqual({ tplA: 1, tplC: 1 });
    });

    it('credits.dropAll', 'taking everything of a template (and the unnamed ones) leaves the others; none left: no field', async () => {
      await store().notifications.addSubscribeCredits(me, { tplA: 3, '*': 2, tplB: 1 });
      expect(await store().notifications.addSubscribeCredits(me, { tplA: ALL, '*': ALL })).toEqual({ tplB: 1 });
      expect(await store().notifications.addSubscribeCredits(me, { tplB: -1 })).toEqual({});
      const user = await store().people.getUser(me);
      expect(user).toEqual(users[0]);
      expect(user && 'subscribeCredits' in user).toBe(false);
    });

    it('credits.unknownUser', 'an unknown user gets nothing and no user is made', async () => {
      expect(await store().notifications.addSubscribeCredits('user-nobody', { tplA: 1 })).toEqual({});
      expect(await store().people.getUser('user-nobody')).toBeNull();
    });

    it('credits.putUser', 'putting a user replaces its credits with the record’s; a later put without them clears them', async () => {
      await store().people.putUser({ ...users[0]!, subscribeCredits: { tplA: 2 } });
      expect(await store().notifications.addSubscribeCredits(me, { tplA: 1 })).toEqual({ tplA: 3 });
      await store().people.putUser(users[0]!);
      expect((await store().people.getUser(me))?.subscribeCredits).toBeUndefined();
    });

    it('credits.concurrent', 'consents and spends at the same moment lose nothing', async () => {
      await store().notifications.addSubscribeCredits(me, { tplA: 1 });
      const changes: Array<Record<string, number>> = [{ tplA: 1 }, { tplA: 1 }, { tplB: 1 }, { tplA: -1 }, { tplA: 1 }];
      await Promise.all(changes.map((d) => store().notifications.addSubscribeCredits(me, d)));
      expect((await store().people.getUser(me))?.subscribeCredits).toEqual({ tplA: 3, tplB: 1 });
    });

    it('notify.storedKeys', 'which of the given dedupe keys are stored: none, some, all, and none asked', async () => {
      expect(await store().notifications.storedDedupeKeys([])).toEqual(new Set());
      expect(await store().notifications.storedDedupeKeys([keyed('d1').dedupeKey])).toEqual(new Set());
      const stored = Array.from({ length: 130 }, (_, i) => keyed(`day-${i}`));
      for (const n of stored) await store().notifications.addNotification(n);
      const asked = [...stored.map((n) => n.dedupeKey), keyed('later').dedupeKey, `${other}|no_post|x|y`];
      const found = await store().notifications.storedDedupeKeys(asked);
      expect(found).toEqual(new Set(stored.map((n) => n.dedupeKey)));
    });
  });}
