import { memoryStore } from '../../../tests/app/memory-store';
import type { NotificationRecord } from '../ports';
import { city, instant, testArena, users } from '../../../tests/app/arena';

const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);

const note = (n: number, userId = users.repA.id): NotificationRecord => ({
  id: `n${n}-${userId}`,
  userId,
  cityId: city.id,
  campaignId: 'c1',
  kind: 'no_post',
  title: '该晒进度了',
  body: `第 ${n} 条`,
  subjectId: 'A',
  dedupeKey: `${userId}|no_post|A|day-${n}`,
  createdAt: instant(`2025-10-0${n}T01:00:00Z`),
  readAt: null,
  channels: { webhook: 'sent' },
});

async function arena() {
  const t = await testArena(memoryStore());
  for (const n of [1, 2, 3]) await t.store.notifications.addNotification(note(n));
  await t.store.notifications.addNotification(note(4, users.repB.id));
  return { ...t, me: await t.login(users.repA) };
}

describe('the in-app notification list', () => {
  it('lists the caller’s own notifications newest first, with the unread count', async () => {
    const t = await arena();
    const out = await t.expectOk('notify.list', { limit: 2 }, t.me);
    expect(out.unread).toBe(3);
    expect(out.items).toEqual([
      { id: `n3-${users.repA.id}`, kind: 'no_post', title: '该晒进度了', body: '第 3 条', subjectId: 'A', createdAt: '2025-10-03T01:00:00.000Z', readAt: null },
      expect.objectContaining({ id: `n2-${users.repA.id}` }),
    ]);
    const rest = await t.expectOk('notify.list', { limit: 2, cursor: out.nextCursor! }, t.me);
    expect(rest.items.map((n) => n.id)).toEqual([`n1-${users.repA.id}`]);
    expect(rest.nextCursor).toBeNull();
  });

  it('marks the given ids read (only the caller’s), then all, and answers the unread count', async () => {
    const t = await arena();
    const some = await t.expectOk('notify.read', { ids: [`n1-${users.repA.id}`, `n4-${users.repB.id}`] }, t.me);
    expect(some.unread).toBe(2);
    expect(await t.store.notifications.countUnread(users.repB.id)).toBe(1);
    const listed = await t.expectOk('notify.list', {}, t.me);
    expect(listed.items.find((n) => n.id === `n1-${users.repA.id}`)?.readAt).toBe('2025-10-10T02:00:00.000Z');
    expect((await t.expectOk('notify.read', { all: true }, t.me)).unread).toBe(0);
  });

  it('asks what to mark when neither ids nor all is given', async () => {
    const t = await arena();
    for (const data of [{}, { ids: [] }, { all: false }]) {
      expect(errorOf(await t.call('notify.read', data, t.me))?.code).toBe('INVALID_ARGUMENT');
    }
    expect(await t.store.notifications.countUnread(users.repA.id)).toBe(3);
  });

  it('adds one subscription credit per template the caller accepted, counted per template', async () => {
    const t = await arena();
    expect((await t.expectOk('notify.subscribe', { accepted: ['tpl-no-post'] }, t.me)).credits).toEqual({ 'tpl-no-post': 1 });
    const both = await t.expectOk('notify.subscribe', { accepted: ['tpl-no-post', 'tpl-review', 'tpl-no-post'] }, t.me);
    expect(both.credits).toEqual({ 'tpl-no-post': 2, 'tpl-review': 1 });
    expect((await t.expectOk('notify.subscribe', { accepted: [] }, t.me)).credits).toEqual({ 'tpl-no-post': 2, 'tpl-review': 1 });
    expect((await t.store.people.getUser(users.repA.id))?.subscribeCredits).toEqual({ 'tpl-no-post': 2, 'tpl-review': 1 });
  });

  it('ignores ids that cannot be template ids, and new templates past the cap', async () => {
    const t = await arena();
    const odd = await t.expectOk('notify.subscribe', { accepted: ['a.b', '$set', 'ok_1'] }, t.me);
    expect(odd.credits).toEqual({ ok_1: 1 });
    const many = Array.from({ length: 25 }, (_, i) => `tpl${i}`);
    for (let i = 0; i < many.length; i += 10) await t.expectOk('notify.subscribe', { accepted: many.slice(i, i + 10) }, t.me);
    const held = (await t.store.people.getUser(users.repA.id))?.subscribeCredits ?? {};
    expect(Object.keys(held)).toHaveLength(20);
    // A template already held still takes more.
    expect((await t.expectOk('notify.subscribe', { accepted: ['ok_1', 'tpl24'] }, t.me)).credits.ok_1).toBe(2);
  });
});
