/**
 * Nothing of activity counts (DOMAIN.md "Nothing of activity counts", issue 14): a thousand likes, a
 * thousand comments and 点评 and exemplar marks on a campaign's posts change no number on the board, on any
 * unit's page, in its trend or in a month's 通报 — read from the cache the app keeps and from a fresh
 * computation alike. Then, property-based: any sequence of reactions leaves the board as it was.
 */
import fc from 'fast-check';
import type { ActionName, Result, Role } from '../../contract';
import type { UserRecord } from '../ports';
import { createArena } from '../router';
import { city, rid } from '../../../tests/app/arena';
import { reviewArena, type ReviewArena } from '../../../tests/app/reviews';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 25) || 25);
/** The units with targets: 市发改局 (L) has none and is not ranked. */
const UNITS = ['A', 'B', 'C', 'D'];

/** The test campaign's September and October posted (A, B, C and D); today 2025-11-03 in Shanghai. */
async function posted(): Promise<ReviewArena> {
  const t = await reviewArena({ settings: { rateLimitPerMinute: 0 } });
  await t.postMonths();
  await t.postOn('2025-10-28', 'A', 5, {
    figures: [
      { metricId: 'm-invest', value: 5 },
      { metricId: 'm-npl', value: 3.4 },
    ],
    text: '不良贷款率压降',
  });
  await t.postOn('2025-10-29', 'D', 5, {
    figures: [{ metricId: 'm-signed', value: 2 }],
    text: '新签约两个项目',
  });
  t.at('2025-11-03');
  return t;
}

/** Every number the app shows of the campaign, as `token` reads it through `handle`. */
async function numbers(t: ReviewArena, handle = t.arena.handle): Promise<Record<string, Result<unknown>>> {
  const read = (action: ActionName, data: Record<string, unknown>, token = t.tok.leader) =>
    handle({ action, data }, { token });
  const out: Record<string, Result<unknown>> = {};
  out.board = await read('board.leaderboard', {});
  for (const trackId of ['t-build', 't-serve'])
    out[`board ${trackId}`] = await read('board.leaderboard', { trackId });
  for (const division of ['乡镇街道', '功能平台'])
    out[`board ${division}`] = await read('board.leaderboard', { division });
  for (const unitId of UNITS) {
    out[`detail ${unitId}`] = await read('unit.detail', { unitId });
    out[`trend ${unitId}`] = await read('unit.trend', { unitId });
  }
  for (const period of ['2025-09', '2025-10'])
    out[`通报 ${period}`] = await read('review.draft', { period }, t.tok.supervisor);
  return out;
}

/** `n` more users of every role, written straight to the store, each with a session. */
async function crowd(t: ReviewArena, n: number): Promise<string[]> {
  const roles: Role[] = ['reporter', 'unit_leader', 'supervisor', 'leader', 'admin'];
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const role = roles[i % roles.length]!;
    const u: UserRecord = {
      id: `crowd-${i}`,
      name: `群众${i}`,
      role,
      cityId: city.id,
      unitId: role === 'reporter' || role === 'unit_leader' ? UNITS[i % 4]! : null,
      demo: true,
    };
    await t.store.people.putUser(u);
    tokens.push(await t.login(u));
  }
  return tokens;
}

const postIds = async (t: ReviewArena): Promise<string[]> =>
  (await t.expectOk('post.list', { limit: 50 }, t.tok.leader)).items.map((p) => p.id);

describe('a thousand likes and comments change no number', () => {
  it('leaves the board, every unit’s page and trend, and the months’ 通报 exactly as they were', async () => {
    const t = await posted();
    const before = await numbers(t);
    const version = await t.store.standings.dataVersion('c1');
    for (const r of Object.values(before)) expect(r.ok).toBe(true);

    const posts = await postIds(t);
    expect(posts).toHaveLength(10);
    const tokens = await crowd(t, 250);
    let likes = 0;
    let comments = 0;
    for (const [i, token] of tokens.entries()) {
      for (let k = 0; k < 4; k += 1) {
        const postId = posts[(i + k) % posts.length]!;
        const liked = await t.arena.handle({ action: 'post.react', data: { postId, on: true } }, { token });
        const said = await t.arena.handle(
          {
            action: 'post.comment',
            data: { postId, text: `第 ${i * 4 + k + 1} 条：学习了`, requestId: rid() },
          },
          { token },
        );
        if (liked.ok) likes += 1;
        if (said.ok) comments += 1;
      }
    }
    expect([likes, comments]).toEqual([1000, 1000]);
    for (const [k, postId] of posts.slice(0, 4).entries()) {
      const r = await t.call(
        'post.exemplar',
        { postId, on: true, reason: `第 ${k + 1} 条经验做法` },
        t.tok.supervisor,
      );
      expect(r.ok).toBe(true);
    }
    await t.call('post.exemplar', { postId: posts[0]!, on: false }, t.tok.leader);

    // The reactions are there to see…
    const feed = (await t.expectOk('post.list', { limit: 50 }, t.tok.leader)).items;
    expect(feed.reduce((sum, p) => sum + p.likes, 0)).toBe(1000);
    expect(feed.reduce((sum, p) => sum + p.comments, 0)).toBe(1000);
    expect(feed.filter((p) => p.exemplar !== null)).toHaveLength(3);
    // …and not one number moved: not as cached, not computed afresh, and the data version never stirred.
    expect(await numbers(t)).toEqual(before);
    expect(await numbers(t, createArena(t.deps).handle)).toEqual(before);
    expect(await t.store.standings.dataVersion('c1')).toBe(version);
  }, 120_000);
});

/** One reaction of a generated sequence. */
type Step =
  | { kind: 'react'; post: number; user: number; on: boolean }
  | { kind: 'comment'; post: number; user: number; text: string; replay: boolean }
  | { kind: 'exemplar'; post: number; user: number; on: boolean; reason: string };

const who = fc.nat({ max: 19 });
const which = fc.nat({ max: 9 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('react' as const), post: which, user: who, on: fc.boolean() }),
  fc.record({
    kind: fc.constant('comment' as const),
    post: which,
    user: who,
    text: fc.string({ minLength: 0, maxLength: 520 }),
    replay: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('exemplar' as const),
    post: which,
    user: who,
    on: fc.boolean(),
    reason: fc.string({ maxLength: 30 }),
  }),
);

describe('any sequence of reactions', () => {
  it('leaves board.leaderboard as it was', async () => {
    const answered = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const t = await posted();
        const board = async (handle = t.arena.handle) =>
          Promise.all(
            [{}, { trackId: 't-build' }, { trackId: 't-serve' }].map((data) =>
              handle({ action: 'board.leaderboard', data }, { token: t.tok.repA }),
            ),
          );
        const before = await board();
        const posts = await postIds(t);
        // Every role among them, so that some marks are refused: a refusal must move nothing either.
        const tokens = await crowd(t, 20);
        let lastRequest = rid();
        for (const s of steps) {
          const token = tokens[s.user]!;
          const postId = posts[s.post % posts.length]!;
          const data =
            s.kind === 'react'
              ? { postId, on: s.on }
              : s.kind === 'comment'
                ? { postId, text: s.text, requestId: s.replay ? lastRequest : (lastRequest = rid()) }
                : { postId, on: s.on, reason: s.reason };
          const action = `post.${s.kind}` as const;
          const r = await t.arena.handle({ action, data }, { token });
          expect(r.ok || r.error.code !== 'INTERNAL').toBe(true);
          answered[r.ok ? 'ok' : 'refused'] += 1;
        }
        expect(await board()).toEqual(before);
        expect(await board(createArena(t.deps).handle)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
    // The sequences did react (and some were refused): the property is not met by doing nothing.
    expect(answered.ok).toBeGreaterThan(0);
  }, 120_000);
});
