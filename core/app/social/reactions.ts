/**
 * Reactions on the feed (DOMAIN.md "Nothing of activity counts"): `post.react` (赞 once, or take it back),
 * `post.comment` (content-checked like a post; a city leader's is a 点评; the post's unit and those who
 * commented before are told in the app) and `post.comments` (点评 first, then the rest, oldest first).
 * Nothing here reaches the figures: the social slice is a store of its own that the standings never read.
 */
import { fail, ok, type Comment, type Result } from '../../contract';
import { isoOf } from '../../domain/days';
import { reminderKey } from '../../domain/reminders';
import { callerCampaign, type CampaignView } from '../campaigns/view';
import type { Route, UserCtx } from '../context';
import type { PostRecord } from '../posts/store';
import type { CommentRecord } from './store';

/** Handed in by the router: the posts area's content check on what others will read. */
export type Screen = (ctx: UserCtx, text: string) => Promise<Result<{ flagged: boolean }>>;

/** The post of the campaign; NOT_FOUND for one of another campaign, or of none. */
export async function findPost(ctx: UserCtx, view: CampaignView, postId: string): Promise<Result<PostRecord>> {
  const [post] = await ctx.deps.store.posts.getPosts(view.data.campaign.id, [postId]);
  return post ? ok(post) : fail('NOT_FOUND', `没有找到这条动态（${postId.slice(0, 40)}），它可能属于别的竞赛。`);
}

export const commentOut = (c: CommentRecord): Comment => ({
  id: c.id,
  postId: c.postId,
  authorId: c.authorId,
  authorName: c.authorName,
  authorRole: c.authorRole,
  text: c.text,
  remark: c.remark,
  createdAt: isoOf(c.createdAt),
});

export const postReact: Route<'post.react'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const found = await findPost(ctx, cur.data, input.postId);
    if (!found.ok) return found;
    return ok(
      await ctx.deps.store.social.setLike(cur.data.data.campaign.id, input.postId, ctx.user.id, input.on, ctx.deps.clock.now()),
    );
  },
};

/** Tells the post's unit staff, its author and earlier commenters (not the commenter) in the app only. */
async function tellOfComment(ctx: UserCtx, view: CampaignView, post: PostRecord, c: CommentRecord): Promise<void> {
  const { store } = ctx.deps;
  const earlier = (await store.social.listComments(c.campaignId, c.postId)).map((x) => x.authorId);
  const staff = (await store.people.listUsers({ cityId: view.data.cityId }))
    .filter((u) => (u.role === 'reporter' || u.role === 'unit_leader') && u.unitId === post.unitId)
    .map((u) => u.id);
  const to = new Set([...staff, post.authorId, ...earlier]);
  to.delete(c.authorId);
  const unitName = view.unitById.get(post.unitId)?.name ?? post.unitId;
  const what = c.remark ? '点评' : '评论';
  await Promise.all(
    [...to].map((userId) =>
      store.notifications.addNotification({
        id: `${c.id}:${userId}`,
        userId,
        cityId: view.data.cityId,
        campaignId: c.campaignId,
        kind: 'comment',
        title: c.remark ? `${c.authorName}点评了「${unitName}」的动态` : `${c.authorName}评论了「${unitName}」的动态`,
        body: `${what}：${c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}`,
        // The unit's page lists the post: that is where the app opens it.
        subjectId: post.unitId,
        dedupeKey: reminderKey(userId, 'comment', post.unitId, c.id),
        createdAt: c.createdAt,
        readAt: null,
        channels: {},
      }),
    ),
  );
}

export function postComment(screen: Screen): Route<'post.comment'> {
  return {
    access: 'user',
    run: async (ctx, input) => {
      const { user } = ctx;
      const { store, clock, ids } = ctx.deps;
      const cur = await callerCampaign(ctx, user, input.campaignId);
      if (!cur.ok) return cur;
      const view = cur.data;
      const found = await findPost(ctx, view, input.postId);
      if (!found.ok) return found;
      const screened = await screen(ctx, input.text);
      if (!screened.ok) return screened;
      const record: CommentRecord = {
        id: ids.newId(),
        cityId: view.data.cityId,
        campaignId: view.data.campaign.id,
        postId: input.postId,
        authorId: user.id,
        authorName: user.name,
        authorRole: user.role,
        text: input.text,
        remark: user.role === 'leader',
        flagged: screened.data.flagged,
        createdAt: clock.now(),
        requestId: input.requestId,
      };
      const added = await store.social.addComment(record);
      // Told again on a replay: each notice is stored once under its key, so a retry after a failure part
      // way through sends what is missing and nothing twice.
      await tellOfComment(ctx, view, found.data, added.comment);
      return ok({ comment: commentOut(added.comment) });
    },
  };
}

const COMMENTS_PER_PAGE = 50;

export const postComments: Route<'post.comments'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const found = await findPost(ctx, cur.data, input.postId);
    if (!found.ok) return found;
    const all = await ctx.deps.store.social.listComments(cur.data.data.campaign.id, input.postId);
    // 点评 first, then the others; each oldest first. The cursor is the position in that order.
    const ordered = [...all.filter((c) => c.remark), ...all.filter((c) => !c.remark)];
    const from = input.cursor && /^\d{1,6}$/.test(input.cursor) ? Number(input.cursor) : 0;
    const page = ordered.slice(from, from + COMMENTS_PER_PAGE);
    const next = from + COMMENTS_PER_PAGE < ordered.length ? String(from + COMMENTS_PER_PAGE) : null;
    return ok({ items: page.map(commentOut), nextCursor: next });
  },
};
