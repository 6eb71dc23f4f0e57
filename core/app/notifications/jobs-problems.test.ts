/**
 * The 难题销号 reminders (issue 12): a problem past its due date and not closed off reminds its unit's
 * reporters and leader once a day, however often the timer fires; a task due within 3 days with problems
 * not closed off reminds its supervisor once for that deadline.
 */
import type { NotificationKind } from '../../contract';
import type { Notifier, OutboundMessage } from '../ports';
import { runDueJobs } from './jobs';
import { users } from '../../../tests/app/arena';
import { at10, taskArena } from '../../../tests/app/tasks';

/** Shanghai wall-clock time on a day, as the instant a timer fires. */
const fired = (day: string, time: string): number => Date.parse(`${day}T${time}:00+08:00`);

async function arena() {
  const sent: OutboundMessage[] = [];
  const webhook: Notifier = { channel: 'webhook', send: async (m) => (sent.push(m), 'sent') };
  const t = await taskArena({ ports: { notifiers: [webhook] }, now: at10('2025-10-05') });
  const run = (day: string, time = '09:00') => runDueJobs(t.deps, { at: fired(day, time) });
  /** The user's reminders of one kind, oldest first. */
  const inbox = async (userId: string, kind: NotificationKind) =>
    (await t.store.notifications.listNotifications({ userId, limit: 50 })).items
      .filter((n) => n.kind === kind)
      .reverse();
  /** Who got reminders of `kind`, and how many each. */
  const tally = async (kind: NotificationKind) => {
    const out: Record<string, number> = {};
    for (const u of Object.values(users)) {
      const n = (await inbox(u.id, kind)).length;
      if (n > 0) out[u.id] = n;
    }
    return out;
  };
  const outbound = (kind: NotificationKind) => sent.filter((m) => m.notification.kind === kind);
  return { ...t, run, inbox, tally, outbound };
}

describe('the overdue-problem reminder: the responsible unit, once a day', () => {
  async function seeded() {
    const t = await arena();
    const task = await t.saveTask(); // units A and B
    const late = await t.raise(task.id, { title: '用地指标未落实', dueDate: '2025-10-08' });
    const waiting = await t.raise(task.id, { title: '环评未批复', dueDate: '2025-10-08' }, 'leadA');
    const notYet = await t.raise(task.id, { title: '资金缺口', unitId: 'B', dueDate: '2025-10-20' }, 'repB');
    const onTime = await t.raise(task.id, { title: '电力增容', dueDate: '2025-10-07' });
    t.setNow(at10('2025-10-06'));
    await t.closeOff(onTime.id);
    await t.stepOk(waiting.id, 'in_progress', 'leadA');
    await t.stepOk(waiting.id, 'resolved', 'leadA', '批复已取得');
    return { t, late, waiting, notYet };
  }

  it('reminds A’s reporters and leader of each of A’s overdue problems once, though the timer fires twice at 09:00', async () => {
    const { t, late, waiting } = await seeded();
    const [first] = await Promise.all([t.run('2025-10-10'), t.run('2025-10-10')]);
    expect(first.ran).toContain('problem_overdue');
    await t.run('2025-10-10', '09:30');
    // Two problems × (王芳, 吴正式, 张伟); B's is not due yet, the one closed on time is done with.
    expect(await t.tally('problem_overdue')).toEqual({ 'rep-a': 2, real: 2, 'lead-a': 2 });
    expect(t.outbound('problem_overdue')).toHaveLength(6);
    const mine = await t.inbox(users.repA.id, 'problem_overdue');
    expect(mine.map((n) => [n.subjectId, n.title, n.body])).toEqual(
      expect.arrayContaining([
        [
          late.id,
          '难题已逾期',
          '「甲镇」的难题「用地指标未落实」已过处理期限 2 天（10月8日到期），现为「待处理」，请尽快处理，解决后提交解决情况。',
        ],
        [
          waiting.id,
          '难题已逾期',
          '「甲镇」的难题「环评未批复」已过处理期限 2 天（10月8日到期），现为「已解决」，已提交解决情况，尚待督办员销号，请跟进。',
        ],
      ]),
    );
  });

  it('reminds again the next day, once, and stops once the problem is closed off', async () => {
    const { t, late } = await seeded();
    await t.run('2025-10-10');
    await t.run('2025-10-10', '15:00');
    await t.run('2025-10-11');
    await t.run('2025-10-11');
    expect(await t.tally('problem_overdue')).toEqual({ 'rep-a': 4, real: 4, 'lead-a': 4 });
    const days = (await t.inbox(users.leadA.id, 'problem_overdue')).map((n) => n.dedupeKey.slice(-10));
    expect(days).toEqual(['2025-10-10', '2025-10-10', '2025-10-11', '2025-10-11']);
    // 销号 on 10-11, late: from 10-12 only the problem still waiting for it is reminded.
    t.setNow(at10('2025-10-11'));
    await t.closeOff(late.id);
    await t.run('2025-10-12');
    const last = (await t.inbox(users.repA.id, 'problem_overdue')).slice(4);
    expect(last.map((n) => n.body)).toEqual([expect.stringContaining('环评未批复')]);
  });

  it('sends nothing before 09:00 nor in quiet hours', async () => {
    const { t } = await seeded();
    for (const time of ['07:00', '08:59', '22:00']) await t.run('2025-10-10', time);
    expect(await t.tally('problem_overdue')).toEqual({});
  });
});

describe('the task-deadline reminder: the supervisor, once per deadline', () => {
  it('reminds the supervisor of a task due within 3 days with problems not closed off, once', async () => {
    const t = await arena();
    t.setNow(at10('2025-10-10'));
    const soon = await t.saveTask({ title: '三天内到期', deadline: '2025-10-13' });
    const today = await t.saveTask({ title: '今天到期', deadline: '2025-10-10' });
    const later = await t.saveTask({ title: '下周到期', deadline: '2025-10-14' });
    const allClosed = await t.saveTask({ title: '难题已销号', deadline: '2025-10-11' });
    const done = await t.saveTask({ title: '已完成', deadline: '2025-10-11', done: true });
    const past = await t.saveTask({ title: '已超期', deadline: '2025-10-09' });
    const nobody = await t.saveTask({ title: '无督办员', deadline: '2025-10-11', supervisorId: null });
    for (const task of [soon, today, later, done, past, nobody])
      await t.raise(task.id, { dueDate: '2025-10-30' });
    await t.raise(soon.id, { dueDate: '2025-10-30', unitId: 'B' }, 'repB');
    const closed = await t.raise(allClosed.id, { dueDate: '2025-10-30' });
    await t.closeOff(closed.id);

    await Promise.all([t.run('2025-10-10'), t.run('2025-10-10')]);
    await t.run('2025-10-10', '11:00');
    const got = await t.inbox(users.supervisor.id, 'task_due');
    expect(got.map((n) => [n.subjectId, n.title, n.body]).sort()).toEqual(
      [
        [
          soon.id,
          '任务临近截止',
          '任务「三天内到期」将于 10月13日到期，还有 2 个难题未销号，请督促责任单位抓紧解决。',
        ],
        [today.id, '任务临近截止', '任务「今天到期」今天到期，还有 1 个难题未销号，请督促责任单位抓紧解决。'],
      ].sort(),
    );
    expect(await t.tally('task_due')).toEqual({ sup: 2 });
    expect(t.outbound('task_due')).toHaveLength(2);

    // Not again on the next days for the same deadline; 下周到期 comes within 3 days on 10-11.
    await t.run('2025-10-11');
    await t.run('2025-10-12');
    const next = (await t.inbox(users.supervisor.id, 'task_due')).slice(2);
    expect(next.map((n) => [n.subjectId, n.dedupeKey.slice(-10)])).toEqual([[later.id, '2025-10-14']]);
    t.setNow(at10('2025-10-12'));
    await t.saveTask({ id: soon.id, title: '三天内到期', deadline: '2025-10-15' });
    await t.run('2025-10-12', '10:00');
    const moved = (await t.inbox(users.supervisor.id, 'task_due')).slice(3);
    expect(moved.map((n) => n.body)).toEqual([
      '任务「三天内到期」将于 10月15日到期，还有 2 个难题未销号，请督促责任单位抓紧解决。',
    ]);
  });
});
