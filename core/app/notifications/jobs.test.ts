import { memoryStore } from '../../../tests/app/memory-store';
import { runDueJobs, type Job } from './jobs';
import type { Notifier, NotificationRecord, OutboundMessage } from '../ports';
import { rid, testArena, users } from '../../../tests/app/arena';

/** Who posts for a unit in the test arena: A has two reporters (王芳 and 吴正式) and a leader (张伟), B, C and D a reporter each; L none. */
const allPosters = ['lead-a', 'real', 'rep-a', 'rep-b', 'rep-c', 'rep-d'];

async function arena(notifiers: Notifier[] = []) {
  const t = await testArena(memoryStore(), { ports: { notifiers } });
  const inbox = async (userId: string): Promise<NotificationRecord[]> =>
    (await t.store.notifications.listNotifications({ userId, limit: 50 })).items;
  /** Who has a reminder, sorted. */
  const reminded = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const u of await t.store.people.listUsers()) if ((await inbox(u.id)).length > 0) out.push(u.id);
    return out.sort();
  };
  return { ...t, inbox, reminded, run: () => runDueJobs(t.deps) };
}

/** A channel that answers as told and remembers what it was asked to send. */
function channel(name: string, answer: (m: OutboundMessage) => ReturnType<Notifier['send']>, template?: string) {
  const sent: OutboundMessage[] = [];
  const notifier: Notifier = {
    channel: name,
    ...(template !== undefined ? { creditTemplate: (kind: string) => (kind === 'no_post' ? template : null) } : {}),
    send: async (m) => (sent.push(m), answer(m)),
  };
  return { notifier, sent };
}

const done = { failed: [], left: 0, unfinished: [] };
/** Every job of the default list runs from 09:00; only the no-post one owes anything in these tests. */
const allJobs = ['no_post', 'problem_overdue', 'task_due', 'interview_due', 'explanation_due'];

describe('the no-post reminder (from 09:00 Shanghai, after 7 days without a post)', () => {
  it('reminds the reporters and the leader of every unit that has not posted, at 09:00, once however often the timer fires', async () => {
    const t = await arena();
    t.setNow('2025-10-10T01:00:00Z'); // 09:00 in Shanghai
    expect(await t.run()).toEqual({ ran: allJobs, sent: 6, skipped: 0, ...done });
    t.setNow('2025-10-10T01:59:00Z');
    expect(await t.run()).toEqual({ ran: allJobs, sent: 0, skipped: 6, ...done });
    expect(await runDueJobs(t.deps)).toMatchObject({ sent: 0 });
    expect(await t.reminded()).toEqual(allPosters);
    const [mine] = await t.inbox(users.repA.id);
    expect(mine).toMatchObject({
      kind: 'no_post',
      subjectId: 'A',
      title: '该晒进度了',
      body: '「甲镇」自竞赛开始还没有晒过进度，请发布本单位的第一条进展和数据。',
      readAt: null,
    });
    // The leader gets the same reminder about the same unit; people of other roles get none.
    const [leaders] = await t.inbox(users.leadA.id);
    expect(leaders).toMatchObject({ kind: 'no_post', subjectId: 'A', title: '该晒进度了', body: mine?.body });
  });

  it('reminds again the next day while the unit still has not posted: one a day', async () => {
    const t = await arena();
    t.setNow('2025-10-10T01:00:00Z');
    await t.run();
    t.setNow('2025-10-11T01:30:00Z');
    expect(await t.run()).toMatchObject({ sent: 6, skipped: 0 });
    await t.run();
    expect((await t.inbox(users.repB.id)).map((n) => n.createdAt)).toHaveLength(2);
  });

  it('does not remind a unit that posted within the last 7 days, text-only posts included', async () => {
    const t = await arena();
    t.setNow('2025-10-02T06:00:00Z');
    await t.expectOk('post.create', { unitId: 'A', text: '项目推进中', requestId: rid() }, await t.login(users.leadA));
    t.setNow('2025-10-09T01:00:00Z'); // 10-03 … 10-08: six whole days since
    await t.run();
    expect(await t.inbox(users.repA.id)).toEqual([]);
    t.setNow('2025-10-10T01:00:00Z'); // 10-03 … 10-09: seven
    await t.run();
    const [late] = await t.inbox(users.repA.id);
    expect(late?.body).toBe('「甲镇」已经 7 天没有晒进度了（上次是 10月2日），请发布本单位的最新进展和数据。');
  });

  it('sends nothing before 09:00, nor in quiet hours, nor outside the campaign', async () => {
    const t = await arena();
    for (const at of ['2025-10-10T00:59:59Z', '2025-10-09T23:00:00Z', '2025-10-10T14:00:00Z', '2025-10-10T15:30:00Z']) {
      t.setNow(at); // 08:59:59, 07:00, 22:00 and 23:30 in Shanghai
      expect(await t.run()).toEqual({ ran: [], sent: 0, skipped: 0, ...done });
    }
    for (const at of ['2025-08-31T01:00:00Z', '2025-12-10T01:00:00Z']) {
      t.setNow(at);
      expect(await t.run()).toMatchObject({ ran: allJobs, sent: 0 });
    }
    expect(await t.reminded()).toEqual([]);
  });

  it('sends nothing when no campaign is current', async () => {
    const t = await testArena(memoryStore(), { empty: true, now: '2025-10-10T01:00:00Z' });
    expect(await runDueJobs(t.deps)).toEqual({ ran: [], sent: 0, skipped: 0, ...done });
  });
});

describe('quiet hours apply to every job', () => {
  const hourly: Job = {
    name: 'hourly',
    due: () => true,
    owed: async ({ today }) => [
      { userId: users.repA.id, campaignId: null, kind: 'review_published', subjectId: 'r1', period: today, title: '通报', body: '已发布' },
    ],
  };

  it('runs a job due every hour only from 08:00 to 21:59 Shanghai', async () => {
    const t = await arena();
    const ran: number[] = [];
    for (let h = 0; h < 24; h += 1) {
      const summary = await runDueJobs(t.deps, { at: Date.parse('2025-10-10T00:00:00+08:00') + h * 3_600_000, jobs: [hourly] });
      if (summary.ran.length > 0) ran.push(h);
    }
    expect(ran).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(await t.inbox(users.repA.id)).toHaveLength(1);
  });

  it('keeps running the other jobs when one fails, and says which failed', async () => {
    const t = await arena();
    const broken: Job = { name: 'broken', due: () => true, owed: async () => Promise.reject(new Error('boom')) };
    const summary = await runDueJobs(t.deps, { at: Date.parse('2025-10-10T10:00:00+08:00'), jobs: [broken, hourly] });
    expect(summary).toEqual({ ran: ['hourly'], sent: 1, skipped: 0, failed: ['broken'], left: 0, unfinished: [] });
  });
});

describe('reminder channels', () => {
  const at9 = '2025-10-10T01:00:00Z';

  it('tries every channel in order after the in-app list and records each outcome', async () => {
    const robot = channel('webhook', async () => 'sent');
    const flaky = channel('sms', async () => Promise.reject(new Error('gateway down')));
    const t = await arena([flaky.notifier, robot.notifier]);
    t.setNow(at9);
    expect(await t.run()).toMatchObject({ sent: 6 });
    expect(robot.sent.map((m) => m.user.id).sort()).toEqual(allPosters);
    const [n] = await t.inbox(users.repB.id);
    expect(n?.channels).toEqual({ sms: 'failed', webhook: 'sent' });
    // A retry does not try the channels again.
    await t.run();
    expect(robot.sent).toHaveLength(6);
  });

  it('spends one credit of the kind’s template per message sent, and skips users with none of it', async () => {
    const wechat = channel('subscribe', async () => 'sent', 'tpl-no-post');
    const t = await arena([wechat.notifier]);
    await t.store.notifications.addSubscribeCredits(users.repB.id, { 'tpl-no-post': 1, 'tpl-review': 2 });
    await t.store.notifications.addSubscribeCredits(users.repC.id, { 'tpl-review': 2 }); // consented to another template only
    t.setNow(at9);
    await t.run();
    expect(wechat.sent.map((m) => m.user.id)).toEqual([users.repB.id]);
    expect((await t.store.people.getUser(users.repB.id))?.subscribeCredits).toEqual({ 'tpl-review': 2 });
    expect((await t.store.people.getUser(users.repC.id))?.subscribeCredits).toEqual({ 'tpl-review': 2 });
    expect((await t.inbox(users.repB.id))[0]?.channels).toEqual({ subscribe: 'sent' });
    expect((await t.inbox(users.repC.id))[0]?.channels).toEqual({ subscribe: 'skipped' });

    t.setNow('2025-10-11T01:00:00Z');
    await t.run();
    expect(wechat.sent).toHaveLength(1);
    expect((await t.inbox(users.repB.id))[0]?.channels).toEqual({ subscribe: 'skipped' });
  });

  it('spends credits counted before templates were told apart ("*") when the template has none', async () => {
    const wechat = channel('subscribe', async () => 'sent', 'tpl-no-post');
    const t = await arena([wechat.notifier]);
    await t.store.notifications.addSubscribeCredits(users.repB.id, { '*': 1, 'tpl-no-post': 1 });
    await t.store.notifications.addSubscribeCredits(users.repC.id, { '*': 2 });
    t.setNow(at9);
    await t.run();
    expect(wechat.sent.map((m) => m.user.id).sort()).toEqual([users.repB.id, users.repC.id]);
    // The template's own credit first; the unnamed ones only when it has none.
    expect((await t.store.people.getUser(users.repB.id))?.subscribeCredits).toEqual({ '*': 1 });
    expect((await t.store.people.getUser(users.repC.id))?.subscribeCredits).toEqual({ '*': 1 });
  });

  it('drops the template’s credits (and the unnamed ones) when the channel says not_subscribed', async () => {
    const wechat = channel('subscribe', async () => 'not_subscribed', 'tpl-no-post');
    const t = await arena([wechat.notifier]);
    await t.store.notifications.addSubscribeCredits(users.repB.id, { 'tpl-no-post': 3, '*': 1, 'tpl-review': 1 });
    t.setNow(at9);
    await t.run();
    expect((await t.store.people.getUser(users.repB.id))?.subscribeCredits).toEqual({ 'tpl-review': 1 });
    expect((await t.inbox(users.repB.id))[0]?.channels).toEqual({ subscribe: 'not_subscribed' });
    t.setNow('2025-10-11T01:00:00Z');
    await t.run();
    expect(wechat.sent).toHaveLength(1);
    // The in-app list still has both days.
    expect(await t.inbox(users.repB.id)).toHaveLength(2);
  });
});
