/**
 * The reminder run as a day goes (DOMAIN.md "Reminders"): not tied to the 09:00 tick — any run from
 * 09:00 until quiet hours sends what is still owed that day — in batches, stopping when its time budget
 * is spent and leaving the rest, said in the summary, to the next run. A missed tick, a deadline hit
 * mid-way, doubled timers and a city of 2 000 reporters each still send every reminder exactly once.
 */
import { memoryStore } from '../../../tests/app/memory-store';
import { runDueJobs, type RunOptions } from './jobs';
import type { Clock, Notifier, OutboundMessage, UserRecord } from '../ports';
import { city, testArena, users } from '../../../tests/app/arena';

/** Unit A's, B's, C's and D's reporters and A's leader: the six owed a reminder on 2025-10-10 in the test arena. */
const OWED = 6;
/** The default jobs, all due from 09:00; only the no-post one owes anything here (no problems, no tasks). */
const allJobs = ['no_post', 'problem_overdue', 'task_due', 'interview_due', 'explanation_due'];

/** A channel that takes `costMs` of the run's time per message, and counts how many it sends at once. */
function slowChannel(timer: { ms: number }, costMs: number) {
  const sent: OutboundMessage[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  const notifier: Notifier = {
    channel: 'webhook',
    send: async (m) => {
      inFlight += 1;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      await Promise.resolve();
      timer.ms += costMs;
      sent.push(m);
      inFlight -= 1;
      return 'sent';
    },
  };
  return { notifier, sent, mostAtOnce: () => mostAtOnce };
}

async function arena(extraReporters = 0, costMs = 0) {
  const timer = { ms: 0 };
  const channel = slowChannel(timer, costMs);
  const t = await testArena(memoryStore(), { ports: { notifiers: [channel.notifier] } });
  for (let i = 0; i < extraReporters; i += 1) {
    const id = `rep-x${String(i).padStart(4, '0')}`;
    const reporter: UserRecord = { id, name: `填报员${i}`, role: 'reporter', cityId: city.id, unitId: 'A' };
    await t.store.people.putUser(reporter);
  }
  const elapsed: Clock = { now: () => timer.ms };
  const deps = { ...t.deps, timer: elapsed };
  /** A run at Shanghai wall-clock `time` on 2025-10-10. */
  const runAt = (time: string, options: RunOptions = {}) =>
    runDueJobs(deps, { at: Date.parse(`2025-10-10T${time}:00+08:00`), ...options });
  /** Every stored reminder's dedupe key, each once (the store refuses a second). */
  const stored = async (): Promise<number> => {
    let n = 0;
    for (const u of await t.store.people.listUsers()) n += (await t.store.notifications.listNotifications({ userId: u.id, limit: 50 })).items.length;
    return n;
  };
  return { ...t, deps, runAt, channel, stored };
}

describe('reminders through the day', () => {
  it('a missed nine o’clock tick loses nothing: the first run, at 13:00, sends the day’s reminders', async () => {
    const t = await arena();
    expect(await t.runAt('13:00')).toEqual({ ran: allJobs, sent: OWED, skipped: 0, failed: [], left: 0, unfinished: [] });
    expect(await t.runAt('14:00')).toMatchObject({ sent: 0, skipped: OWED, left: 0 });
    expect(t.channel.sent).toHaveLength(OWED);
  });

  it('any hour from 09:00 to 21:59 sends; before nine and in quiet hours nothing is even looked at', async () => {
    for (const time of ['09:00', '12:30', '21:59']) {
      const t = await arena();
      expect(await t.runAt(time)).toMatchObject({ ran: allJobs, sent: OWED });
    }
    const t = await arena();
    for (const time of ['00:00', '07:59', '08:00', '08:59', '22:00', '23:59']) {
      expect(await t.runAt(time)).toEqual({ ran: [], sent: 0, skipped: 0, failed: [], left: 0, unfinished: [] });
    }
    expect(t.channel.sent).toHaveLength(0);
  });

  it('timers fired twice at once, or four runs together, still send each reminder once', async () => {
    const t = await arena();
    const runs = await Promise.all([t.runAt('09:00'), t.runAt('09:00'), t.runAt('09:00'), t.runAt('09:01')]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(OWED);
    expect(runs.reduce((n, r) => n + r.sent + r.skipped, 0)).toBe(4 * OWED);
    expect(t.channel.sent).toHaveLength(OWED);
    expect(await t.stored()).toBe(OWED);
  });

  it('a run that hits its deadline mid-way stops between batches, says what is left, and the next run finishes', async () => {
    const t = await arena(19, 10); // 25 owed; each message takes 10 ms of the run's time
    const first = await t.runAt('09:00', { batchSize: 5, budgetMs: 100 });
    // Batches of 5 take 50 ms each: two fit in 100 ms, the third does not start.
    expect(first).toEqual({ ran: ['no_post'], sent: 10, skipped: 0, failed: [], left: 15, unfinished: allJobs });
    expect(await t.stored()).toBe(10);

    const second = await t.runAt('10:00', { batchSize: 5, budgetMs: 1_000 });
    expect(second).toEqual({ ran: allJobs, sent: 15, skipped: 10, failed: [], left: 0, unfinished: [] });
    expect(new Set(t.channel.sent.map((m) => m.user.id)).size).toBe(25);
    expect(t.channel.sent).toHaveLength(25);
  });

  it('a budget spent before the run begins leaves every job for the next run', async () => {
    const t = await arena();
    expect(await t.runAt('09:00', { budgetMs: 0 })).toEqual({ ran: [], sent: 0, skipped: 0, failed: [], left: 0, unfinished: allJobs });
    expect(await t.runAt('10:00')).toMatchObject({ sent: OWED, left: 0 });
  });

  it('a city of 2 000 reporters goes out in batches over a few runs, each reminder once', async () => {
    const t = await arena(2_000, 1);
    const summaries = [];
    for (const time of ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00']) {
      summaries.push(await t.runAt(time, { batchSize: 50, budgetMs: 600 }));
    }
    const total = 2_000 + OWED;
    // 600 ms a run at 1 ms a message and 50 a batch: 12 batches, 600 messages a run.
    expect(summaries.map((s) => s.sent)).toEqual([600, 600, 600, total - 1_800, 0, 0]);
    expect(summaries.map((s) => s.left)).toEqual([total - 600, total - 1_200, total - 1_800, 0, 0, 0]);
    expect(summaries.at(-1)).toMatchObject({ skipped: total, unfinished: [] });
    expect(t.channel.mostAtOnce()).toBe(50);
    expect(t.channel.sent).toHaveLength(total);
    expect(new Set(t.channel.sent.map((m) => m.user.id)).size).toBe(total);
  });

  it('reminders left when quiet hours begin are not sent at night; the next morning sends that day’s', async () => {
    const t = await arena(19, 10); // 25 owed
    expect(await t.runAt('21:00', { batchSize: 5, budgetMs: 50 })).toMatchObject({ sent: 5, left: 20 });
    expect(await t.runAt('22:00')).toMatchObject({ ran: [], sent: 0 });
    const next = await runDueJobs(t.deps, { at: Date.parse('2025-10-11T09:00:00+08:00') });
    expect(next).toMatchObject({ sent: 25, left: 0 });
    const days = (userId: string) => t.channel.sent.filter((m) => m.user.id === userId).map((m) => m.notification.dedupeKey.slice(-10));
    // 王芳 was in the evening's first batch; 李娜 was left then, and gets the new day's reminder only.
    expect(days(users.repA.id)).toEqual(['2025-10-10', '2025-10-11']);
    expect(days(users.repB.id)).toEqual(['2025-10-11']);
  });
});
