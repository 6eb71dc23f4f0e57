/**
 * The sanctions through the API (issue 13): a supervisor records that a 约谈 was held; at the end of the
 * campaign every missed target owes a 书面说明 and costs points in the ledger; the unit's leader submits
 * the explanation, a supervisor accepts or returns it; a supervisor reverses a deduction with a new
 * entry. Unit staff see only their own unit's records.
 */
import type { ContentGuard, PhotoRefs } from '../ports';
import { runDueJobs } from '../notifications/jobs';
import { rid } from '../../../tests/app/arena';
import {
  codeOf,
  messageOf,
  reviewArena,
  type ReviewArenaOptions,
  type Who,
} from '../../../tests/app/reviews';

const SEPTEMBER_A = 'c1:2025-09:A';

/** September published on 11-03 (A flagged) and October on 11-04 (A level 2, D level 1); today 11-06. */
async function flagged() {
  const t = await reviewArena();
  await t.postMonths();
  t.at('2025-11-03');
  await t.publishOk('2025-09');
  t.at('2025-11-04');
  await t.publishOk('2025-10');
  t.at('2025-11-06');
  const record = (over: Record<string, unknown> = {}, as: Who = 'supervisor') =>
    t.call(
      'interview.record',
      {
        interviewId: SEPTEMBER_A,
        heldAt: '2025-11-05',
        note: '已约谈分管副镇长，明确整改措施',
        requestId: rid(),
        ...over,
      },
      t.tok[as],
    );
  return { ...t, record };
}

describe('interview.record', () => {
  it.each([
    ['a reporter of the unit', 'repA'],
    ['the unit’s leader', 'leadA'],
    ['a city leader', 'leader'],
    ['an admin', 'admin'],
  ] as Array<[string, Who]>)('%s may not record it: FORBIDDEN, and it stays scheduled', async (_who, as) => {
    const t = await flagged();
    expect(await t.record({}, as)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有督办员可以记录约谈情况。' },
    });
    expect((await t.store.reviews.listInterviews('c1')).find((i) => i.id === SEPTEMBER_A)?.status).toBe(
      'scheduled',
    );
  });

  it('a supervisor records it held, on a day and with a note; recording it again is CONFLICT', async () => {
    const t = await flagged();
    const first = await t.record({ requestId: 'held-sep-a-1' });
    expect(first).toMatchObject({
      ok: true,
      data: {
        interview: {
          id: SEPTEMBER_A,
          unitId: 'A',
          level: 1,
          status: 'held',
          heldAt: '2025-11-05',
          note: '已约谈分管副镇长，明确整改措施',
          recordedByName: '赵督办',
        },
      },
    });
    // The same request again answers as the first time; another request is refused.
    expect(await t.record({ requestId: 'held-sep-a-1' })).toEqual(first);
    const again = await t.record({ heldAt: '2025-11-06', note: '再记一次' });
    expect(again).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该约谈已于 2025-11-05 记录，不能重复记录。' },
    });
    const { items } = await t.expectOk('interview.list', { status: 'held' }, t.tok.leader);
    expect(items.map((i) => [i.id, i.heldAt, i.note])).toEqual([
      [SEPTEMBER_A, '2025-11-05', '已约谈分管副镇长，明确整改措施'],
    ]);
  });

  it('refuses, in Chinese, a day in the future or one before the 通报 was published, and writes nothing', async () => {
    const t = await flagged();
    expect(await t.record({ heldAt: '2025-11-07' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'heldAt：约谈日期 2025-11-07 晚于今天，请填写实际约谈的日期。',
      },
    });
    expect(await t.record({ heldAt: '2025-09-30' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'heldAt：约谈日期 2025-09-30 早于通报发布的 2025-11-03，请填写实际约谈的日期。',
      },
    });
    // After the month, but before the 通报 that called it was published.
    expect(codeOf(await t.record({ heldAt: '2025-11-02' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await t.record({ heldAt: '2025-11-31' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await t.record({ note: '  ' }))).toBe('INVALID_ARGUMENT');
    const stored = (await t.store.reviews.listInterviews('c1')).find((i) => i.id === SEPTEMBER_A);
    expect(stored).toMatchObject({ status: 'scheduled', heldDay: null, note: '' });
    // Today itself is fine.
    expect(codeOf(await t.record({ heldAt: '2025-11-06' }))).toBe('OK');
  });

  it('an unknown interview is NOT_FOUND; one a corrected 通报 cancelled is CONFLICT', async () => {
    const t = await flagged();
    expect(await t.record({ interviewId: 'c1:2025-09:B' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有找到约谈「c1:2025-09:B」。' },
    });
    // September's target for A lowered to what A did: a corrected 通报 no longer flags A.
    await t.setMonthlyTarget('A', '2025-09', 2);
    const v2 = await t.publishOk('2025-09');
    expect(v2.changes).toEqual(['「甲镇」完成投资：月度目标 3 → 2', '「甲镇」不再列入约谈']);
    expect(await t.record()).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该约谈已因通报更正而撤销，无需记录。' },
    });
    const { items } = await t.expectOk('interview.list', { period: '2025-09' }, t.tok.supervisor);
    expect(items.map((i) => [i.unitId, i.status])).toEqual([['A', 'cancelled']]);
  });

  it('a held 约谈 is left as it was by a corrected 通报', async () => {
    const t = await flagged();
    expect(codeOf(await t.record())).toBe('OK');
    await t.setMonthlyTarget('A', '2025-09', 2);
    await t.publishOk('2025-09');
    const { items } = await t.expectOk('interview.list', { period: '2025-09' }, t.tok.supervisor);
    expect(items.map((i) => [i.unitId, i.status, i.heldAt, i.reviewVersion])).toEqual([
      ['A', 'held', '2025-11-05', 1],
    ]);
  });
});

describe('interview.list: unit staff see their own unit’s', () => {
  it('a reporter or leader of A sees A’s; naming another unit is FORBIDDEN; others see all', async () => {
    const t = await flagged();
    for (const who of ['repA', 'leadA'] as Who[]) {
      const { items } = await t.expectOk('interview.list', {}, t.tok[who]);
      expect(items.map((i) => i.id)).toEqual([SEPTEMBER_A, 'c1:2025-10:A']);
      expect((await t.expectOk('interview.list', { unitId: 'A' }, t.tok[who])).items).toHaveLength(2);
      expect(await t.call('interview.list', { unitId: 'D' }, t.tok[who])).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '只能查看本单位的约谈记录。' },
      });
    }
    expect((await t.expectOk('interview.list', {}, t.tok.repD)).items.map((i) => i.id)).toEqual([
      'c1:2025-10:D',
    ]);
    expect((await t.expectOk('interview.list', {}, t.tok.repB)).items).toEqual([]);
    for (const who of ['supervisor', 'leader', 'admin'] as Who[]) {
      expect((await t.expectOk('interview.list', {}, t.tok[who])).items).toHaveLength(3);
      const d = await t.expectOk('interview.list', { unitId: 'D', period: '2025-10' }, t.tok[who]);
      expect(d.items.map((i) => [i.unitId, i.level])).toEqual([['D', 1]]);
    }
  });
});

/**
 * The campaign run to its end: the months of tests/app/reviews.ts, A's 不良贷款率 3.0 (under its 3.2
 * ceiling) on 10-25, and B's final 21 of 20 posted in the late window (counted as of 12-09). Missed: A's,
 * C's and D's 完成投资, C's 不良贷款率 and D's 签约项目 (never reported). Today 12-24, the late window's
 * last day.
 */
async function ended(options: ReviewArenaOptions = {}) {
  const t = await reviewArena(options);
  await t.postMonths();
  await t.postOn('2025-10-25', 'A', 4, { figures: [{ metricId: 'm-npl', value: 3.0 }] });
  if ((options.campaign?.lateDays ?? 15) >= 11) await t.postOn('2025-12-20', 'B', 21);
  t.at('2025-12-24');
  const explanations = async (as: Who = 'supervisor', filter: Record<string, unknown> = {}) =>
    (await t.expectOk('explanation.list', filter, t.tok[as])).items;
  const submit = (explanationId: string, over: Record<string, unknown> = {}, as: Who = 'leadA') =>
    t.call(
      'explanation.submit',
      { explanationId, text: '受项目用地报批影响，投资进度滞后', requestId: rid(), ...over },
      t.tok[as],
    );
  const decide = (explanationId: string, over: Record<string, unknown> = {}, as: Who = 'supervisor') =>
    t.call('explanation.decide', { explanationId, decision: 'accept', requestId: rid(), ...over }, t.tok[as]);
  const ledger = (as: Who = 'supervisor', filter: Record<string, unknown> = {}) =>
    t.expectOk('ledger.list', filter, t.tok[as]);
  return { ...t, explanations, submit, decide, ledger };
}

const missedIds = ['c1:A:m-invest', 'c1:C:m-invest', 'c1:C:m-npl', 'c1:D:m-invest', 'c1:D:m-signed'];
const A_INVEST = 'c1:A:m-invest';

describe('书面说明 and 扣分 at the end of the campaign', () => {
  it('none while figures may still come (to end + lateDays); on the next day, one per missed target', async () => {
    const t = await ended();
    expect(await t.explanations()).toEqual([]);
    expect(await t.ledger()).toEqual({ entries: [], totals: [] });
    expect(await t.store.reviews.listExplanations('c1')).toEqual([]);

    t.at('2025-12-25');
    const items = await t.explanations();
    expect(items.map((e) => e.id)).toEqual(missedIds);
    expect(items[0]).toEqual({
      id: A_INVEST,
      campaignId: 'c1',
      unitId: 'A',
      unitName: '甲镇',
      metricId: 'm-invest',
      metricName: '完成投资',
      target: 10,
      value: 4,
      dueDate: '2026-01-01',
      status: 'requested',
      text: '',
      photos: [],
      submittedAt: null,
      submittedByName: null,
      decidedAt: null,
      decidedByName: null,
      returnReason: null,
    });
    // Never reported counts as missed, with no value.
    expect(items.find((e) => e.id === 'c1:D:m-signed')).toMatchObject({
      target: 4,
      value: null,
      metricName: '签约项目',
    });
    expect(items.every((e) => e.dueDate === '2026-01-01')).toBe(true);
  });

  it('enters a deduction of 1 point per missed target, with the reason and its explanation', async () => {
    const t = await ended();
    t.at('2025-12-25');
    const { entries, totals } = await t.ledger();
    expect(entries.map((e) => [e.unitId, e.points, e.source])).toEqual(
      missedIds.map((id) => [id.split(':')[1], -1, { kind: 'explanation', id }]),
    );
    expect(entries[0]).toEqual({
      id: `deduct:${A_INVEST}`,
      campaignId: 'c1',
      unitId: 'A',
      unitName: '甲镇',
      points: -1,
      reason: '「完成投资」未完成目标：目标 10亿元，完成 4亿元',
      source: { kind: 'explanation', id: A_INVEST },
      at: '2025-12-25T02:00:00.000Z',
    });
    expect(entries.find((e) => e.source.id === 'c1:D:m-signed')?.reason).toBe(
      '「签约项目」未完成目标：目标 4个，完成 未填报',
    );
    expect(totals).toEqual([
      { unitId: 'A', unitName: '甲镇', points: -1 },
      { unitId: 'C', unitName: '丙平台', points: -2 },
      { unitId: 'D', unitName: '丁镇', points: -2 },
    ]);
  });

  it('honours the campaign’s lateDays, explainDays and pointsPerMiss', async () => {
    const t = await ended({ campaign: { lateDays: 5, explainDays: 3, pointsPerMiss: 2 } });
    t.at('2025-12-14');
    expect(await t.explanations()).toEqual([]);
    t.at('2025-12-15');
    const items = await t.explanations();
    // B did not get its late 21 in: the window closed after 5 days; A's 不良贷款率 was met.
    expect(items.map((e) => e.id)).toEqual([
      'c1:A:m-invest',
      'c1:B:m-invest',
      'c1:C:m-invest',
      'c1:C:m-npl',
      'c1:D:m-invest',
      'c1:D:m-signed',
    ]);
    expect(new Set(items.map((e) => e.dueDate))).toEqual(new Set(['2025-12-18']));
    const { entries, totals } = await t.ledger();
    expect(entries.map((e) => e.points)).toEqual([-2, -2, -2, -2, -2, -2]);
    expect(totals.map((x) => [x.unitId, x.points])).toEqual([
      ['A', -2],
      ['B', -2],
      ['C', -4],
      ['D', -4],
    ]);
  });

  it('are made once: listing twice, or the daily job and then a list, adds nothing', async () => {
    const t = await ended();
    t.at('2025-12-25', '09:00');
    await runDueJobs(t.deps);
    const made = await t.store.reviews.listExplanations('c1');
    const entries = await t.store.reviews.listLedger('c1');
    expect(made.map((e) => e.id)).toEqual(missedIds);
    t.at('2025-12-26');
    await t.explanations();
    await t.explanations('repA');
    await t.ledger();
    expect(await t.store.reviews.listExplanations('c1')).toEqual(made);
    expect(await t.store.reviews.listLedger('c1')).toEqual(entries);
    // Two readers at once on the first day of another arena: still one of each.
    const u = await ended();
    u.at('2025-12-25');
    await Promise.all([u.explanations(), u.explanations('leadA'), u.ledger(), runDueJobs(u.deps)]);
    expect((await u.store.reviews.listExplanations('c1')).map((e) => e.id)).toEqual(missedIds);
    expect(await u.store.reviews.listLedger('c1')).toHaveLength(missedIds.length);
  });

  it('unit staff see only their own unit’s explanations and ledger; naming another unit is FORBIDDEN', async () => {
    const t = await ended();
    t.at('2025-12-25');
    for (const who of ['repA', 'leadA'] as Who[]) {
      expect((await t.explanations(who)).map((e) => e.id)).toEqual([A_INVEST]);
      expect((await t.explanations(who, { unitId: 'A' })).map((e) => e.id)).toEqual([A_INVEST]);
      expect(await t.call('explanation.list', { unitId: 'C' }, t.tok[who])).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '只能查看本单位的书面说明。' },
      });
      const mine = await t.ledger(who);
      expect(mine.entries.map((e) => e.unitId)).toEqual(['A']);
      expect(mine.totals).toEqual([{ unitId: 'A', unitName: '甲镇', points: -1 }]);
      expect(await t.call('ledger.list', { unitId: 'D' }, t.tok[who])).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '只能查看本单位的扣分记录。' },
      });
    }
    expect((await t.explanations('repD')).map((e) => e.id)).toEqual(['c1:D:m-invest', 'c1:D:m-signed']);
    expect((await t.explanations('repB')).map((e) => e.id)).toEqual([]);
    expect((await t.explanations('leader', { unitId: 'C' })).map((e) => e.id)).toEqual([
      'c1:C:m-invest',
      'c1:C:m-npl',
    ]);
    expect((await t.explanations('admin', { status: 'requested' })).map((e) => e.id)).toEqual(missedIds);
  });
});

describe('explanation.submit: that unit’s leader', () => {
  it.each([
    ['a reporter of the unit', 'repA', '只有单位负责人可以提交书面说明。'],
    ['a supervisor', 'supervisor', '只有单位负责人可以提交书面说明。'],
    ['a city leader', 'leader', '只有单位负责人可以提交书面说明。'],
  ] as Array<[string, Who, string]>)('%s may not: FORBIDDEN', async (_who, as, message) => {
    const t = await ended();
    t.at('2025-12-25');
    await t.explanations();
    expect(await t.submit(A_INVEST, {}, as)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message } });
    expect((await t.explanations())[0]?.status).toBe('requested');
  });

  it('another unit’s leader may not submit its explanation', async () => {
    const t = await ended();
    t.at('2025-12-25');
    await t.explanations();
    expect(await t.submit('c1:C:m-invest')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只能提交本单位的书面说明：这是「丙平台」的。' },
    });
    expect(codeOf(await t.submit('c1:Z:m-invest'))).toBe('NOT_FOUND');
  });

  it('A’s leader submits it once; again is CONFLICT; the same request again answers the same', async () => {
    const t = await ended();
    t.at('2025-12-25');
    await t.explanations();
    t.at('2025-12-27');
    const first = await t.submit(A_INVEST, { requestId: 'explain-a-1' });
    expect(first).toMatchObject({
      ok: true,
      data: {
        explanation: {
          id: A_INVEST,
          status: 'submitted',
          text: '受项目用地报批影响，投资进度滞后',
          photos: [],
          submittedAt: '2025-12-27T02:00:00.000Z',
          submittedByName: '张伟',
        },
      },
    });
    expect(await t.submit(A_INVEST, { requestId: 'explain-a-1' })).toEqual(first);
    expect(await t.submit(A_INVEST, { text: '补充说明' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该书面说明待审核，不能再提交。' },
    });
    expect((await t.store.reviews.explanationHistory('c1', A_INVEST)).map((e) => e.to)).toEqual([
      'submitted',
    ]);
  });

  it('refuses text the content guard calls risky, and photos that are not the leader’s own uploads', async () => {
    const guard: ContentGuard = {
      check: async (text) => ({ verdict: text.includes('代开发票') ? 'risky' : 'pass' }),
    };
    const photoRefs: PhotoRefs = { owns: async (ref, who) => ref.startsWith(`${who.userId}/`) };
    const t = await ended({ ports: { guard, photoRefs } });
    t.at('2025-12-25');
    await t.explanations();
    expect(await t.submit(A_INVEST, { text: '可代开发票' })).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '内容含有不适宜发布的信息，请修改后再发' },
    });
    const foreign = await t.submit(A_INVEST, { photos: ['lead-a/1.jpg', 'rep-a/2.jpg'] });
    expect(codeOf(foreign)).toBe('INVALID_ARGUMENT');
    expect(messageOf(foreign)).toMatch(/^photos\.1：/);
    expect((await t.explanations())[0]).toMatchObject({ status: 'requested', text: '', photos: [] });
    const withPhotos = await t.submit(A_INVEST, { photos: ['lead-a/1.jpg', 'lead-a/2.jpg'] });
    expect(withPhotos).toMatchObject({
      ok: true,
      data: { explanation: { photos: ['lead-a/1.jpg', 'lead-a/2.jpg'] } },
    });
  });
});

describe('explanation.decide: a supervisor accepts or returns', () => {
  async function submitted() {
    const t = await ended();
    t.at('2025-12-25');
    await t.explanations();
    expect(codeOf(await t.submit(A_INVEST))).toBe('OK');
    t.at('2025-12-26');
    return t;
  }

  it.each([
    ['the unit’s leader', 'leadA'],
    ['a city leader', 'leader'],
    ['an admin', 'admin'],
  ] as Array<[string, Who]>)('%s may not decide: FORBIDDEN', async (_who, as) => {
    const t = await submitted();
    expect(await t.decide(A_INVEST, {}, as)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有督办员可以审核书面说明。' },
    });
  });

  it('a return needs a reason; one not submitted yet cannot be decided', async () => {
    const t = await submitted();
    expect(await t.decide(A_INVEST, { decision: 'return' })).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'reason：退回时请填写原因，告诉单位需要补充什么。' },
    });
    expect(codeOf(await t.decide(A_INVEST, { decision: 'return', reason: '   ' }))).toBe('INVALID_ARGUMENT');
    expect(await t.decide('c1:C:m-invest')).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该书面说明待提交，只有待审核的才能通过。' },
    });
    expect((await t.explanations())[0]?.status).toBe('submitted');
  });

  it('returned with a reason (A’s leader is told), submitted again, then accepted; nothing after that', async () => {
    const t = await submitted();
    const returned = await t.decide(A_INVEST, { decision: 'return', reason: '请补充项目明细' });
    expect(returned).toMatchObject({
      ok: true,
      data: { explanation: { status: 'returned', returnReason: '请补充项目明细', decidedByName: '赵督办' } },
    });
    const told = await t.inbox('leadA', 'explanation_due');
    expect(told.map((n) => [n.subjectId, n.title, n.body])).toEqual([
      [
        A_INVEST,
        '书面说明被退回',
        '「完成投资」的书面说明被退回：请补充项目明细。请修改后于 2026-01-01 前重新提交。',
      ],
    ]);
    expect(await t.tally('explanation_due')).toEqual({ leadA: 1 });

    t.at('2025-12-28');
    const again = await t.submit(A_INVEST, { text: '补充：3 个项目用地报批延后，明细见附件' });
    expect(again).toMatchObject({
      ok: true,
      data: { explanation: { status: 'submitted', returnReason: '请补充项目明细' } },
    });
    const accepted = await t.decide(A_INVEST, { requestId: 'accept-a-1' });
    expect(accepted).toMatchObject({
      ok: true,
      data: {
        explanation: {
          status: 'accepted',
          text: '补充：3 个项目用地报批延后，明细见附件',
          decidedAt: '2025-12-28T02:00:00.000Z',
        },
      },
    });
    expect(await t.decide(A_INVEST, { requestId: 'accept-a-1' })).toEqual(accepted);
    expect(await t.decide(A_INVEST, { decision: 'return', reason: '再看看' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该书面说明已通过，只有待审核的才能退回。' },
    });
    expect(codeOf(await t.submit(A_INVEST))).toBe('CONFLICT');
    expect((await t.store.reviews.explanationHistory('c1', A_INVEST)).map((e) => [e.to, e.note])).toEqual([
      ['submitted', ''],
      ['returned', '请补充项目明细'],
      ['submitted', ''],
      ['accepted', ''],
    ]);
    // Accepting is no reversal: the deduction stands until a supervisor reverses it.
    expect((await t.ledger('leadA')).totals).toEqual([{ unitId: 'A', unitName: '甲镇', points: -1 }]);
  });
});

describe('ledger.reverse: a supervisor undoes a deduction with a new entry', () => {
  async function deducted() {
    const t = await ended();
    t.at('2025-12-25');
    await t.ledger();
    t.at('2026-01-05');
    const reverse = (entryId: string, over: Record<string, unknown> = {}, as: Who = 'supervisor') =>
      t.call('ledger.reverse', { entryId, reason: '经核实属不可抗力', requestId: rid(), ...over }, t.tok[as]);
    return { ...t, reverse };
  }

  it.each([
    ['the unit’s leader', 'leadA'],
    ['a reporter', 'repA'],
    ['a city leader', 'leader'],
    ['an admin', 'admin'],
  ] as Array<[string, Who]>)('%s may not: FORBIDDEN, and the ledger is unchanged', async (_who, as) => {
    const t = await deducted();
    const before = await t.store.reviews.listLedger('c1');
    expect(await t.reverse(`deduct:${A_INVEST}`, {}, as)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有督办员可以撤销扣分。' },
    });
    expect(await t.store.reviews.listLedger('c1')).toEqual(before);
  });

  it('adds a +1 entry linked to the deduction, which stays; a second reversal is CONFLICT, a replay answers the same', async () => {
    const t = await deducted();
    const before = await t.ledger();
    const first = await t.reverse(`deduct:${A_INVEST}`, { requestId: 'reverse-a-1' });
    expect(first).toEqual({
      ok: true,
      data: {
        entry: {
          id: `reverse:deduct:${A_INVEST}`,
          campaignId: 'c1',
          unitId: 'A',
          unitName: '甲镇',
          points: 1,
          reason: '经核实属不可抗力',
          source: { kind: 'reversal', id: `deduct:${A_INVEST}` },
          at: '2026-01-05T02:00:00.000Z',
        },
      },
    });
    expect(await t.reverse(`deduct:${A_INVEST}`, { requestId: 'reverse-a-1' })).toEqual(first);
    expect(await t.reverse(`deduct:${A_INVEST}`, { reason: '再撤一次' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '「甲镇」的这笔扣分已经撤销过了。' },
    });
    const after = await t.ledger();
    expect(after.entries.slice(0, before.entries.length)).toEqual(before.entries);
    expect(after.entries.map((e) => e.id)).toEqual([
      ...before.entries.map((e) => e.id),
      `reverse:deduct:${A_INVEST}`,
    ]);
    expect(after.totals).toEqual([
      { unitId: 'A', unitName: '甲镇', points: 0 },
      { unitId: 'C', unitName: '丙平台', points: -2 },
      { unitId: 'D', unitName: '丁镇', points: -2 },
    ]);
    expect((await t.ledger('repA')).entries.map((e) => e.points)).toEqual([-1, 1]);
  });

  it('a reversal cannot itself be reversed; an unknown entry is NOT_FOUND', async () => {
    const t = await deducted();
    expect(codeOf(await t.reverse(`deduct:${A_INVEST}`))).toBe('OK');
    expect(await t.reverse(`reverse:deduct:${A_INVEST}`)).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'entryId：只能撤销扣分记录，撤销记录本身不能再撤销。' },
    });
    expect(await t.reverse('deduct:nope')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有找到扣分记录「deduct:nope」。' },
    });
    expect(await t.store.reviews.listLedger('c1')).toHaveLength(missedIds.length + 1);
  });
});
