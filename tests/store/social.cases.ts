/**
 * Store contract cases for the social slice (issue 14): likes set and cleared per user, counted once and
 * together; comments once per (author, requestId), oldest first; a page of posts' reactions in one answer;
 * exemplars marked, replaced, unmarked and listed newest first by track and page; campaigns apart; and none
 * of it moving the data version the standings key on. Also the posts slice's `getPosts`.
 */
import type { CommentRecord, ExemplarRecord } from '../../core/app/social/store';
import type { SuiteContext } from './suite';
import { C1, C2, CITY, M, U, campaignData, commitOk, draft } from './fixtures';

const T0 = 1_747_000_000_000;

export function comment(id: string, over: Partial<CommentRecord> = {}): CommentRecord {
  return {
    id,
    cityId: CITY,
    campaignId: C1,
    postId: 'p-1',
    authorId: 'user-a1',
    authorName: '王芳',
    authorRole: 'reporter',
    text: `评论 ${id}`,
    remark: false,
    flagged: false,
    createdAt: T0,
    requestId: `req-${id}`,
    ...over,
  };
}

export function exemplar(postId: string, over: Partial<ExemplarRecord> = {}): ExemplarRecord {
  return {
    campaignId: C1,
    postId,
    trackIds: ['t-build'],
    reason: '项目推进有办法',
    byId: 'user-sup',
    byName: '赵敏',
    at: T0,
    ...over,
  };
}

export const socialCaseIds = [
  'social.likes',
  'social.likesAtOnce',
  'social.comments',
  'social.page',
  'social.exemplars',
  'social.exemplarPaging',
  'social.perCampaign',
  'social.noScore',
  'posts.getPosts',
] as const;

export function socialCases({ store, it }: SuiteContext): void {
  it('social.likes', 'a like is set once per user and cleared; clearing one never set changes nothing', async () => {
    const s = store();
    expect(await s.social.setLike(C1, 'p-1', 'u1', true, T0)).toEqual({ likes: 1, likedByMe: true });
    expect(await s.social.setLike(C1, 'p-1', 'u1', true, T0 + 1)).toEqual({ likes: 1, likedByMe: true });
    expect(await s.social.setLike(C1, 'p-1', 'u2', true, T0 + 2)).toEqual({ likes: 2, likedByMe: true });
    expect(await s.social.setLike(C1, 'p-1', 'u1', false, T0 + 3)).toEqual({ likes: 1, likedByMe: false });
    expect(await s.social.setLike(C1, 'p-1', 'u1', false, T0 + 4)).toEqual({ likes: 1, likedByMe: false });
    expect(await s.social.setLike(C1, 'p-2', 'u3', false, T0 + 5)).toEqual({ likes: 0, likedByMe: false });
    const got = await s.social.socialOf(C1, ['p-1', 'p-2'], 'u2');
    expect(got.get('p-1')).toEqual({ likes: 1, likedByMe: true, comments: 0, exemplar: null });
    expect(got.get('p-2')).toEqual({ likes: 0, likedByMe: false, comments: 0, exemplar: null });
  });

  it('social.likesAtOnce', 'twenty users liking at once all count, and one user tapping twice at once counts once', async () => {
    const s = store();
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.social.setLike(C1, 'p-1', `u${i}`, true, T0 + i)));
    await Promise.all([s.social.setLike(C1, 'p-1', 'u0', true, T0), s.social.setLike(C1, 'p-1', 'u0', true, T0)]);
    expect((await s.social.socialOf(C1, ['p-1'], 'u0')).get('p-1')).toMatchObject({ likes: 20, likedByMe: true });
  });

  it('social.comments', 'a comment is added once per (author, requestId) and listed oldest first', async () => {
    const s = store();
    const a = comment('c-a', { createdAt: T0 + 2 });
    const b = comment('c-b', { createdAt: T0 + 1, authorId: 'leader', authorName: '钱振国', authorRole: 'leader', remark: true });
    expect(await s.social.addComment(a)).toEqual({ comment: a, replayed: false });
    expect(await s.social.addComment(b)).toEqual({ comment: b, replayed: false });
    // The same request again (a retry), even with another id and text: the first one.
    expect(await s.social.addComment({ ...a, id: 'c-a2', text: '重发' })).toEqual({ comment: a, replayed: true });
    // The same requestId by another author is another comment.
    const c = comment('c-c', { authorId: 'user-b1', requestId: a.requestId, createdAt: T0 + 3 });
    expect((await s.social.addComment(c)).replayed).toBe(false);
    expect(await s.social.listComments(C1, 'p-1')).toEqual([b, a, c]);
    expect(await s.social.listComments(C1, 'p-2')).toEqual([]);
    expect((await s.social.socialOf(C1, ['p-1'], 'nobody')).get('p-1')).toMatchObject({ comments: 3, likes: 0 });
  });

  it('social.page', "a page of posts' reactions comes in one answer, each post's own", async () => {
    const s = store();
    await s.social.setLike(C1, 'p-1', 'me', true, T0);
    await s.social.setLike(C1, 'p-2', 'other', true, T0);
    await s.social.addComment(comment('c-1', { postId: 'p-2' }));
    await s.social.setExemplar(C1, 'p-3', exemplar('p-3'));
    const got = await s.social.socialOf(C1, ['p-1', 'p-2', 'p-3', 'p-4'], 'me');
    expect(Object.fromEntries(got)).toEqual({
      'p-1': { likes: 1, likedByMe: true, comments: 0, exemplar: null },
      'p-2': { likes: 1, likedByMe: false, comments: 1, exemplar: null },
      'p-3': { likes: 0, likedByMe: false, comments: 0, exemplar: exemplar('p-3') },
      'p-4': { likes: 0, likedByMe: false, comments: 0, exemplar: null },
    });
    expect((await s.social.socialOf(C1, [], 'me')).size).toBe(0);
  });

  it('social.exemplars', 'an exemplar is marked, re-marked (replaced), unmarked, and listed newest mark first by track', async () => {
    const s = store();
    await s.social.setExemplar(C1, 'p-1', exemplar('p-1', { at: T0 + 1 }));
    await s.social.setExemplar(C1, 'p-2', exemplar('p-2', { at: T0 + 2, trackIds: ['t-invite'] }));
    await s.social.setExemplar(C1, 'p-3', exemplar('p-3', { at: T0 + 3, trackIds: ['t-build', 't-invite'] }));
    const all = await s.social.listExemplars(C1, { limit: 10 });
    expect(all.items.map((e) => e.postId)).toEqual(['p-3', 'p-2', 'p-1']);
    expect(all.nextCursor).toBeNull();
    const build = await s.social.listExemplars(C1, { trackId: 't-build', limit: 10 });
    expect(build.items.map((e) => e.postId)).toEqual(['p-3', 'p-1']);
    // Marked again by a leader with another reason: the mark is replaced, and moves to the top.
    const again = exemplar('p-1', { at: T0 + 4, reason: '值得全市推广', byId: 'leader', byName: '钱振国' });
    await s.social.setExemplar(C1, 'p-1', again);
    expect((await s.social.listExemplars(C1, { limit: 10 })).items).toEqual([again, exemplar('p-3', { at: T0 + 3, trackIds: ['t-build', 't-invite'] }), exemplar('p-2', { at: T0 + 2, trackIds: ['t-invite'] })]);
    await s.social.setExemplar(C1, 'p-3', null);
    await s.social.setExemplar(C1, 'p-9', null);
    expect((await s.social.listExemplars(C1, { limit: 10 })).items.map((e) => e.postId)).toEqual(['p-1', 'p-2']);
    expect((await s.social.socialOf(C1, ['p-3'], 'me')).get('p-3')?.exemplar).toBeNull();
  });

  it('social.exemplarPaging', 'exemplars page by an opaque cursor without gaps or repeats, ties included', async () => {
    const s = store();
    for (let i = 0; i < 7; i += 1)
      await s.social.setExemplar(C1, `p-${i}`, exemplar(`p-${i}`, { at: T0 + Math.floor(i / 2) }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 10; n += 1) {
      const page = await s.social.listExemplars(C1, { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.postId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect([...seen].sort()).toEqual(['p-0', 'p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6']);
    expect(seen.slice(0, 1)).toEqual(['p-6']);
  });

  it('social.perCampaign', "a campaign's likes, comments and exemplars are its own", async () => {
    const s = store();
    await s.social.setLike(C1, 'p-1', 'u1', true, T0);
    await s.social.addComment(comment('c-1'));
    await s.social.setExemplar(C1, 'p-1', exemplar('p-1'));
    expect((await s.social.socialOf(C2, ['p-1'], 'u1')).get('p-1')).toEqual({ likes: 0, likedByMe: false, comments: 0, exemplar: null });
    expect(await s.social.listComments(C2, 'p-1')).toEqual([]);
    expect((await s.social.listExemplars(C2, { limit: 10 })).items).toEqual([]);
    // The same request in another campaign is another comment.
    expect((await s.social.addComment(comment('c-2', { campaignId: C2 }))).replayed).toBe(false);
  });

  it('social.noScore', 'reactions never move the data version the standings are cached on', async () => {
    const s = store();
    await s.campaigns.saveCampaign(campaignData());
    const post = await commitOk(s, draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r-1', figures: [{ metricId: M.signed, value: 2 }] }));
    const before = await s.standings.dataVersion(C1);
    const latest = await s.standings.latestFigures(C1);
    await s.social.setLike(C1, post.id, 'u1', true, T0);
    await s.social.addComment(comment('c-1', { postId: post.id }));
    await s.social.setExemplar(C1, post.id, exemplar(post.id));
    expect(await s.standings.dataVersion(C1)).toBe(before);
    expect(await s.standings.latestFigures(C1)).toEqual(latest);
  });

  it('posts.getPosts', "the campaign's posts of the given ids; unknown ids and other campaigns' left out", async () => {
    const s = store();
    await s.campaigns.saveCampaign(campaignData());
    await s.campaigns.saveCampaign(campaignData(C2));
    const a = await commitOk(s, draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r-a', figures: [] }));
    const b = await commitOk(s, draft({ unitId: U.b1, day: '2025-03-04', requestId: 'r-b', figures: [] }));
    const other = await commitOk(s, draft({ unitId: U.a1, day: '2025-03-04', requestId: 'r-c', campaignId: C2, figures: [] }));
    const got = await s.posts.getPosts(C1, [b.id, 'nope', a.id, other.id]);
    expect(got.sort((x, y) => x.id.localeCompare(y.id))).toEqual([a, b].sort((x, y) => x.id.localeCompare(y.id)));
    expect(await s.posts.getPosts(C1, [])).toEqual([]);
  });
}
