/**
 * 学 and the feed's reactions (DOMAIN.md "学", "Nothing of activity counts"): likes, comments and leaders'
 * 点评 on a post, and posts marked 经验做法 (exemplars). None of it enters any score.
 */
import { z } from 'zod';
import { Post, Role } from './entities';

/** A post marked 经验做法: by whom, when and why. */
export const Exemplar = z.object({
  reason: z.string(),
  byName: z.string(),
  /** ISO 8601 instant. */
  at: z.string(),
});
export type Exemplar = z.infer<typeof Exemplar>;

/** A post as the feed and the 学 view show it: with its likes, comments and exemplar mark. */
export const FeedPost = Post.extend({
  likes: z.number().int().nonnegative(),
  likedByMe: z.boolean(),
  comments: z.number().int().nonnegative(),
  exemplar: Exemplar.nullable(),
});
export type FeedPost = z.infer<typeof FeedPost>;

export const Comment = z.object({
  id: z.string(),
  postId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorRole: Role,
  text: z.string(),
  /** A city leader's comment: a 点评 (批示), listed first and marked. */
  remark: z.boolean(),
  /** ISO 8601 instant. */
  createdAt: z.string(),
});
export type Comment = z.infer<typeof Comment>;

/** The top units of a division on the current board, each with what it did (its latest posts). */
export const LearnDivision = z.object({
  division: z.string(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      rank: z.number().int().positive(),
      score: z.number(),
      posts: z.array(FeedPost),
    }),
  ),
});
export type LearnDivision = z.infer<typeof LearnDivision>;
