/**
 * 经验做法 and the 学 view through the API (issue 14): only supervisors and city leaders mark a post, with
 * a one-line reason, and can unmark it or mark it again; `learn.list` gives the marked posts newest mark
 * first (of a track when asked), page by page, and beside them the top three units of each division on the
 * board with their latest two posts, with their likes.
 */
import type { ActionInput, Result } from '../../contract';
import type { UserRecord } from '../ports';
import { campaign, rid, testArena, users } from '../../../tests/app/arena';
import { memoryStore } from '../../../tests/app/memory-store';

type Who = keyof typeof users | 'repE';
type UnitId = 'A' | 'B' | 'C' | 'D' | 'E';
const reporterOf: Record<UnitId, Who> = { A: 'repA', B: 'repB', C: 'repC', D: 'repD', E: 'repE' };

const codeOf = (r: Result<unknown>): string => (r.ok ? 'OK' : r.error.code);

/** A fourth town, so that 乡镇街道 has more units than the 学 view shows. */
const repE: UserRecord = {
  id: 'rep-e',
  name: '钱军',
  role: 'reporter',
  cityId: campaign.cityId,
  unitId: 'E',
  demo: true,
};

async function arena() {
  const t = await testArena(memoryStore());
  await t.store.campaigns.saveCampaign({
    ...campaign,
    units: [...campaign.units, { id: 'E', name: '戊镇', division: '乡镇街道' }],
    targets: [...campaign.targets, { unitId: 'E', metricId: 'm-invest', target: 10 }],
  });
  await t.store.people.putUser(repE);
  const tok = {} as Record<Who, string>;
  for (const who of Object.keys(users) as Array<keyof typeof users>) tok[who] = await t.login(users[who]);
  tok.repE = await t.login(repE);

  /** A post of the unit by its reporter, a minute after the last thing that happened. */
  const post = async (unit: UnitId, over: Partial<ActionInput<'post.create'>> = {}) => {
    t.advance(60_000);
    return (
      await t.expectOk(
        'post.create',
        { unitId: unit, text: '三个重点项目集中开工', requestId: rid(), ...over },
        tok[reporterOf[unit]],
      )
    ).post;
  };
  const mark = (postId: string, as: Who, reason = '项目推进的做法值得推广') => {
    t.advance(60_000);
    return t.call('post.exemplar', { postId, on: true, reason }, tok[as]);
  };
  const markOk = async (postId: string, as: Who = 'supervisor', reason?: string) => {
    const r = await mark(postId, as, reason);
    if (!r.ok) throw new Error(`post.exemplar failed: ${r.error.message}`);
    return r.data;
  };
  const learn = (over: ActionInput<'learn.list'> = {}, as: Who = 'repC') =>
    t.expectOk('learn.list', over, tok[as]);
  const learnIds = async (over: ActionInput<'learn.list'> = {}) =>
    (await learn(over)).exemplars.map((p) => p.id);
  return { ...t, tok, post, mark, markOk, learn, learnIds };
}

describe('post.exemplar: supervisors and city leaders only', () => {
  it.each([
    ['a reporter', 'repA', '填报员'],
    ['a unit leader', 'leadA', '单位负责人'],
    ['an admin', 'admin', '管理员'],
  ] as Array<[string, Who, string]>)(
    '%s may neither mark nor unmark: FORBIDDEN, in Chinese',
    async (_who, as, role) => {
      const t = await arena();
      const p = await t.post('A');
      await t.markOk(p.id);
      const refused = {
        ok: false,
        error: { code: 'FORBIDDEN', message: `${role}不能推荐经验做法：只有督办员或市领导可以。` },
      };
      expect(await t.mark(p.id, as)).toEqual(refused);
      expect(await t.call('post.exemplar', { postId: p.id, on: false }, t.tok[as])).toEqual(refused);
      // The supervisor's mark is still there, as it was.
      expect((await t.learn()).exemplars.map((x) => x.exemplar?.byName)).toEqual(['赵督办']);
    },
  );

  it.each([
    ['a supervisor', 'supervisor', '赵督办'],
    ['a city leader', 'leader', '孙市长'],
  ] as Array<[string, Who, string]>)(
    '%s marks a post, with the reason, and it shows in the feed',
    async (_who, as, name) => {
      const t = await arena();
      const p = await t.post('A');
      const answer = await t.markOk(p.id, as, '  用地报批提速的做法值得推广 ');
      const exemplar = { reason: '用地报批提速的做法值得推广', byName: name, at: '2025-10-10T02:02:00.000Z' };
      expect(answer).toEqual({ exemplar });
      const feed = (await t.expectOk('post.list', {}, t.tok.repB)).items;
      expect(feed.map((x) => [x.id, x.exemplar])).toEqual([[p.id, exemplar]]);
    },
  );

  it.each([
    ['no reason', undefined, 'reason：请用一句话写明推荐理由，如“用地报批提速的做法值得推广”。'],
    ['a blank reason', '   ', 'reason：请用一句话写明推荐理由，如“用地报批提速的做法值得推广”。'],
    ['a reason over 100 characters', '好'.repeat(101), 'reason：理由不能超过 100 字'],
  ])('marking with %s is refused, and nothing is marked', async (_what, reason, message) => {
    const t = await arena();
    const p = await t.post('A');
    const r = await t.call(
      'post.exemplar',
      { postId: p.id, on: true, ...(reason !== undefined ? { reason } : {}) },
      t.tok.supervisor,
    );
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
    expect(await t.learnIds()).toEqual([]);
    expect((await t.expectOk('post.list', {}, t.tok.repB)).items[0]?.exemplar).toBeNull();
  });

  it('unmarks without a reason: gone from 学 and from the feed; unmarking again is no error', async () => {
    const t = await arena();
    const p = await t.post('A');
    await t.markOk(p.id, 'supervisor');
    expect(await t.learnIds()).toEqual([p.id]);
    expect(await t.expectOk('post.exemplar', { postId: p.id, on: false }, t.tok.leader)).toEqual({
      exemplar: null,
    });
    expect(await t.learnIds()).toEqual([]);
    expect((await t.expectOk('post.list', {}, t.tok.repB)).items[0]?.exemplar).toBeNull();
    expect(await t.expectOk('post.exemplar', { postId: p.id, on: false }, t.tok.leader)).toEqual({
      exemplar: null,
    });
  });

  it('marking again replaces the mark: one exemplar, with the new reason, by whom and when, now the newest', async () => {
    const t = await arena();
    const first = await t.post('A');
    const second = await t.post('B');
    await t.markOk(first.id, 'supervisor', '开工快');
    await t.markOk(second.id, 'supervisor', '服务好');
    expect(await t.learnIds()).toEqual([second.id, first.id]);
    await t.markOk(first.id, 'leader', '开工快，要在全市推广');
    const { exemplars } = await t.learn();
    expect(exemplars.map((x) => [x.id, x.exemplar])).toEqual([
      [first.id, { reason: '开工快，要在全市推广', byName: '孙市长', at: '2025-10-10T02:05:00.000Z' }],
      [second.id, { reason: '服务好', byName: '赵督办', at: '2025-10-10T02:04:00.000Z' }],
    ]);
  });
});

describe('learn.list: the exemplars', () => {
  it('lists them newest mark first, whatever the age of the post, as feed posts with their reactions', async () => {
    const t = await arena();
    const old = await t.post('A');
    const mid = await t.post('B');
    const young = await t.post('C');
    await t.markOk(mid.id);
    await t.markOk(young.id);
    await t.markOk(old.id);
    await t.call('post.react', { postId: young.id, on: true }, t.tok.repC);
    await t.call('post.react', { postId: young.id, on: true }, t.tok.repD);
    await t.call('post.comment', { postId: old.id, text: '学习了', requestId: rid() }, t.tok.repD);
    const { exemplars } = await t.learn({}, 'repC');
    expect(exemplars.map((x) => [x.id, x.unitName, x.likes, x.likedByMe, x.comments])).toEqual([
      [old.id, '甲镇', 0, false, 1],
      [young.id, '丙平台', 2, true, 0],
      [mid.id, '乙镇', 0, false, 0],
    ]);
  });

  it('filters by the track of the post’s figures: 完成投资 is 百日攻坚, 不良贷款率 百日服务', async () => {
    const t = await arena();
    const build = await t.post('A', { figures: [{ metricId: 'm-invest', value: 3 }] });
    const serve = await t.post('C', { figures: [{ metricId: 'm-npl', value: 3.5 }] });
    const both = await t.post('A', {
      figures: [
        { metricId: 'm-invest', value: 4 },
        { metricId: 'm-npl', value: 3.3 },
      ],
    });
    const words = await t.post('B');
    for (const p of [build, serve, both, words]) await t.markOk(p.id);

    expect(await t.learnIds({ trackId: 't-build' })).toEqual([both.id, build.id]);
    expect(await t.learnIds({ trackId: 't-serve' })).toEqual([both.id, serve.id]);
    // A post of words only is in no track: it shows unfiltered only.
    expect(await t.learnIds()).toEqual([words.id, both.id, serve.id, build.id]);
  });

  it('an unknown track is NOT_FOUND', async () => {
    const t = await arena();
    const r = await t.call('learn.list', { trackId: 't-none' }, t.tok.repA);
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '子活动「t-none」不存在。' } });
  });

  it('pages them ten at a time, each once, newest mark first; later pages carry no leaders', async () => {
    const t = await arena();
    const posts = [];
    for (let i = 0; i < 12; i += 1) posts.push(await t.post((['A', 'B', 'C', 'D'] as const)[i % 4]!));
    for (const p of posts) await t.markOk(p.id);

    const first = await t.learn();
    expect(first.exemplars).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.learn({ cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect(second.leaders).toEqual([]);
    expect([...first.exemplars, ...second.exemplars].map((x) => x.id)).toEqual(
      posts.map((p) => p.id).reverse(),
    );
  });
});

describe('learn.list: the top three of each division, with what they did', () => {
  /**
   * The board: 乡镇街道 A (6/10 完成投资, 不良贷款率 3.0 of 3.2), D (3/4 签约项目), E (5/10), B (8/20);
   * C alone in 功能平台; 市发改局 has no targets and is not on it.
   */
  async function posted() {
    const t = await arena();
    const a1 = await t.post('A', { figures: [{ metricId: 'm-invest', value: 2 }], text: '第一批项目开工' });
    const a2 = await t.post('A', { figures: [{ metricId: 'm-invest', value: 4 }], text: '第二批项目开工' });
    const b1 = await t.post('B', { figures: [{ metricId: 'm-invest', value: 8 }] });
    const c1 = await t.post('C', { figures: [{ metricId: 'm-invest', value: 5 }] });
    const d1 = await t.post('D', { figures: [{ metricId: 'm-signed', value: 3 }] });
    const e1 = await t.post('E', { figures: [{ metricId: 'm-invest', value: 5 }] });
    const a3 = await t.post('A', {
      figures: [
        { metricId: 'm-invest', value: 6 },
        { metricId: 'm-npl', value: 3 },
      ],
      text: '第三批项目开工',
    });
    return { t, a1, a2, a3, b1, c1, d1, e1 };
  }

  it('follows the board: each division in its order, its first three units by division rank and score', async () => {
    const { t } = await posted();
    const board = (await t.expectOk('board.leaderboard', {}, t.tok.repC)).rows;
    const { leaders } = await t.learn();
    const divisions = [...new Set(board.map((r) => r.division))];
    expect(leaders.map((d) => d.division)).toEqual(divisions);
    for (const d of leaders) {
      const top = board.filter((r) => r.division === d.division).slice(0, 3);
      expect(d.units.map((u) => [u.unitId, u.unitName, u.rank, u.score])).toEqual(
        top.map((r) => [r.unitId, r.unitName, r.divisionRank, r.score]),
      );
    }
    // Four towns on the board, three shown: B, furthest behind, is left out.
    expect(board.map((r) => r.unitId)).toEqual(['A', 'D', 'E', 'B', 'C']);
    expect(leaders.map((d) => [d.division, d.units.map((u) => [u.unitId, u.rank])])).toEqual([
      [
        '乡镇街道',
        [
          ['A', 1],
          ['D', 2],
          ['E', 3],
        ],
      ],
      ['功能平台', [['C', 1]]],
    ]);
  });

  it('gives each unit its latest two posts, newest first, with their likes as the caller sees them', async () => {
    const { t, a2, a3, c1, d1, e1 } = await posted();
    await t.call('post.react', { postId: a3.id, on: true }, t.tok.repC);
    await t.call('post.react', { postId: a3.id, on: true }, t.tok.leader);
    await t.call('post.react', { postId: c1.id, on: true }, t.tok.leader);
    const { leaders } = await t.learn({}, 'repC');
    const shown = leaders.flatMap((d) =>
      d.units.map((u) => [u.unitId, u.posts.map((p) => [p.id, p.text, p.likes, p.likedByMe])]),
    );
    // A posted three times: its first post (a1) is left out.
    expect(shown).toEqual([
      [
        'A',
        [
          [a3.id, '第三批项目开工', 2, true],
          [a2.id, '第二批项目开工', 0, false],
        ],
      ],
      ['D', [[d1.id, '三个重点项目集中开工', 0, false]]],
      ['E', [[e1.id, '三个重点项目集中开工', 0, false]]],
      ['C', [[c1.id, '三个重点项目集中开工', 1, false]]],
    ]);
  });

  it('follows the track’s board when a track is asked', async () => {
    const { t } = await posted();
    await t.post('C', { figures: [{ metricId: 'm-npl', value: 3.1 }] });
    const board = (await t.expectOk('board.leaderboard', { trackId: 't-serve' }, t.tok.repC)).rows;
    const { leaders } = await t.learn({ trackId: 't-serve' });
    expect(leaders.flatMap((d) => d.units.map((u) => [d.division, u.unitId, u.rank, u.score]))).toEqual(
      [...new Set(board.map((r) => r.division))].flatMap((division) =>
        board
          .filter((r) => r.division === division)
          .slice(0, 3)
          .map((r) => [division, r.unitId, r.divisionRank, r.score]),
      ),
    );
    expect(leaders.length).toBeGreaterThan(0);
  });

  it('a unit with no posts is shown with none; the view answers before anyone posted', async () => {
    const t = await arena();
    const { exemplars, nextCursor, leaders } = await t.learn();
    expect(exemplars).toEqual([]);
    expect(nextCursor).toBeNull();
    for (const d of leaders) for (const u of d.units) expect(u.posts).toEqual([]);
    expect(codeOf(await t.call('learn.list', {}, t.tok.admin))).toBe('OK');
  });
});
