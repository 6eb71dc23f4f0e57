/**
 * `learn.list` (DOMAIN.md "学"): the posts supervisors and leaders marked 经验做法, newest mark first (of a
 * track when asked), and beside them the top three units of each division on the current board with their
 * latest posts — what they did. The board comes from the standings area, handed in by the router.
 */
import { ok, type Result, type StandingRow } from '../../contract';
import { callerCampaign } from '../campaigns/view';
import type { Route, UserCtx } from '../context';
import { feedPosts } from './list';

/** Today's board of the campaign (of a track when given), as `board.leaderboard` answers it. */
export type Board = (ctx: UserCtx, campaignId: string, trackId?: string) => Promise<Result<StandingRow[]>>;

const EXEMPLARS_PER_PAGE = 10;
const TOP = 3;
const POSTS_EACH = 2;

export function learnList(board: Board): Route<'learn.list'> {
  return {
    access: 'user',
    run: async (ctx, input) => {
      const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
      if (!cur.ok) return cur;
      const view = cur.data;
      const campaignId = view.data.campaign.id;
      const { store } = ctx.deps;
      // Later pages are more exemplars only: the board is read for the first.
      const rows = input.cursor ? ok<StandingRow[]>([]) : await board(ctx, campaignId, input.trackId);
      if (!rows.ok) return rows;

      const page = await store.social.listExemplars(campaignId, {
        limit: EXEMPLARS_PER_PAGE,
        ...(input.trackId !== undefined ? { trackId: input.trackId } : {}),
        ...(input.cursor !== undefined ? { cursor: input.cursor } : {}),
      });
      const marked = await store.posts.getPosts(
        campaignId,
        page.items.map((e) => e.postId),
      );
      const byId = new Map(marked.map((p) => [p.id, p]));
      // In the order they were marked; a mark whose post is gone is left out.
      const exemplarPosts = page.items.flatMap((e) => byId.get(e.postId) ?? []);

      // The top three of each division, in the board's order, and their latest posts, read at once.
      const top = [...new Set(rows.data.map((r) => r.division))].flatMap((division) =>
        rows.data.filter((r) => r.division === division).slice(0, TOP),
      );
      const latest = await Promise.all(
        top.map((r) => store.posts.listPosts({ campaignId, unitId: r.unitId, limit: POSTS_EACH })),
      );
      const all = await feedPosts(ctx, view, [...exemplarPosts, ...latest.flatMap((p) => p.items)]);
      const shown = new Map(all.map((p) => [p.id, p]));
      const exemplars = exemplarPosts.map((p) => shown.get(p.id)!);
      const leaders = [...new Set(top.map((r) => r.division))].map((division) => ({
        division,
        units: top
          .map((r, i) => ({ r, posts: latest[i]!.items }))
          .filter(({ r }) => r.division === division)
          .map(({ r, posts }) => ({
            unitId: r.unitId,
            unitName: r.unitName,
            rank: r.divisionRank,
            score: r.score,
            posts: posts.map((p) => shown.get(p.id)!),
          })),
      }));
      return ok({ exemplars, nextCursor: page.nextCursor, leaders });
    },
  };
}
