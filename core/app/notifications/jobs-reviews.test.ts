/**
 * The 约谈 and 书面说明 reminders (issue 13; DOMAIN.md "Reminders": 3 days and 1 day before the due date,
 * and on it): to the unit's leaders, from 09:00 Shanghai, never in quiet hours, each once per (user, kind,
 * subject, period) however often the timer fires; a held 约谈 or a submitted 说明 is no longer reminded.
 * The explanation job itself makes the requests once the campaign's figures are final.
 */
import type { Notifier, OutboundMessage } from '../ports';
import { runDueJobs } from './jobs';
import { rid } from '../../../tests/app/arena';
import { reviewArena } from '../../../tests/app/reviews';

/** Shanghai wall-clock time on a day, as the instant a timer fires. */
const fired = (day: string, time: string): number => Date.parse(`${day}T${time}:00+08:00`);

async function arena() {
  const sent: OutboundMessage[] = [];
  const webhook: Notifier = { channel: 'webhook', send: async (m) => (sent.push(m), 'sent') };
  const t = await reviewArena({ ports: { notifiers: [webhook] } });
  await t.postMonths();
  const run = (day: string, time = '09:00') => runDueJobs(t.deps, { at: fired(day, time) });
  /** The bodies of A's leader's notifications titled `title`, oldest first. */
  const told = async (title: string) =>
    (await t.inbox('leadA')).filter((n) => n.title === title).map((n) => n.body);
  /** Who got a notification titled `title`, and how many each. */
  const whoGot = async (title: string) => {
    const out: Record<string, number> = {};
    for (const who of Object.keys(t.tok) as Array<keyof typeof t.tok>) {
      const n = (await t.inbox(who)).filter((x) => x.title === title).length;
      if (n > 0) out[who] = n;
    }
    return out;
  };
  const outbound = (title: string) => sent.filter((m) => m.notification.title === title);
  return { ...t, run, told, whoGot, outbound };
}

/** September published on 11-03: A's 约谈 (level 1) due 11-13. */
async function interviewDue() {
  const t = await arena();
  t.at('2025-11-03');
  await t.publishOk('2025-09');
  return t;
}

const SOON = '约谈临近';

describe('the 约谈 reminder: 3 days and 1 day before its due day, and on it', () => {
  it('reminds A’s leader on 11-10, 11-12 and 11-13 only, with the days left', async () => {
    const t = await interviewDue();
    for (const day of [
      '2025-11-04',
      '2025-11-09',
      '2025-11-10',
      '2025-11-11',
      '2025-11-12',
      '2025-11-13',
      '2025-11-14',
      '2025-11-20',
    ])
      await t.run(day);
    expect(await t.told(SOON)).toEqual([
      '「甲镇」2025年9月通报的约谈（约谈分管领导）还有 3 天（11月13日到期），请按时参加。',
      '「甲镇」2025年9月通报的约谈（约谈分管领导）还有 1 天（11月13日到期），请按时参加。',
      '「甲镇」2025年9月通报的约谈（约谈分管领导）今天到期，请按时参加。',
    ]);
    // The unit's leader only: not its reporters, nor anyone of another unit or the city.
    expect(await t.whoGot(SOON)).toEqual({ leadA: 3 });
    expect((await t.inbox('leadA', 'interview_due')).every((n) => n.subjectId === 'c1:2025-09:A')).toBe(true);
  });

  it('from 09:00, and never in quiet hours', async () => {
    const t = await interviewDue();
    for (const time of ['07:00', '08:00', '08:59'])
      expect(await t.run('2025-11-10', time)).toMatchObject({ sent: 0 });
    expect(await t.told(SOON)).toEqual([]);
    // 22:00 on 11-12, a day the 1-day reminder is owed: quiet hours, so nothing goes out.
    expect(await t.run('2025-11-12', '22:00')).toEqual({
      ran: [],
      sent: 0,
      skipped: 0,
      failed: [],
      left: 0,
      unfinished: [],
    });
    expect(await t.told(SOON)).toEqual([]);
    await t.run('2025-11-10', '09:00');
    expect(await t.told(SOON)).toHaveLength(1);
    // Missed at 09:00, the next hourly run of the day sends it.
    await t.run('2025-11-12', '15:00');
    expect(await t.told(SOON)).toHaveLength(2);
  });

  it('a double-fired timer sends each once: two runs in the same hour, and two at once', async () => {
    const t = await interviewDue();
    await t.run('2025-11-10', '09:00');
    const again = await t.run('2025-11-10', '09:30');
    expect(again.sent).toBe(0);
    expect(again.skipped).toBeGreaterThan(0);
    await Promise.all([t.run('2025-11-12', '09:00'), t.run('2025-11-12', '09:00')]);
    await Promise.all([
      t.run('2025-11-13', '10:00'),
      t.run('2025-11-13', '10:00'),
      t.run('2025-11-13', '11:00'),
    ]);
    expect(await t.whoGot(SOON)).toEqual({ leadA: 3 });
    expect(t.outbound(SOON)).toHaveLength(3);
  });

  it('a held 约谈 is reminded no more; a scheduled one of the next month still is', async () => {
    const t = await interviewDue();
    t.at('2025-11-04');
    await t.publishOk('2025-10'); // A level 2 and D level 1, due 11-14
    t.at('2025-11-06');
    await t.expectOk(
      'interview.record',
      { interviewId: 'c1:2025-09:A', heldAt: '2025-11-06', note: '已约谈', requestId: rid() },
      t.tok.supervisor,
    );
    for (const day of ['2025-11-10', '2025-11-11', '2025-11-12', '2025-11-13', '2025-11-14'])
      await t.run(day);
    const reminders = await t.told(SOON);
    expect(reminders.some((b) => b.includes('2025年9月'))).toBe(false);
    expect(reminders).toEqual([
      '「甲镇」2025年10月通报的约谈（约谈主要领导）还有 3 天（11月14日到期），请按时参加。',
      '「甲镇」2025年10月通报的约谈（约谈主要领导）还有 1 天（11月14日到期），请按时参加。',
      '「甲镇」2025年10月通报的约谈（约谈主要领导）今天到期，请按时参加。',
    ]);
  });
});

const REQUEST = '请提交书面说明';
const EXPLAIN_SOON = '书面说明临近截止';

describe('the 书面说明 job: makes the requests at the end, then reminds until submitted', () => {
  it('makes the requests itself on the first final day from 09:00, telling A’s leader of each, once', async () => {
    const t = await arena();
    await t.run('2025-12-24');
    t.at('2025-12-25', '08:30');
    await t.run('2025-12-25', '08:30');
    expect(await t.store.reviews.listExplanations('c1')).toEqual([]);

    await Promise.all([t.run('2025-12-25'), t.run('2025-12-25')]);
    await t.run('2025-12-25', '16:00');
    const made = await t.store.reviews.listExplanations('c1');
    // 完成投资 missed by every unit; 不良贷款率 by A and C and 签约项目 by D, never reported.
    expect(made.map((e) => e.id)).toEqual([
      'c1:A:m-invest',
      'c1:A:m-npl',
      'c1:B:m-invest',
      'c1:C:m-invest',
      'c1:C:m-npl',
      'c1:D:m-invest',
      'c1:D:m-signed',
    ]);
    expect(await t.store.reviews.listLedger('c1')).toHaveLength(7);
    expect(await t.told(REQUEST)).toEqual([
      '「三百竞赛（测试）」已结束，本单位「完成投资」未完成目标，请于 1月1日前提交书面说明。',
      '「三百竞赛（测试）」已结束，本单位「不良贷款率」未完成目标，请于 1月1日前提交书面说明。',
    ]);
    expect(await t.whoGot(REQUEST)).toEqual({ leadA: 2 });
    expect(t.outbound(REQUEST)).toHaveLength(2);
  });

  it('reminds on 12-29, 12-31 and 01-01 only, while not submitted; a returned one is owed again', async () => {
    const t = await arena();
    await t.run('2025-12-25');
    t.at('2025-12-26');
    // 不良贷款率 submitted at once; 完成投资 left open.
    await t.expectOk(
      'explanation.submit',
      { explanationId: 'c1:A:m-npl', text: '不良贷款处置进度滞后', requestId: rid() },
      t.tok.leadA,
    );
    for (const day of ['2025-12-26', '2025-12-28', '2025-12-29', '2025-12-30']) await t.run(day);
    t.at('2025-12-30');
    await t.expectOk(
      'explanation.decide',
      { explanationId: 'c1:A:m-npl', decision: 'return', reason: '请附处置清单', requestId: rid() },
      t.tok.supervisor,
    );
    for (const day of ['2025-12-31', '2026-01-01', '2026-01-02']) await t.run(day);
    await Promise.all([t.run('2026-01-01', '12:00'), t.run('2026-01-01', '12:00')]);
    expect(await t.told(EXPLAIN_SOON)).toEqual([
      '「完成投资」的书面说明还有 3 天（1月1日到期），尚未提交，请抓紧。',
      '「完成投资」的书面说明还有 1 天（1月1日到期），尚未提交，请抓紧。',
      '「不良贷款率」的书面说明还有 1 天（1月1日到期），尚未提交，请抓紧。',
      '「完成投资」的书面说明今天到期，尚未提交，请抓紧。',
      '「不良贷款率」的书面说明今天到期，尚未提交，请抓紧。',
    ]);
    expect(await t.whoGot(EXPLAIN_SOON)).toEqual({ leadA: 5 });
    expect(t.outbound(EXPLAIN_SOON)).toHaveLength(5);
  });

  it('nothing during the campaign or its late window', async () => {
    const t = await arena();
    for (const day of ['2025-11-10', '2025-12-09', '2025-12-24']) await t.run(day);
    expect(await t.store.reviews.listExplanations('c1')).toEqual([]);
    expect(await t.inbox('leadA', 'explanation_due')).toEqual([]);
  });
});
