/**
 * Reactions on the feed through the API (issue 14): a 赞 counts once per user and can be taken back; a
 * comment is 1–500 characters and content-checked like a post; a city leader's is a 点评, listed first;
 * a retried comment is kept once and told once; the post's unit, its author and earlier commenters are
 * told in the app only, never on an external channel.
 */
import type { ContentGuard, Notifier, OutboundMessage } from '../ports';
import { campaign, rid, testArena, users, type TestArenaOptions } from '../../../tests/app/arena';
import { memoryStore } from '../../../tests/app/memory-store';
import type { Result } from '../../contract';

type Who = keyof typeof users;
type UnitId = 'A' | 'B' | 'C' | 'D';
const reporterOf: Record<UnitId, Who> = { A: 'repA', B: 'repB', C: 'repC', D: 'repD' };

const codeOf = (r: Result<unknown>): string => (r.ok ? 'OK' : r.error.code);
const messageOf = (r: Result<unknown>): string => (r.ok ? '' : r.error.message);

/** Words the test guard refuses outright, and words it publishes flagged for review. */
const guard: ContentGuard = {
  check: async (text) => ({
    verdict: text.includes('违禁') ? 'risky' : text.includes('待审') ? 'review' : 'pass',
  }),
};

async function arena(options: TestArenaOptions = {}) {
  const sent: OutboundMessage[] = [];
  const webhook: Notifier = { channel: 'webhook', send: async (m) => (sent.push(m), 'sent') };
  const t = await testArena(memoryStore(), { ports: { guard, notifiers: [webhook] }, ...options });
  const tok = {} as Record<Who, string>;
  for (const who of Object.keys(users) as Who[]) tok[who] = await t.login(users[who]);

  /** A post of the unit by its reporter (text only unless figures are given). */
  const post = async (unit: UnitId = 'A', text = '三个重点项目集中开工') =>
    (await t.expectOk('post.create', { unitId: unit, text, requestId: rid() }, tok[reporterOf[unit]])).post;
  const react = (postId: string, on: boolean, as: Who) => t.call('post.react', { postId, on }, tok[as]);
  const comment = (postId: string, text: string, as: Who, requestId = rid()) =>
    t.call('post.comment', { postId, text, requestId }, tok[as]);
  const commentOk = async (postId: string, text: string, as: Who, requestId = rid()) =>
    (await t.expectOk('post.comment', { postId, text, requestId }, tok[as])).comment;
  const feedOf = async (as: Who) => (await t.expectOk('post.list', {}, tok[as])).items;
  /** Who was told of comments in the app, and how many times each. */
  const told = async (): Promise<Partial<Record<Who, number>>> => {
    const out: Partial<Record<Who, number>> = {};
    for (const who of Object.keys(users) as Who[]) {
      const page = await t.store.notifications.listNotifications({ userId: users[who].id, limit: 50 });
      const n = page.items.filter((x) => x.kind === 'comment').length;
      if (n > 0) out[who] = n;
    }
    return out;
  };
  return { ...t, tok, sent, post, react, comment, commentOk, feedOf, told };
}

describe('post.react: a 赞 once per user, or taken back', () => {
  it('liking twice counts once, taking it back counts none, and post.list tells each caller its own', async () => {
    const t = await arena();
    const p = await t.post();
    expect(await t.react(p.id, true, 'repB')).toEqual({ ok: true, data: { likes: 1, likedByMe: true } });
    expect(await t.react(p.id, true, 'repB')).toEqual({ ok: true, data: { likes: 1, likedByMe: true } });
    expect(await t.react(p.id, true, 'leader')).toEqual({ ok: true, data: { likes: 2, likedByMe: true } });

    const mine = async (as: Who) => (await t.feedOf(as)).map((x) => [x.likes, x.likedByMe]);
    expect(await mine('repB')).toEqual([[2, true]]);
    expect(await mine('leader')).toEqual([[2, true]]);
    expect(await mine('repC')).toEqual([[2, false]]);

    expect(await t.react(p.id, false, 'repB')).toEqual({ ok: true, data: { likes: 1, likedByMe: false } });
    expect(await t.react(p.id, false, 'repB')).toEqual({ ok: true, data: { likes: 1, likedByMe: false } });
    // Taking back a like one never gave changes nothing either.
    expect(await t.react(p.id, false, 'repC')).toEqual({ ok: true, data: { likes: 1, likedByMe: false } });
    expect(await mine('repB')).toEqual([[1, false]]);
    expect(await mine('leader')).toEqual([[1, true]]);
  });

  it('each post keeps its own likes', async () => {
    const t = await arena();
    const first = await t.post('A');
    const second = await t.post('B');
    await t.react(first.id, true, 'repC');
    await t.react(first.id, true, 'repD');
    await t.react(second.id, true, 'repD');
    const feed = await t.feedOf('repD');
    expect(feed.map((x) => [x.id, x.likes, x.likedByMe])).toEqual([
      [second.id, 1, true],
      [first.id, 2, true],
    ]);
  });

  it('an unknown post, or a post of another campaign, is NOT_FOUND, in Chinese, and nothing is written', async () => {
    const t = await arena();
    await t.store.campaigns.saveCampaign({
      ...campaign,
      campaign: { ...campaign.campaign, id: 'c2', name: '另一竞赛' },
    });
    const other = (
      await t.expectOk(
        'post.create',
        { campaignId: 'c2', unitId: 'A', text: '另一竞赛的动态', requestId: rid() },
        t.tok.repA,
      )
    ).post;

    for (const postId of ['no-such-post', other.id]) {
      const answers = [
        await t.react(postId, true, 'repB'),
        await t.comment(postId, '学习了', 'repB'),
        await t.call('post.comments', { postId }, t.tok.repB),
        await t.call('post.exemplar', { postId, on: true, reason: '做法值得推广' }, t.tok.supervisor),
      ];
      for (const r of answers) {
        expect(codeOf(r)).toBe('NOT_FOUND');
        expect(messageOf(r)).toBe(`没有找到这条动态（${postId}），它可能属于别的竞赛。`);
      }
    }
    const social = await t.store.social.socialOf('c2', [other.id], users.repB.id);
    expect(social.get(other.id) ?? { likes: 0, comments: 0, exemplar: null }).toMatchObject({
      likes: 0,
      comments: 0,
      exemplar: null,
    });
    expect(await t.told()).toEqual({});
    // In its own campaign the post is there to like.
    expect(await t.call('post.react', { campaignId: 'c2', postId: other.id, on: true }, t.tok.repB)).toEqual({
      ok: true,
      data: { likes: 1, likedByMe: true },
    });
  });
});

describe('post.comment: 1–500 characters, content-checked like a post', () => {
  it.each([
    ['empty', '', 'text：请填写评论'],
    ['only spaces', '  \n\t ', 'text：请填写评论'],
    ['501 characters', '好'.repeat(501), 'text：评论不能超过 500 字'],
  ])('%s is refused in Chinese; nothing is kept and nobody told', async (_what, text, message) => {
    const t = await arena();
    const p = await t.post();
    expect(await t.comment(p.id, text, 'repB')).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message },
    });
    expect(await t.store.social.listComments('c1', p.id)).toEqual([]);
    expect(await t.told()).toEqual({});
  });

  it('takes 500 characters, as written, and answers it as the API shows comments', async () => {
    const t = await arena();
    const p = await t.post();
    const text = '经'.repeat(500);
    const c = await t.commentOk(p.id, text, 'repB');
    expect(c).toEqual({
      id: expect.any(String),
      postId: p.id,
      authorId: 'rep-b',
      authorName: '李娜',
      authorRole: 'reporter',
      text,
      remark: false,
      createdAt: '2025-10-10T02:00:00.000Z',
    });
    expect((await t.expectOk('post.comments', { postId: p.id }, t.tok.repC)).items).toEqual([c]);
    expect((await t.feedOf('repC'))[0]?.comments).toBe(1);
  });

  it('refuses text the content check finds risky, keeping nothing and telling nobody', async () => {
    const t = await arena();
    const p = await t.post();
    expect(await t.comment(p.id, '这里有违禁内容', 'repB')).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '内容含有不适宜发布的信息，请修改后再发' },
    });
    expect(await t.store.social.listComments('c1', p.id)).toEqual([]);
    expect(await t.told()).toEqual({});
  });

  it('publishes text the check sends for review, flagged for a supervisor', async () => {
    const t = await arena();
    const p = await t.post();
    const c = await t.commentOk(p.id, '此条待审', 'repB');
    expect((await t.expectOk('post.comments', { postId: p.id }, t.tok.repC)).items.map((x) => x.id)).toEqual([
      c.id,
    ]);
    expect((await t.store.social.listComments('c1', p.id)).map((x) => x.flagged)).toEqual([true]);
    expect(await t.told()).toMatchObject({ repA: 1 });
  });

  it('asks the content check about the comment, for the one who wrote it', async () => {
    const asked: Array<[string, string]> = [];
    const t = await arena({
      ports: { guard: { check: async (text, who) => (asked.push([text, who.userId]), { verdict: 'pass' }) } },
    });
    const p = await t.post();
    asked.length = 0;
    await t.commentOk(p.id, '  学习了  ', 'repB');
    expect(asked).toEqual([['学习了', 'rep-b']]);
  });
});

describe('点评: a city leader’s comment, shown first and marked', () => {
  it('marks the leader’s comments remark and lists them first, then the others, each oldest first', async () => {
    const t = await arena();
    const p = await t.post();
    const b = await t.commentOk(p.id, '学习了', 'repB');
    t.advance(60_000);
    const l1 = await t.commentOk(p.id, '做法很好，值得推广', 'leader');
    t.advance(60_000);
    const s = await t.commentOk(p.id, '请继续跟进', 'supervisor');
    t.advance(60_000);
    const l2 = await t.commentOk(p.id, '请市发改局总结经验', 'leader');
    t.advance(60_000);
    const c = await t.commentOk(p.id, '向甲镇学习', 'repC');

    expect([b, l1, s, l2, c].map((x) => x.remark)).toEqual([false, true, false, true, false]);
    const { items, nextCursor } = await t.expectOk('post.comments', { postId: p.id }, t.tok.repD);
    expect(items.map((x) => x.id)).toEqual([l1.id, l2.id, b.id, s.id, c.id]);
    expect(items[0]).toMatchObject({ authorRole: 'leader', authorName: '孙市长', remark: true });
    expect(nextCursor).toBeNull();
  });

  it('pages the comments 50 at a time, each once, 点评 still first', async () => {
    const t = await arena();
    const p = await t.post();
    const plain = [];
    for (let i = 0; i < 60; i += 1) {
      plain.push(await t.commentOk(p.id, `第 ${i + 1} 条评论`, i % 2 === 0 ? 'repB' : 'repC'));
      t.advance(1_000);
    }
    const remark = await t.commentOk(p.id, '各单位要学习', 'leader');

    const first = await t.expectOk('post.comments', { postId: p.id }, t.tok.repD);
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.expectOk('post.comments', { postId: p.id, cursor: first.nextCursor! }, t.tok.repD);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((x) => x.id)).toEqual([
      remark.id,
      ...plain.map((x) => x.id),
    ]);
    expect((await t.feedOf('repD'))[0]?.comments).toBe(61);
  });
});

describe('post.comment sent again with its requestId', () => {
  it('answers the first comment, keeps one, and tells nobody twice', async () => {
    const t = await arena();
    const p = await t.post();
    const requestId = rid();
    const first = await t.commentOk(p.id, '学习了', 'repB', requestId);
    t.advance(5_000);
    const again = await t.commentOk(p.id, '学习了', 'repB', requestId);
    expect(again).toEqual(first);
    expect(await t.store.social.listComments('c1', p.id)).toHaveLength(1);
    expect(await t.told()).toEqual({ repA: 1, leadA: 1, real: 1 });
  });

  it('is another user’s own request: the same requestId from two users is two comments', async () => {
    const t = await arena();
    const p = await t.post();
    const requestId = rid();
    const b = await t.commentOk(p.id, '学习了', 'repB', requestId);
    const c = await t.commentOk(p.id, '学习了', 'repC', requestId);
    expect(c.id).not.toBe(b.id);
    expect(await t.store.social.listComments('c1', p.id)).toHaveLength(2);
  });
});

describe('who is told of a comment: in the app only', () => {
  it('tells the post’s unit staff, its author and earlier commenters, never the commenter, with the unit as subject', async () => {
    const t = await arena();
    const p = await t.post('A');
    await t.commentOk(p.id, '向甲镇学习', 'repC');
    expect(await t.told()).toEqual({ repA: 1, leadA: 1, real: 1 });

    const c = await t.commentOk(p.id, '学习了，很有启发', 'repB');
    // C commented before: told now; B, who wrote it, is not.
    expect(await t.told()).toEqual({ repA: 2, leadA: 2, real: 2, repC: 1 });

    const inbox = await t.expectOk('notify.list', { limit: 50 }, t.tok.repC);
    expect(inbox.items).toEqual([
      {
        id: expect.any(String),
        kind: 'comment',
        title: '李娜评论了「甲镇」的动态',
        body: '评论：学习了，很有启发',
        subjectId: 'A',
        createdAt: c.createdAt,
        readAt: null,
      },
    ]);
    expect(inbox.unread).toBe(1);
    // Stored for the app, sent on no channel.
    expect(t.sent).toEqual([]);
    const stored = await t.store.notifications.listNotifications({ userId: users.repA.id, limit: 50 });
    expect(stored.items.map((n) => [n.kind, n.subjectId, n.channels])).toEqual([
      ['comment', 'A', {}],
      ['comment', 'A', {}],
    ]);
  });

  it('does not tell the author of their own comment, and names a leader’s a 点评', async () => {
    const t = await arena();
    const p = await t.post('B');
    await t.commentOk(p.id, '我们会继续努力', 'repB');
    expect(await t.told()).toEqual({});

    await t.commentOk(p.id, '乙镇的做法要总结推广', 'leader');
    expect(await t.told()).toEqual({ repB: 1 });
    const [n] = (await t.store.notifications.listNotifications({ userId: users.repB.id, limit: 5 })).items;
    expect(n).toMatchObject({
      title: '孙市长点评了「乙镇」的动态',
      body: '点评：乙镇的做法要总结推广',
      subjectId: 'B',
    });
    expect(t.sent).toEqual([]);
  });

  it('shortens a long comment in the notice', async () => {
    const t = await arena();
    const p = await t.post('A');
    await t.commentOk(p.id, '好'.repeat(61), 'repB');
    const [n] = (await t.store.notifications.listNotifications({ userId: users.repA.id, limit: 5 })).items;
    expect(n?.body).toBe(`评论：${'好'.repeat(60)}…`);
  });
});
