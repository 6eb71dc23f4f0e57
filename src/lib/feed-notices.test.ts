import type { ReviewNotice } from '../../core/contract';
import { makePost } from '../testing/fixtures';
import { feedItems, noteExcerpt } from './feed-notices';

const notice = (over: Partial<ReviewNotice> = {}): ReviewNotice => ({
  reviewId: 'c1:2025-01:v1',
  period: '2025-01',
  version: 1,
  title: '2025年1月月度通报',
  note: '',
  flaggedCount: 2,
  publishedAt: '2025-02-03T02:00:00.000Z',
  publishedByName: '赵敏',
  ...over,
});

const order = (items: ReturnType<typeof feedItems>) =>
  items.map((i) => (i.kind === 'post' ? i.post.id : i.notice.reviewId));

describe('the feed among posts and 通报', () => {
  it('puts each 通报 among the posts by time, newest first', () => {
    const posts = [
      makePost({ id: 'p3', createdAt: '2025-02-05T01:00:00.000Z' }),
      makePost({ id: 'p2', createdAt: '2025-02-02T01:00:00.000Z' }),
      makePost({ id: 'p1', createdAt: '2025-01-20T01:00:00.000Z' }),
    ];
    const older = notice({ reviewId: 'c1:2024-12:v1', publishedAt: '2025-01-25T01:00:00.000Z' });
    expect(order(feedItems(posts, [notice(), older]))).toEqual([
      'p3',
      'c1:2025-01:v1',
      'p2',
      'c1:2024-12:v1',
      'p1',
    ]);
  });

  it('shows a 通报 once when a refreshed page brings it again, and keeps posts in the server’s order at equal times', () => {
    const at = '2025-02-03T02:00:00.000Z';
    const posts = [makePost({ id: 'a', createdAt: at }), makePost({ id: 'b', createdAt: at })];
    expect(order(feedItems(posts, [notice(), notice()]))).toEqual(['c1:2025-01:v1', 'a', 'b']);
  });

  it('with no posts, the 通报 alone', () => {
    expect(order(feedItems([], [notice()]))).toEqual(['c1:2025-01:v1']);
  });
});

describe('a 按语 on the card', () => {
  it('is cut to its first characters, line breaks folded', () => {
    expect(noteExcerpt('第一行\n第二行', 10)).toBe('第一行 第二行');
    expect(noteExcerpt('一二三四五六七八九十十一', 10)).toBe('一二三四五六七八九十…');
    expect(noteExcerpt('   ')).toBe('');
  });
});
