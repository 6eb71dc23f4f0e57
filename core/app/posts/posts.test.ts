import { memoryStore } from '../../../tests/app/memory-store';
import type { UserRecord } from '../ports';
import { rid, testArena, users } from '../../../tests/app/arena';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);

async function withUser(u: UserRecord) {
  // Any photo counts as the poster's own here: ./photos.test.ts tests that rule.
  const t = await testArena(memoryStore(), { ports: { photoRefs: { owns: async () => true } } });
  return { t, token: await t.login(u) };
}

const post = <V>(figures: Array<{ metricId: string; value: V }>, extra: Record<string, unknown> = {}) => ({
  unitId: 'A',
  figures,
  text: '',
  requestId: rid(),
  ...extra,
});

describe('post.create: who may post', () => {
  const cases: Array<[string, UserRecord, string, string]> = [
    ['a reporter of the unit', users.repA, 'A', 'OK'],
    ['a unit leader of the unit', users.leadA, 'A', 'OK'],
    ['a reporter of another unit', users.repB, 'A', 'FORBIDDEN'],
    ['a supervisor', users.supervisor, 'A', 'FORBIDDEN'],
    ['a city leader', users.leader, 'A', 'FORBIDDEN'],
    ['an admin', users.admin, 'A', 'FORBIDDEN'],
    ['a reporter bound to no unit', users.loose, 'A', 'FORBIDDEN'],
  ];
  it.each(cases)('%s → %s', async (_who, u, unitId, expected) => {
    const { t, token } = await withUser(u);
    const r = await t.call('post.create', post([{ metricId: 'm-invest', value: 1 }], { unitId }), token);
    expect(codeOf(r)).toBe(expected);
    expect((await t.store.posts.listPosts({ campaignId: 'c1', limit: 5 })).items).toHaveLength(
      expected === 'OK' ? 1 : 0,
    );
  });

  it('tells a reporter of another unit which unit is theirs', async () => {
    const { t, token } = await withUser(users.repB);
    const r = await t.call('post.create', post([{ metricId: 'm-invest', value: 1 }]), token);
    expect(errorOf(r)?.message).toBe('只能为本单位晒进度：你属于「乙镇」，不能为「甲镇」发布。');
  });

  it('tells a supervisor that only the unit posts its figures', async () => {
    const { t, token } = await withUser(users.supervisor);
    const r = await t.call('post.create', post([], { text: '督查' }), token);
    expect(errorOf(r)?.message).toContain('督办员不能晒进度');
  });

  it('answers NOT_FOUND for an unknown unit', async () => {
    const { t, token } = await withUser(users.repA);
    expect(codeOf(await t.call('post.create', post([], { unitId: 'X', text: '进展' }), token))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('post.create: what a post holds', () => {
  const invalid: Array<[string, Record<string, unknown>, string]> = [
    [
      'a value of the wrong type',
      post([{ metricId: 'm-invest', value: '12' }]),
      'figures.0.value：数值应为数字',
    ],
    ['an infinite value', post([{ metricId: 'm-invest', value: Infinity }]), 'figures.0.value：数值应为数字'],
    ['a negative value', post([{ metricId: 'm-invest', value: -0.5 }]), 'figures.0.value：数值不能小于 0'],
    [
      'a value over 1e9',
      post([{ metricId: 'm-invest', value: 1e9 + 1 }]),
      'figures.0.value：数值不能超过 10 亿',
    ],
    [
      'an unknown metric',
      post([{ metricId: 'm-none', value: 1 }]),
      'figures.0.metricId：指标「m-none」不存在。',
    ],
    [
      'a metric the unit has no target for',
      post([{ metricId: 'm-signed', value: 1 }]),
      'figures.0.metricId：本单位没有「签约项目」的目标，不能填报该指标。',
    ],
    [
      'the same metric twice',
      post([
        { metricId: 'm-invest', value: 1 },
        { metricId: 'm-invest', value: 2 },
      ]),
      'figures.1.metricId：「完成投资」在一条动态中只能填报一次。',
    ],
    ['neither figures nor text', post([], { text: '   ' }), '请至少填写一个指标数值，或写几句进展。'],
    ['text over 2000 characters', post([], { text: '进'.repeat(2001) }), 'text：正文不能超过 2000 字'],
    ['no requestId', { unitId: 'A', figures: [], text: '进展' }, 'requestId：缺少请求编号 requestId'],
    [
      'figures that are not a list',
      post([], { figures: { metricId: 'm-invest' }, text: '进展' }),
      'figures：',
    ],
  ];
  it.each(invalid)('refuses %s as INVALID_ARGUMENT', async (_what, data, message) => {
    const { t, token } = await withUser(users.repA);
    const r = await t.call('post.create', data, token);
    expect(errorOf(r)).toEqual({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(message) });
    expect(await t.store.standings.dataVersion('c1')).toBe(1); // only the campaign save
  });

  it('accepts exactly 2000 characters of text without figures', async () => {
    const { t, token } = await withUser(users.repA);
    const out = await t.expectOk(
      'post.create',
      { unitId: 'A', figures: [], text: '进'.repeat(2000), requestId: rid() },
      token,
    );
    expect(out.post.figures).toEqual([]);
  });

  it('answers with the contract Post: unit name, author, time from the clock, previous values', async () => {
    const { t, token } = await withUser(users.repA);
    const first = await t.expectOk(
      'post.create',
      post([{ metricId: 'm-invest', value: 4 }], { text: '开工', photos: ['p/1.jpg'] }),
      token,
    );
    expect(first.post).toEqual({
      id: expect.any(String),
      unitId: 'A',
      unitName: '甲镇',
      authorId: 'rep-a',
      authorName: '王芳',
      createdAt: '2025-10-10T02:00:00.000Z',
      figures: [{ metricId: 'm-invest', value: 4, previous: null }],
      text: '开工',
      photos: ['p/1.jpg'],
      correctionReason: null,
    });
    t.advance(3_600_000);
    const second = await t.expectOk(
      'post.create',
      post([
        { metricId: 'm-invest', value: 5.5 },
        { metricId: 'm-npl', value: 3.1 },
      ]),
      token,
    );
    expect(second.post.figures).toEqual([
      { metricId: 'm-invest', value: 5.5, previous: 4 },
      { metricId: 'm-npl', value: 3.1, previous: null },
    ]);
  });

  it('files a post at 16:30Z under the next Shanghai day', async () => {
    const { t, token } = await withUser(users.repA);
    t.setNow('2025-10-10T16:30:00Z');
    await t.expectOk('post.create', post([{ metricId: 'm-invest', value: 2 }]), token);
    expect(await t.store.standings.latestFigures('c1')).toEqual([
      { unitId: 'A', metricId: 'm-invest', value: 2, day: '2025-10-11' },
    ]);
  });
});

describe('post.create: figures nobody can have (core/domain/figure-range.ts)', () => {
  /** Nothing of the post was written: no post, no figure, the data version unchanged. */
  async function expectNothingWritten(t: Awaited<ReturnType<typeof withUser>>['t'], version: number) {
    expect((await t.store.posts.listPosts({ campaignId: 'c1', limit: 5 })).items).toEqual([]);
    expect(await t.store.standings.latestFigures('c1')).toEqual([]);
    expect(await t.store.standings.dataVersion('c1')).toBe(version);
  }

  it('refuses 999 999 999 on a % metric as INVALID_ARGUMENT naming the range, and writes nothing', async () => {
    const { t, token } = await withUser(users.repA);
    const version = await t.store.standings.dataVersion('c1');
    const r = await t.call(
      'post.create',
      post([{ metricId: 'm-npl', value: 999_999_999 }], { text: '进展' }),
      token,
    );
    expect(errorOf(r)).toEqual({
      code: 'INVALID_ARGUMENT',
      message:
        'figures.0.value：「不良贷款率」应在 0–1000% 之间（百分数），你填的是 999999999%。请填写百分数的数字部分，如 85% 填 85。',
    });
    await expectNothingWritten(t, version);
  });

  it('refuses 亿元 typed in 万元, naming the range, the target and the number meant', async () => {
    const { t, token } = await withUser(users.repA); // 甲镇: 完成投资 target 10 亿元
    const version = await t.store.standings.dataVersion('c1');
    const r = await t.call('post.create', post([{ metricId: 'm-invest', value: 35_000 }]), token);
    expect(errorOf(r)).toEqual({
      code: 'INVALID_ARGUMENT',
      message:
        'figures.0.value：「完成投资」应在 0–1000 亿元 之间（不超过目标 10 亿元 的 100 倍），你填的是 35000 亿元。' +
        '请按「亿元」填写：若 35000 是按万元计的，应填 3.5。',
    });
    await expectNothingWritten(t, version);
  });

  it('writes none of a post whose other figures are fine', async () => {
    const { t, token } = await withUser(users.repA);
    const version = await t.store.standings.dataVersion('c1');
    const r = await t.call(
      'post.create',
      post([
        { metricId: 'm-invest', value: 4 },
        { metricId: 'm-npl', value: 1000.5 },
      ]),
      token,
    );
    expect(errorOf(r)?.message).toMatch(/^figures\.1\.value：「不良贷款率」应在 0–1000% 之间/);
    await expectNothingWritten(t, version);
  });

  it('takes the edges of the default ranges: 1000 % and 100 × the target', async () => {
    const { t, token } = await withUser(users.repA);
    const out = await t.expectOk(
      'post.create',
      post([
        { metricId: 'm-invest', value: 1_000 },
        { metricId: 'm-npl', value: 1_000 },
      ]),
      token,
    );
    expect(out.post.figures.map((f) => f.value)).toEqual([1_000, 1_000]);
  });

  it('uses the range the campaign set for a metric, in place of the default', async () => {
    // The SQLite store keeps no metric range yet (the CloudBase one stores the metric whole): the campaign
    // is served with ranges set, as a store that keeps them would load it.
    const base = memoryStore();
    const ranges: Record<string, { min: number; max: number }> = {
      'm-npl': { min: 0, max: 20 },
      'm-invest': { min: 0, max: 5_000 },
    };
    const store = {
      ...base,
      campaigns: {
        ...base.campaigns,
        loadCampaign: async (id: string) => {
          const data = await base.campaigns.loadCampaign(id);
          return data && { ...data, metrics: data.metrics.map((m) => ({ ...m, range: ranges[m.id] })) };
        },
      },
    };
    const t = await testArena(store, { ports: { photoRefs: { owns: async () => true } } });
    const token = await t.login(users.repA);
    const version = await t.store.standings.dataVersion('c1');
    const r = await t.call('post.create', post([{ metricId: 'm-npl', value: 25 }]), token);
    expect(errorOf(r)).toEqual({
      code: 'INVALID_ARGUMENT',
      message:
        'figures.0.value：「不良贷款率」应在 0–20% 之间（本竞赛为该指标设定的范围），你填的是 25%。请核对数值。',
    });
    await expectNothingWritten(t, version);
    // Above the default 100 × 10 亿元, within the campaign's 5000.
    await t.expectOk('post.create', post([{ metricId: 'm-invest', value: 3_000 }]), token);
  });
});

describe('post.create: running totals only grow', () => {
  it('refuses a cumulative figure below the latest as CONFLICT, naming the latest value', async () => {
    const { t, token } = await withUser(users.repA);
    await t.expectOk('post.create', post([{ metricId: 'm-invest', value: 6 }]), token);
    const r = await t.call('post.create', post([{ metricId: 'm-invest', value: 5 }]), token);
    expect(errorOf(r)).toEqual({
      code: 'CONFLICT',
      message: expect.stringContaining('「完成投资」最新累计值为 6亿元'),
    });
    expect(errorOf(r)?.message).toContain('更正原因');
    expect(await t.store.standings.latestFigures('c1')).toEqual([expect.objectContaining({ value: 6 })]);
  });

  it('refuses a lowered count for its own unit too', async () => {
    const { t, token } = await withUser(users.repD);
    await t.expectOk('post.create', post([{ metricId: 'm-signed', value: 3 }], { unitId: 'D' }), token);
    expect(
      codeOf(await t.call('post.create', post([{ metricId: 'm-signed', value: 2 }], { unitId: 'D' }), token)),
    ).toBe('CONFLICT');
  });

  it('records a correction when a reason is given', async () => {
    const { t, token } = await withUser(users.leadA);
    await t.expectOk('post.create', post([{ metricId: 'm-invest', value: 6 }]), token);
    const out = await t.expectOk(
      'post.create',
      post([{ metricId: 'm-invest', value: 5 }], { correctionReason: '上次多填了 1 亿元' }),
      token,
    );
    expect(out.post.correctionReason).toBe('上次多填了 1 亿元');
    expect(out.post.figures).toEqual([{ metricId: 'm-invest', value: 5, previous: 6 }]);
  });

  it('lets a rate go down without a reason', async () => {
    const { t, token } = await withUser(users.repA);
    await t.expectOk('post.create', post([{ metricId: 'm-npl', value: 3.3 }]), token);
    expect(codeOf(await t.call('post.create', post([{ metricId: 'm-npl', value: 3.0 }]), token))).toBe('OK');
  });
});

describe('post.create: a retried request', () => {
  it('returns the first post and writes nothing', async () => {
    const { t, token } = await withUser(users.repA);
    const data = post([{ metricId: 'm-invest', value: 2 }], { text: '第一次' });
    const first = await t.expectOk('post.create', data, token);
    const version = await t.store.standings.dataVersion('c1');
    t.advance(5_000);
    const again = await t.expectOk('post.create', data, token);
    expect(again).toEqual(first);
    expect(await t.store.standings.dataVersion('c1')).toBe(version);
    expect((await t.store.posts.listPosts({ campaignId: 'c1', limit: 5 })).items).toHaveLength(1);
    expect(await t.store.standings.latestFigures('c1')).toEqual([expect.objectContaining({ value: 2 })]);
  });

  it('refuses other content under a used requestId, in Chinese, and writes nothing', async () => {
    const { t, token } = await withUser(users.repA);
    const data = post([{ metricId: 'm-invest', value: 2 }], { text: '第一次' });
    await t.expectOk('post.create', data, token);
    const version = await t.store.standings.dataVersion('c1');
    for (const other of [
      { ...data, figures: [{ metricId: 'm-invest', value: 9 }] },
      { ...data, text: '重发' },
    ]) {
      const r = await t.call('post.create', other, token);
      expect(r).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: '这条动态的请求编号已用于另一条内容：请重新发布。' },
      });
    }
    expect(await t.store.standings.dataVersion('c1')).toBe(version);
    expect((await t.store.posts.listPosts({ campaignId: 'c1', limit: 5 })).items).toHaveLength(1);
  });
});

describe('post.list', () => {
  it('pages the feed newest first, filters by unit, and defaults to 20', async () => {
    const t = await testArena(memoryStore());
    const a = await t.login(users.repA);
    const b = await t.login(users.repB);
    for (let i = 0; i < 23; i += 1) {
      t.advance(60_000);
      await t.expectOk(
        'post.create',
        { unitId: i % 2 ? 'A' : 'B', figures: [], text: `第${i}条`, requestId: rid() },
        i % 2 ? a : b,
      );
    }
    const p1 = await t.expectOk('post.list', {}, a);
    expect(p1.items).toHaveLength(20);
    expect(p1.items[0]?.text).toBe('第22条');
    expect(p1.items[0]?.unitName).toBe('乙镇');
    const p2 = await t.expectOk('post.list', { cursor: p1.nextCursor ?? '' }, a);
    expect(p2.items.map((p) => p.text)).toEqual(['第2条', '第1条', '第0条']);
    expect(p2.nextCursor).toBeNull();

    const mine = await t.expectOk('post.list', { unitId: 'A', limit: 50 }, a);
    expect(mine.items).toHaveLength(11);
    expect(mine.items.every((p) => p.unitId === 'A')).toBe(true);
  });

  it('answers NOT_FOUND for an unknown unit', async () => {
    const { t, token } = await withUser(users.leader);
    expect(codeOf(await t.call('post.list', { unitId: 'X' }, token))).toBe('NOT_FOUND');
  });
});

describe('post.create: concurrent posts to one unit', () => {
  it('lands all 20, each figure’s previous being the one committed before it (no lost update)', async () => {
    const t = await testArena(memoryStore());
    const tokens = [await t.login(users.repA), await t.login(users.leadA)];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.expectOk('post.create', post([{ metricId: 'm-npl', value: i + 1 }]), tokens[i % 2]),
      ),
    );
    const next = new Map(results.map((r) => [r.post.figures[0]?.previous ?? null, r.post.figures[0]?.value]));
    const chain: unknown[] = [];
    for (let at = next.get(null); at !== undefined; at = next.get(at)) chain.push(at);
    expect(chain).toHaveLength(20);
    expect(await t.store.standings.latestFigures('c1')).toEqual([
      expect.objectContaining({ value: chain[19] }),
    ]);
  });
});

describe('post.create after the end day (DOMAIN.md "Settled details")', () => {
  it('takes final figures for 15 days after the end and counts them as of the end day', async () => {
    const { t, token } = await withUser(users.repA);
    t.setNow('2025-12-20T02:00:00Z'); // 11 days after 2025-12-09
    const r = await t.call('post.create', post([{ metricId: 'm-invest', value: 9 }]), token);
    expect(codeOf(r)).toBe('OK');
    const [stored] = (await t.store.posts.listPosts({ campaignId: 'c1', limit: 5 })).items;
    expect(stored?.day).toBe('2025-12-09');
    expect(await t.store.standings.figuresAsOf('c1', '2025-12-09')).toContainEqual(
      expect.objectContaining({ unitId: 'A', metricId: 'm-invest', value: 9 }),
    );
  });

  it('refuses any post once the late window has passed, says why in Chinese, and writes nothing', async () => {
    const { t, token } = await withUser(users.repA);
    t.setNow('2025-12-25T02:00:00Z'); // 16 days after the end
    const r = await t.call('post.create', post([{ metricId: 'm-invest', value: 9 }]), token);
    expect(codeOf(r)).toBe('CONFLICT');
    expect(errorOf(r)?.message).toBe(
      '「三百竞赛（测试）」已于 2025-12-09 结束，结束后 15 天内可补报最终数据，现已截止，只能查看。',
    );
    expect((await t.store.posts.listPosts({ campaignId: 'c1', limit: 5 })).items).toHaveLength(0);
    // Reading stays open.
    expect(codeOf(await t.call('board.leaderboard', {}, token))).toBe('OK');
  });
});
