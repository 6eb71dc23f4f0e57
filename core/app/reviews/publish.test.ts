/**
 * The monthly 通报 through the API (issue 13): only a supervisor computes and publishes it, for a closed
 * month of the campaign; the draft's numbers come from the figures at the month closes; publishing freezes
 * a snapshot, puts a notice in the feed, tells leaders and supervisors, calls the flagged units' 约谈 and
 * tells their leaders; a correction is a new version naming what changed, the old one left as it was; a
 * retried publish answers the same 通报 and sends nothing twice.
 */
import type { Review, ReviewDraft } from '../../contract';
import { users } from '../../../tests/app/arena';
import { codeOf, messageOf, reviewArena, type ReviewArena, type Who } from '../../../tests/app/reviews';

/** September and October posted; today 2025-11-03 10:00 in Shanghai. */
async function posted(): Promise<ReviewArena> {
  const t = await reviewArena();
  await t.postMonths();
  t.at('2025-11-03');
  return t;
}

const row = (unitId: string, unitName: string, over: Record<string, unknown>) => ({
  unitId,
  unitName,
  metricId: 'm-invest',
  missed: false,
  flagged: false,
  level: 0,
  ...over,
});

/** September as worked by hand in tests/app/reviews.ts. */
const september: ReviewDraft = {
  campaignId: 'c1',
  period: '2025-09',
  metrics: [{ id: 'm-invest', name: '完成投资', measure: '亿元' }],
  divisions: [
    {
      division: '乡镇街道',
      rows: [
        row('B', '乙镇', { MA: 7, MT: 6, LY: 5, growth: 0.4, growthRank: 1 }),
        row('D', '丁镇', { MA: 5, MT: 4, LY: 4, growth: 0.25, growthRank: 2 }),
        row('A', '甲镇', {
          MA: 2,
          MT: 3,
          LY: 2,
          growth: 0,
          growthRank: 3,
          missed: true,
          flagged: true,
          level: 1,
        }),
      ],
    },
    {
      division: '功能平台',
      rows: [row('C', '丙平台', { MA: 4, MT: 3, LY: null, growth: null, growthRank: null })],
    },
    // 市发改局 (市直部门) has no 完成投资 target: it is not in the 通报 at all.
  ],
  excluded: [{ unitId: 'C', unitName: '丙平台', metricId: 'm-invest', reason: 'no_last_year' }],
  flagged: [{ unitId: 'A', unitName: '甲镇', division: '乡镇街道', level: 1, metricIds: ['m-invest'] }],
} as ReviewDraft;

describe('review.draft: a supervisor’s, for a closed month of the campaign', () => {
  it.each([
    ['a reporter', 'repA'],
    ['a unit leader', 'leadA'],
    ['a city leader', 'leader'],
    ['an admin', 'admin'],
  ] as Array<[string, Who]>)('%s is refused: FORBIDDEN, naming who may', async (_who, as) => {
    const t = await posted();
    const r = await t.call('review.draft', { period: '2025-09' }, t.tok[as]);
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只有督办员可以生成月度通报。' } });
  });

  it('gives September’s table from the month closes: MA, MT, LY, growth, ranks, misses, flags, exclusions', async () => {
    const t = await posted();
    expect(await t.expectOk('review.draft', { period: '2025-09' }, t.tok.supervisor)).toEqual(september);
  });

  it('gives October from the closes of October and September, A at level 2 for being flagged in September too', async () => {
    const t = await posted();
    const draft = await t.expectOk('review.draft', { period: '2025-10' }, t.tok.supervisor);
    const towns = draft.divisions[0]!.rows;
    expect(
      towns.map((r) => [r.unitId, r.MA, r.MT, r.LY, r.growthRank, r.missed, r.flagged, r.level]),
    ).toEqual([
      ['B', 5, 6, 4, 1, true, false, 0],
      ['A', 2, 3, 3, 2, true, true, 2],
      // D posted nothing in October: its close is September's, so the month's actual is 0.
      ['D', 0, 4, 2, 3, true, true, 1],
    ]);
    expect(towns[1]!.growth).toBeCloseTo(-1 / 3, 10);
    expect(towns[2]!.growth).toBe(-1);
    expect(draft.divisions[1]!.rows[0]).toMatchObject({
      unitId: 'C',
      MA: 4,
      growth: 1,
      growthRank: 1,
      flagged: false,
    });
    expect(draft.flagged).toEqual([
      { unitId: 'A', unitName: '甲镇', division: '乡镇街道', level: 2, metricIds: ['m-invest'] },
      { unitId: 'D', unitName: '丁镇', division: '乡镇街道', level: 1, metricIds: ['m-invest'] },
    ]);
    // A draft saves nothing.
    expect(await t.store.reviews.listReviews('c1')).toEqual([]);
  });

  it.each(['2025-08', '2026-01'])('%s is outside the campaign: NOT_FOUND', async (period) => {
    const t = await posted();
    const r = await t.call('review.draft', { period }, t.tok.supervisor);
    expect(codeOf(r)).toBe('NOT_FOUND');
    expect(messageOf(r)).toBe(
      `${period.slice(0, 4)}年${Number(period.slice(5))}月不在「三百竞赛（测试）」的竞赛期内（2025-09-01 至 2025-12-09）。`,
    );
  });

  it('a month not over yet is CONFLICT until its last day has passed (Shanghai days)', async () => {
    const t = await posted();
    t.at('2025-10-31', '23:59');
    const early = await t.call('review.draft', { period: '2025-10' }, t.tok.supervisor);
    expect(early).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '2025年10月尚未结束，月末之后才能生成通报。' },
    });
    expect(codeOf(await t.publish('2025-10'))).toBe('CONFLICT');
    t.at('2025-11-01', '00:01');
    expect(codeOf(await t.call('review.draft', { period: '2025-10' }, t.tok.supervisor))).toBe('OK');
  });

  it('a malformed month is INVALID_ARGUMENT in Chinese', async () => {
    const t = await posted();
    const r = await t.call('review.draft', { period: '2025-13' }, t.tok.supervisor);
    expect(codeOf(r)).toBe('INVALID_ARGUMENT');
    expect(messageOf(r)).toContain('月份格式应为 YYYY-MM');
  });
});

describe('review.publish', () => {
  it.each([
    ['a reporter', 'repA'],
    ['a unit leader', 'leadA'],
    ['a city leader', 'leader'],
    ['an admin', 'admin'],
  ] as Array<[string, Who]>)(
    '%s may not publish: FORBIDDEN, and nothing is written or sent',
    async (_who, as) => {
      const t = await posted();
      const r = await t.publish('2025-09', as);
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只有督办员可以发布月度通报。' } });
      expect(await t.store.reviews.listReviews('c1')).toEqual([]);
      expect(await t.store.reviews.listInterviews('c1')).toEqual([]);
      expect(await t.tally('review_published')).toEqual({});
    },
  );

  it('freezes the draft with the note: review.get answers it to everyone, and review.list shows it', async () => {
    const t = await posted();
    const draft = await t.expectOk('review.draft', { period: '2025-09' }, t.tok.supervisor);
    const review = await t.publishOk('2025-09', { note: '请甲镇对照整改' });
    const expected: Review = {
      ...draft,
      id: 'c1:2025-09:v1',
      version: 1,
      note: '请甲镇对照整改',
      publishedAt: '2025-11-03T02:00:00.000Z',
      publishedById: users.supervisor.id,
      publishedByName: '赵督办',
      changes: [],
    };
    expect(review).toEqual(expected);
    for (const who of ['repB', 'leadA', 'leader', 'admin'] as Who[])
      expect(await t.expectOk('review.get', { period: '2025-09' }, t.tok[who])).toEqual({
        review: expected,
        versions: [1],
      });
    const { months } = await t.expectOk('review.list', {}, t.tok.repA);
    expect(months).toEqual([
      { period: '2025-11', closed: false, published: null },
      { period: '2025-10', closed: true, published: null },
      {
        period: '2025-09',
        closed: true,
        published: {
          id: 'c1:2025-09:v1',
          campaignId: 'c1',
          period: '2025-09',
          version: 1,
          publishedAt: '2025-11-03T02:00:00.000Z',
          publishedByName: '赵督办',
          flaggedCount: 1,
        },
      },
    ]);
    const missing = await t.call('review.get', { period: '2025-10' }, t.tok.leader);
    expect(missing).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '2025年10月的通报尚未发布。' },
    });
  });

  it('a published 通报 is frozen: figures posted afterwards change the draft, never what was published', async () => {
    const t = await posted();
    const published = await t.publishOk('2025-10');
    t.at('2025-11-05');
    // A correction of October's running total lands today, in November: October's close stays as it was.
    await t.postOn('2025-11-05', 'A', 3, { correctionReason: '10月数据录入有误' });
    expect((await t.expectOk('review.get', { period: '2025-10' }, t.tok.leader)).review).toEqual(published);
    const redraft = await t.expectOk('review.draft', { period: '2025-10' }, t.tok.supervisor);
    expect(redraft.divisions[0]!.rows.find((r) => r.unitId === 'A')?.MA).toBe(2);
  });

  it('tells leaders and supervisors, and A’s leader of the 约谈 at its level; reporters and admins hear nothing', async () => {
    const t = await posted();
    await t.publishOk('2025-09');
    expect(await t.tally('review_published')).toEqual({ supervisor: 1, leader: 1 });
    expect(await t.tally('interview_due')).toEqual({ leadA: 1 });
    const [told] = await t.inbox('leader', 'review_published');
    expect(told).toMatchObject({
      subjectId: 'c1:2025-09:v1',
      title: '2025年9月通报已发布',
      body: '「三百竞赛（测试）」2025年9月月度通报已发布。列入约谈的单位：甲镇。',
    });
    const [notice] = await t.inbox('leadA', 'interview_due');
    expect(notice).toMatchObject({
      subjectId: 'c1:2025-09:A',
      title: '约谈通知：约谈分管领导',
      body:
        '「甲镇」列入2025年9月通报约谈名单（约谈分管领导），请于11月13日前完成约谈。' +
        '原因：「完成投资」本月完成 2亿元（月度目标 3亿元，同比 0.0%，组内增幅后两名）。',
    });
    for (const who of ['repA', 'real', 'repB', 'repC', 'repD', 'admin'] as Who[])
      expect(await t.inbox(who)).toEqual([]);
  });

  it('calls a 约谈 per flagged unit: its level, who attends, due 10 days after the day it was published', async () => {
    const t = await posted();
    await t.publishOk('2025-09');
    const { items } = await t.expectOk('interview.list', {}, t.tok.supervisor);
    expect(items).toEqual([
      {
        id: 'c1:2025-09:A',
        campaignId: 'c1',
        period: '2025-09',
        unitId: 'A',
        unitName: '甲镇',
        level: 1,
        attendees: ['deputy'],
        reviewVersion: 1,
        dueDate: '2025-11-13',
        status: 'scheduled',
        heldAt: null,
        note: '',
        recordedByName: null,
      },
    ]);
  });

  it('level 2 (主要领导 and 分管领导) for a unit flagged in the published 通报 of the month before', async () => {
    const t = await posted();
    await t.publishOk('2025-09');
    t.at('2025-11-04');
    const october = await t.publishOk('2025-10', { note: '' });
    expect(october.flagged.map((f) => [f.unitId, f.level])).toEqual([
      ['A', 2],
      ['D', 1],
    ]);
    const { items } = await t.expectOk('interview.list', { period: '2025-10' }, t.tok.leader);
    expect(items.map((i) => [i.unitId, i.level, i.attendees, i.dueDate])).toEqual([
      ['A', 2, ['main', 'deputy'], '2025-11-14'],
      ['D', 1, ['deputy'], '2025-11-14'],
    ]);
    const notices = await t.inbox('leadA', 'interview_due');
    expect(notices.map((n) => n.title)).toEqual(['约谈通知：约谈分管领导', '约谈通知：约谈主要领导']);
    expect(notices[1]!.body).toContain('（约谈主要领导）');
  });

  it('the month before counts as published: a unit it did not flag is level 1, even if its figures now would', async () => {
    const t = await posted();
    await t.publishOk('2025-09');
    // September's target for D raised after publishing: its figures would flag D now, the 通报 did not.
    await t.setMonthlyTarget('D', '2025-09', 6);
    const october = await t.expectOk('review.draft', { period: '2025-10' }, t.tok.supervisor);
    expect(october.flagged.map((f) => [f.unitId, f.level])).toEqual([
      ['A', 2],
      ['D', 1],
    ]);
  });

  it('publishing again with nothing changed is CONFLICT naming the published version, and sends nothing', async () => {
    const t = await posted();
    await t.publishOk('2025-09');
    t.at('2025-11-04');
    const again = await t.publish('2025-09', 'supervisor', { note: '再发一次' });
    expect(again).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '2025年9月通报第 1 版已发布，此后数据没有变化，无需重新发布。' },
    });
    expect((await t.store.reviews.listReviews('c1')).map((h) => h.version)).toEqual([1]);
    expect(await t.tally('review_published')).toEqual({ supervisor: 1, leader: 1 });
  });

  it('a retried publish (the same requestId) answers the same 通报 and sends nothing twice', async () => {
    const t = await posted();
    const first = await t.publish('2025-09', 'supervisor', { note: '按语', requestId: 'publish-sep-1' });
    t.advance(60_000);
    const retried = await t.publish('2025-09', 'supervisor', { note: '按语', requestId: 'publish-sep-1' });
    expect(retried).toEqual(first);
    expect(first.ok).toBe(true);
    expect((await t.store.reviews.listReviews('c1')).map((h) => h.version)).toEqual([1]);
    expect(await t.tally('review_published')).toEqual({ supervisor: 1, leader: 1 });
    expect(await t.tally('interview_due')).toEqual({ leadA: 1 });
    expect(await t.store.reviews.listInterviews('c1')).toHaveLength(1);
  });

  it('a retry of version 1 arriving after version 2 answers version 1, and changes nothing', async () => {
    const t = await posted();
    const first = await t.publish('2025-09', 'supervisor', { requestId: 'publish-sep-1' });
    t.at('2025-11-05');
    await t.setMonthlyTarget('D', '2025-09', 6);
    await t.publishOk('2025-09');
    const before = await t.store.reviews.listInterviews('c1');
    expect(await t.publish('2025-09', 'supervisor', { requestId: 'publish-sep-1' })).toEqual(first);
    expect((await t.store.reviews.listReviews('c1')).map((h) => h.version)).toEqual([1, 2]);
    // Version 2's 约谈 stand: the old retry does not bring back version 1's.
    expect(await t.store.reviews.listInterviews('c1')).toEqual(before);
  });

  it('a target corrected after publishing gives version 2 naming what changed; version 1 stays as published', async () => {
    const t = await posted();
    const v1 = await t.publishOk('2025-09', { note: '第一版' });
    t.at('2025-11-05');
    await t.setMonthlyTarget('D', '2025-09', 6);
    const v2 = await t.publishOk('2025-09', { note: '更正丁镇月度目标' });
    expect(v2).toMatchObject({
      id: 'c1:2025-09:v2',
      version: 2,
      note: '更正丁镇月度目标',
      publishedAt: '2025-11-05T02:00:00.000Z',
      changes: ['「丁镇」完成投资：月度目标 4 → 6', '「丁镇」新列入约谈'],
    });
    expect(v2.flagged.map((f) => f.unitId)).toEqual(['A', 'D']);
    expect(await t.expectOk('review.get', { period: '2025-09', version: 1 }, t.tok.leader)).toEqual({
      review: v1,
      versions: [1, 2],
    });
    expect((await t.expectOk('review.get', { period: '2025-09' }, t.tok.leader)).review).toEqual(v2);
    const none = await t.call('review.get', { period: '2025-09', version: 3 }, t.tok.leader);
    expect(none).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '2025年9月的通报没有第 3 版。' },
    });

    // The 约谈 follow version 2: D's is called; A's, still scheduled at the same level, keeps its due day.
    const { items } = await t.expectOk('interview.list', { period: '2025-09' }, t.tok.supervisor);
    expect(items.map((i) => [i.unitId, i.reviewVersion, i.dueDate, i.status])).toEqual([
      ['A', 2, '2025-11-13', 'scheduled'],
      ['D', 2, '2025-11-15', 'scheduled'],
    ]);
    const told = await t.inbox('supervisor', 'review_published');
    expect(told.map((n) => [n.subjectId, n.title])).toEqual([
      ['c1:2025-09:v1', '2025年9月通报已发布'],
      ['c1:2025-09:v2', '2025年9月通报已发布（第 2 版）'],
    ]);
  });
});

describe('the feed shows a published 通报 among the posts', () => {
  /** September published on 11-03, then two more posts on 11-05 and 11-06. */
  async function spanned() {
    const t = await posted();
    await t.publishOk('2025-09', { note: '请各单位对照' });
    await t.postOn('2025-11-05', 'A', 5);
    await t.postOn('2025-11-06', 'B', 13);
    return t;
  }

  const notice = {
    reviewId: 'c1:2025-09:v1',
    period: '2025-09',
    version: 1,
    title: '2025年9月月度通报',
    note: '请各单位对照',
    flaggedCount: 1,
    publishedAt: '2025-11-03T02:00:00.000Z',
    publishedByName: '赵督办',
  };

  it('on the first page when nothing was posted since', async () => {
    const t = await posted();
    await t.publishOk('2025-09', { note: '请各单位对照' });
    const page = await t.expectOk('post.list', { limit: 2 }, t.tok.repC);
    expect(page.notices).toEqual([notice]);
    expect(page.items.map((p) => p.createdAt)).toEqual([
      '2025-10-20T02:00:00.000Z',
      '2025-10-15T02:00:00.000Z',
    ]);
    // A unit's own feed carries no notices.
    expect((await t.expectOk('post.list', { unitId: 'A' }, t.tok.repC)).notices).toBeUndefined();
  });

  it.each([1, 2, 3])(
    'exactly once across the pages, on the page its time falls in (%i a page)',
    async (limit) => {
      const t = await spanned();
      const pages: Array<{ days: string[]; notices: string[] }> = [];
      let cursor: string | undefined;
      do {
        const page = await t.expectOk('post.list', { limit, ...(cursor ? { cursor } : {}) }, t.tok.leader);
        pages.push({
          days: page.items.map((p) => p.createdAt.slice(0, 10)),
          notices: (page.notices ?? []).map((n) => n.reviewId),
        });
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(pages.flatMap((p) => p.notices)).toEqual(['c1:2025-09:v1']);
      const holding = pages.find((p) => p.notices.length > 0)!;
      // Its page ends with a post older than the notice; the page before (if any) ends with a newer one.
      expect(holding.days.at(-1)! < '2025-11-03').toBe(true);
      const before = pages[pages.indexOf(holding) - 1];
      if (before) expect(before.days.at(-1)! > '2025-11-03').toBe(true);
    },
  );

  it('each version is a notice of its own, titled as a correction', async () => {
    const t = await spanned();
    await t.setMonthlyTarget('D', '2025-09', 6);
    t.at('2025-11-07');
    await t.publishOk('2025-09');
    const first = await t.expectOk('post.list', { limit: 1 }, t.tok.repA);
    expect(first.notices?.map((n) => [n.version, n.title, n.flaggedCount])).toEqual([
      [2, '2025年9月月度通报（更正版 第 2 版）', 2],
    ]);
  });
});

describe('review.export', () => {
  it('gives a published 通报 as an .xlsx workbook; an unpublished month is NOT_FOUND', async () => {
    const t = await posted();
    await t.publishOk('2025-09', { note: '请甲镇对照整改' });
    const file = await t.expectOk('review.export', { period: '2025-09' }, t.tok.repB);
    expect(file.fileName).toBe('三百竞赛（测试）-2025年9月通报.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // An .xlsx is a zip archive: it starts with "PK".
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const missing = await t.call('review.export', { period: '2025-10' }, t.tok.repB);
    expect(missing).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '2025年10月的通报尚未发布，不能导出。' },
    });
  });
});
