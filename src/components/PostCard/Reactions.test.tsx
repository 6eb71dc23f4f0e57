import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Comment, User } from '../../../core/contract';
import { networkError } from '../../api/errors';
import { setSession } from '../../api/session';
import { arena, makePost } from '../../testing/fixtures';
import { users } from '../../testing/tasks-fixtures';
import PostCard from '.';
import { calls, held, ok, refuse, serve } from './testing';

jest.mock('../../api/transport', () => ({ transport: jest.fn() }));

const now = Date.parse('2025-02-10T02:03:00.000Z');
let toast: jest.SpyInstance;
let modal: jest.SpyInstance;
beforeEach(() => {
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
});
afterEach(() => jest.restoreAllMocks());

function comment(over: Partial<Comment> = {}): Comment {
  return {
    id: 'c1',
    postId: 'p1',
    authorId: 'r2',
    authorName: '李娜',
    authorRole: 'reporter',
    text: '这个做法值得学习',
    remark: false,
    createdAt: '2025-02-10T02:01:00.000Z',
    ...over,
  };
}

function card(user: User | null, over: Parameters<typeof makePost>[0] = {}) {
  setSession(user ? 'tok' : null, user);
  return render(<PostCard post={makePost(over)} arena={arena} now={now} />);
}

const like = () => screen.getByTestId('like');

/** Taro's browser textarea and input draw their inner element a tick after mounting. */
async function typeIn(testId: string, selector: 'textarea' | 'input', value: string) {
  const el = await waitFor(() => {
    const inner = screen.getByTestId(testId).querySelector(selector);
    if (!inner) throw new Error(`no ${selector} yet`);
    return inner;
  });
  fireEvent.input(el, { target: { value } });
}

async function openComments(items: Comment[], more: Parameters<typeof serve>[0] = {}) {
  serve({ 'post.comments': () => ok({ items, nextCursor: null }), ...more });
  fireEvent.click(screen.getByTestId('open-comments'));
  return screen.findByTestId('comments-sheet');
}

describe('赞', () => {
  it('shows at once, before the server answers, and then the server’s count', async () => {
    card(users.reporter, { likes: 3 });
    expect(like().textContent).toBe('♡赞 3');
    const answer = held(ok({ likes: 7, likedByMe: true }));
    serve({ 'post.react': answer.answering });
    fireEvent.click(like());
    expect(like().textContent).toBe('♥已赞 4');
    expect(like().className).toContain('react__btn--on');
    await act(async () => answer.release());
    await waitFor(() => expect(like().textContent).toBe('♥已赞 7'));
    expect(calls('post.react')).toEqual([{ postId: 'p1', on: true }]);
  });

  it('taken back: one less at once, and a second tap while one is out sends nothing', async () => {
    card(users.reporter, { likes: 3, likedByMe: true });
    const answer = held(ok({ likes: 2, likedByMe: false }));
    serve({ 'post.react': answer.answering });
    fireEvent.click(like());
    expect(like().textContent).toBe('♡赞 2');
    fireEvent.click(like());
    await act(async () => answer.release());
    await waitFor(() => expect(like().textContent).toBe('♡赞 2'));
    expect(calls('post.react')).toEqual([{ postId: 'p1', on: false }]);
  });

  it('goes back to what it was, with the server’s words in a toast, when it does not go through', async () => {
    card(users.reporter, { likes: 3 });
    serve({ 'post.react': () => refuse('NOT_FOUND', '没有找到这条动态（p1），它可能属于别的竞赛。') });
    fireEvent.click(like());
    expect(like().textContent).toBe('♥已赞 4');
    await waitFor(() => expect(like().textContent).toBe('♡赞 3'));
    expect(toast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '没有找到这条动态（p1），它可能属于别的竞赛。', icon: 'none' }),
    );
    expect(like().className).not.toContain('react__btn--on');
  });

  it('a refresh that brings other counts shows them', async () => {
    setSession('tok', users.reporter);
    const { rerender } = render(<PostCard post={makePost({ likes: 1 })} arena={arena} now={now} />);
    expect(like().textContent).toBe('♡赞 1');
    rerender(
      <PostCard post={makePost({ likes: 5, likedByMe: true, comments: 2 })} arena={arena} now={now} />,
    );
    expect(like().textContent).toBe('♥已赞 5');
    expect(screen.getByTestId('open-comments').textContent).toBe('评论 2');
  });

  it('is not offered to nobody signed in, nor on a post kept without reactions', () => {
    const anonymous = card(null, { likes: 3 });
    expect(screen.getByTestId('post-card')).toBeTruthy();
    expect(screen.queryByTestId('like')).toBeNull();
    anonymous.unmount();
    setSession('tok', users.reporter);
    const { likes: _l, likedByMe: _m, comments: _c, exemplar: _e, ...kept } = makePost();
    render(<PostCard post={kept} arena={arena} now={now} />);
    expect(like().textContent).toBe('♡赞');
    expect(screen.getByTestId('open-comments').textContent).toBe('评论');
  });
});

describe('评论', () => {
  it('lists the 点评 first, marked with the leader’s name, then the others oldest first', async () => {
    card(users.reporter, { comments: 3 });
    const sheet = await openComments([
      comment({
        id: 'r',
        authorName: '钱振国',
        authorRole: 'leader',
        remark: true,
        text: '抓得实',
        createdAt: '2025-02-10T02:02:00.000Z',
      }),
      comment({ id: 'a', text: '第一条' }),
      comment({ id: 'b', text: '第二条', createdAt: '2025-02-10T02:01:30.000Z' }),
    ]);
    await waitFor(() => expect(within(sheet).getAllByTestId('comment')).toHaveLength(3));
    const items = within(sheet).getAllByTestId('comment');
    expect(items.map((c) => c.querySelector('.cmt__text')?.textContent)).toEqual([
      '抓得实',
      '第一条',
      '第二条',
    ]);
    expect(items[0]!.textContent).toContain('点评');
    expect(items[0]!.textContent).toContain('钱振国 · 市领导');
    expect(items[0]!.className).toContain('cmt--remark');
    expect(items[1]!.querySelector('.cmt__tag')).toBeNull();
    expect(calls('post.comments')).toEqual([{ postId: 'p1' }]);
  });

  it('brings more on 查看更多评论, after the ones shown, and 点评 stay first', async () => {
    card(users.reporter, { comments: 3 });
    const pages: Record<string, { items: Comment[]; nextCursor: string | null }> = {
      first: {
        items: [
          comment({ id: 'r', authorName: '钱振国', authorRole: 'leader', remark: true, text: '点评一' }),
          comment({ id: 'a', text: '第一条' }),
        ],
        nextCursor: '2',
      },
      '2': {
        items: [comment({ id: 'b', text: '第二条', createdAt: '2025-02-10T02:02:00.000Z' })],
        nextCursor: null,
      },
    };
    serve({ 'post.comments': (d) => ok(pages[typeof d.cursor === 'string' ? d.cursor : 'first']) });
    fireEvent.click(screen.getByTestId('open-comments'));
    const sheet = await screen.findByTestId('comments-sheet');
    fireEvent.click(await within(sheet).findByText('查看更多评论'));
    await within(sheet).findByText('第二条');
    const texts = within(sheet)
      .getAllByTestId('comment')
      .map((c) => c.querySelector('.cmt__text')?.textContent);
    expect(texts).toEqual(['点评一', '第一条', '第二条']);
    expect(calls('post.comments')).toEqual([{ postId: 'p1' }, { postId: 'p1', cursor: '2' }]);
    expect(within(sheet).queryByText('查看更多评论')).toBeNull();
  });

  it('says so when there are none yet, and asks for words before sending', async () => {
    card(users.reporter);
    const sheet = await openComments([]);
    await within(sheet).findByText(/还没有评论/);
    fireEvent.click(within(sheet).getByTestId('comment-send'));
    expect(within(sheet).getByTestId('comment-error').textContent).toBe('⚠ 请先写下评论内容');
    expect(calls('post.comment')).toEqual([]);
  });

  it('counts the characters against 500', async () => {
    card(users.reporter);
    await openComments([]);
    await typeIn('comments-sheet', 'textarea', '学到了');
    expect(screen.getByTestId('comment-count').textContent).toBe('3 / 500');
  });

  it('shows a refusal in the server’s words and keeps the text', async () => {
    card(users.reporter);
    const sheet = await openComments([], {
      'post.comment': () => refuse('INVALID_ARGUMENT', '内容含有不适宜发布的信息，请修改后再发'),
    });
    await typeIn('comments-sheet', 'textarea', '不合适的话');
    fireEvent.click(within(sheet).getByTestId('comment-send'));
    await waitFor(() =>
      expect(within(sheet).getByTestId('comment-error').textContent).toBe(
        '⚠ 内容含有不适宜发布的信息，请修改后再发',
      ),
    );
    expect(sheet.querySelector('textarea')?.value).toBe('不合适的话');
    expect(screen.getByTestId('open-comments').textContent).toBe('评论');
  });

  it('a retry after a lost answer sends the same requestId; the next comment a new one', async () => {
    card(users.reporter, { comments: 1 });
    let lost = true;
    const sheet = await openComments([comment()], {
      'post.comment': (d) => {
        if (lost) {
          lost = false;
          throw networkError();
        }
        return ok({
          comment: comment({
            id: `c-${String(d.text)}`,
            authorId: 'r1',
            authorName: '王芳',
            text: String(d.text),
            createdAt: '2025-02-10T02:03:00.000Z',
          }),
        });
      },
    });
    await within(sheet).findByText('这个做法值得学习');
    await typeIn('comments-sheet', 'textarea', '我们也试试');
    fireEvent.click(within(sheet).getByTestId('comment-send'));
    await within(sheet).findByText('⚠ 网络连接失败，请检查网络后重试');
    fireEvent.click(within(sheet).getByTestId('comment-send'));
    await within(sheet).findByText('我们也试试');
    const [first, retry] = calls('post.comment');
    expect(retry).toEqual(first);
    expect(first).toMatchObject({ postId: 'p1', text: '我们也试试' });
    expect(screen.getByTestId('open-comments').textContent).toBe('评论 2');
    expect(sheet.querySelector('textarea')?.value).toBe('');
    expect(within(sheet).queryByTestId('comment-error')).toBeNull();

    await typeIn('comments-sheet', 'textarea', '再补充一句');
    fireEvent.click(within(sheet).getByTestId('comment-send'));
    await within(sheet).findByText('再补充一句');
    const third = calls('post.comment')[2]!;
    expect(third.requestId).not.toEqual(first!.requestId);
    expect(screen.getByTestId('open-comments').textContent).toBe('评论 3');
  });

  it('a city leader’s comment is a 点评: it goes above the others', async () => {
    card(users.cityLeader, { comments: 1 });
    const sheet = await openComments([comment()], {
      'post.comment': (d) =>
        ok({
          comment: comment({
            id: 'r1',
            authorId: 'm1',
            authorName: '孙市长',
            authorRole: 'leader',
            remark: true,
            text: String(d.text),
            createdAt: '2025-02-10T02:03:00.000Z',
          }),
        }),
    });
    await within(sheet).findByText('这个做法值得学习');
    expect(within(sheet).getByTestId('comment-send').textContent).toBe('发布点评');
    await typeIn('comments-sheet', 'textarea', '经验要总结推广');
    fireEvent.click(within(sheet).getByTestId('comment-send'));
    await within(sheet).findByText('经验要总结推广');
    const texts = within(sheet)
      .getAllByTestId('comment')
      .map((c) => c.querySelector('.cmt__text')?.textContent);
    expect(texts).toEqual(['经验要总结推广', '这个做法值得学习']);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已点评', icon: 'success' }));
  });
});

describe('经验做法', () => {
  const marked = { reason: '用地报批提速的做法值得推广', byName: '钱振国', at: '2025-02-10T01:03:00.000Z' };

  it('a marked post shows the mark in words, the reason and who marked it', () => {
    card(users.reporter, { exemplar: marked });
    const badge = screen.getByTestId('exemplar');
    expect(badge.textContent).toContain('★ 经验做法');
    expect(badge.textContent).toContain('用地报批提速的做法值得推广');
    expect(badge.textContent).toContain('钱振国 推荐 · 1 小时前');
  });

  it('reporters and unit leaders are not offered 推荐', () => {
    card(users.reporter);
    expect(screen.queryByTestId('recommend')).toBeNull();
    card(users.leader_u1, { id: 'p2' });
    expect(screen.queryByTestId('recommend')).toBeNull();
  });

  it.each([
    ['a supervisor', users.supervisor],
    ['a city leader', users.cityLeader],
  ])('%s recommends with a one-line reason; without one nothing is sent', async (_who, user) => {
    card(user);
    serve({
      'post.exemplar': (d) =>
        ok({ exemplar: { reason: String(d.reason), byName: user.name, at: '2025-02-10T02:03:00.000Z' } }),
    });
    fireEvent.click(screen.getByTestId('recommend'));
    const sheet = await screen.findByTestId('reason-sheet');
    fireEvent.click(within(sheet).getByTestId('reason-submit'));
    expect(within(sheet).getByTestId('reason-error').textContent).toBe('⚠ 请用一句话写明推荐理由');
    expect(calls('post.exemplar')).toEqual([]);
    await typeIn('reason-sheet', 'input', '一周办结施工许可');
    fireEvent.click(within(sheet).getByTestId('reason-submit'));
    await waitFor(() => expect(screen.queryByTestId('reason-sheet')).toBeNull());
    expect(calls('post.exemplar')).toEqual([{ postId: 'p1', on: true, reason: '一周办结施工许可' }]);
    expect(screen.getByTestId('exemplar').textContent).toContain(`一周办结施工许可${user.name} 推荐`);
    expect(screen.getByTestId('unrecommend').textContent).toBe('取消推荐');
  });

  it('a refusal stays on the reason sheet in the server’s words', async () => {
    card(users.supervisor);
    serve({ 'post.exemplar': () => refuse('INVALID_ARGUMENT', 'reason：理由不能超过 100 字') });
    fireEvent.click(screen.getByTestId('recommend'));
    await typeIn('reason-sheet', 'input', '很好');
    fireEvent.click(screen.getByTestId('reason-submit'));
    await waitFor(() => expect(screen.getByTestId('reason-error').textContent).toBe('⚠ 理由不能超过 100 字'));
    expect(screen.queryByTestId('exemplar')).toBeNull();
  });

  it('取消推荐 asks first; kept when the person says no, taken off when yes', async () => {
    card(users.cityLeader, { exemplar: marked });
    serve({ 'post.exemplar': () => ok({ exemplar: null }) });
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByTestId('unrecommend'));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(calls('post.exemplar')).toEqual([]);
    expect(screen.getByTestId('exemplar')).toBeTruthy();

    fireEvent.click(screen.getByTestId('unrecommend'));
    await waitFor(() => expect(screen.queryByTestId('exemplar')).toBeNull());
    expect(modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '取消推荐？', confirmText: '取消推荐' }),
    );
    expect(calls('post.exemplar')).toEqual([{ postId: 'p1', on: false }]);
    expect(screen.getByTestId('recommend').textContent).toBe('推荐为经验做法');
  });
});
