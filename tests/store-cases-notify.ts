/**
 * Store contract cases for reminders (issue 4): notifications stored once per dedupe key, listed newest
 * first page by page, counted and marked read; channel outcomes (subscription credits: ./store-cases-credits.ts);
 * each unit's latest post day (text-only posts count); a flagged post keeps its flag.
 */
import type { NotificationRecord, Store } from '../core/app/ports';
import type { SuiteContext } from './store-contract';
import { C1, C2, M, U, campaignData, commitOk, draft, users } from './store-fixtures';

const T0 = 1_760_000_000_000;
const me = users[0]!.id;
const other = users[1]!.id;

function note(n: number, over: Partial<NotificationRecord> = {}): NotificationRecord {
  const userId = over.userId ?? me;
  return {
    id: `n-${userId}-${n}`,
    userId,
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

/** Every notification of a user, newest first, by following the cursor. */
async function readAll(store: Store, userId: string, limit: number): Promise<NotificationRecord[]> {
  const all: NotificationRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1_000; page += 1) {
    const r = await store.listNotifications({ userId, limit, ...(cursor ? { cursor } : {}) });
    all.push(...r.items);
    if (r.nextCursor === null) return all;
    cursor = r.nextCursor;
  }
  throw new Error('listNotifications never ended');
}

export function notifyCases({ it, store }: SuiteContext): void {
  describe('notifications', () => {
    beforeEach(async () => {
      for (const u of users) await store().putUser(u);
    });

    it('notify.dedupe', 'a notification is stored once per dedupe key: the second add is refused and changes nothing', async () => {
      expect(await store().addNotification(note(1))).toBe(true);
      expect(await store().addNotification(note(1, { id: 'n-retry', body: '重试' }))).toBe(false);
      const [only, ...rest] = (await store().listNotifications({ userId: me, limit: 10 })).items;
      expect(rest).toEqual([]);
      expect(only).toEqual(note(1));
      const racing = await Promise.all([1, 2, 3].map((i) => store().addNotification(note(2, { id: `n-race-${i}` }))));
      expect(racing.filter(Boolean)).toHaveLength(1);
    });

    it('notify.paging', 'a user’s list is newest first (same instant: written later first), paged to the end, and holds only theirs', async () => {
      for (const n of [3, 1, 5, 2, 4]) await store().addNotification(note(n));
      await store().addNotification(note(6, { createdAt: T0 + 5 * 60_000 }));
      await store().addNotification(note(9, { userId: other }));
      const all = await readAll(store(), me, 2);
      expect(all.map((n) => n.id)).toEqual([`n-${me}-6`, `n-${me}-5`, `n-${me}-4`, `n-${me}-3`, `n-${me}-2`, `n-${me}-1`]);
      const firstPage = await store().listNotifications({ userId: me, limit: 6 });
      expect(firstPage.items).toHaveLength(6);
      expect(firstPage.nextCursor).toBeNull();
      expect((await store().listNotifications({ userId: 'user-nobody', limit: 5 })).items).toEqual([]);
    });

    it('notify.unread', 'unread counts drop as the given ids, then all, are marked read; another user’s ids are left alone', async () => {
      for (const n of [1, 2, 3, 4]) await store().addNotification(note(n));
      await store().addNotification(note(1, { userId: other }));
      expect(await store().countUnread(me)).toBe(4);

      await store().markRead(me, [`n-${me}-1`, `n-${me}-2`, `n-${other}-1`, 'n-missing'], T0 + 100);
      expect(await store().countUnread(me)).toBe(2);
      expect(await store().countUnread(other)).toBe(1);
      const byId = new Map((await readAll(store(), me, 10)).map((n) => [n.id, n.readAt]));
      expect(byId.get(`n-${me}-1`)).toBe(T0 + 100);
      expect(byId.get(`n-${me}-3`)).toBeNull();

      await store().markRead(me, undefined, T0 + 200);
      expect(await store().countUnread(me)).toBe(0);
      const after = new Map((await readAll(store(), me, 10)).map((n) => [n.id, n.readAt]));
      expect(after.get(`n-${me}-1`)).toBe(T0 + 100); // read once: keeps the first time
      expect(after.get(`n-${me}-4`)).toBe(T0 + 200);
      expect(await store().countUnread(other)).toBe(1);
    });

    it('notify.channels', 'each channel’s outcome is recorded on the notification; a later outcome replaces that channel’s', async () => {
      await store().addNotification(note(1));
      await store().setNotificationChannel(`n-${me}-1`, 'subscribe', 'failed');
      await store().setNotificationChannel(`n-${me}-1`, 'webhook', 'sent');
      await store().setNotificationChannel(`n-${me}-1`, 'subscribe', 'sent');
      const [n] = (await store().listNotifications({ userId: me, limit: 1 })).items;
      expect(n?.channels).toEqual({ subscribe: 'sent', webhook: 'sent' });
    });
  });

  describe('post activity', () => {
    beforeEach(async () => {
      await store().saveCampaign(campaignData());
      await store().saveCampaign(campaignData(C2));
    });

    it('posts.lastPostDays', 'each unit’s latest post day, text-only posts included; units that never posted are absent', async () => {
      expect(await store().lastPostDays(C1)).toEqual(new Map());
      await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-05', requestId: 'r2', figures: [], text: '项目推进顺利' }));
      await commitOk(store(), draft({ unitId: U.b1, day: '2025-03-04', requestId: 'r3', figures: [], text: '召开推进会' }));
      await commitOk(store(), draft({ campaignId: C2, unitId: U.a2, day: '2025-03-06', requestId: 'r4', figures: [], text: '秋季' }));
      expect(await store().lastPostDays(C1)).toEqual(new Map([[U.a1, '2025-03-05'], [U.b1, '2025-03-04']]));
      expect(await store().lastPostDays(C2)).toEqual(new Map([[U.a2, '2025-03-06']]));
    });

    it('commit.flagged', 'a post flagged for review keeps its flag; others have none', async () => {
      const flagged = await commitOk(store(), { ...draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r1', figures: [], text: '待审' }), flagged: true });
      const plain = await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-03', time: '10:00', requestId: 'r2', figures: [], text: '正常' }));
      expect(flagged.flagged).toBe(true);
      const listed = (await store().listPosts({ campaignId: C1, limit: 5 })).items;
      expect(listed).toEqual([plain, flagged]);
      expect(listed[0]?.flagged).toBeUndefined();
      expect(listed[1]?.flagged).toBe(true);
    });
  });
}
