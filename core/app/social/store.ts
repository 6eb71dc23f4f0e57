/**
 * The social slice of the Store (DOMAIN.md "学", "Nothing of activity counts"): likes, comments and 点评 on
 * posts, and posts marked 经验做法. Kept apart from the figures on purpose: nothing here is read by the
 * standings, so no reaction can move a score, and no write here bumps the data version.
 */
import type { Role } from '../../contract';

export interface CommentRecord {
  id: string;
  cityId: string;
  campaignId: string;
  postId: string;
  authorId: string;
  /** Kept as it was when written. */
  authorName: string;
  authorRole: Role;
  text: string;
  /** A city leader's comment (点评). */
  remark: boolean;
  /** The content check asked for a supervisor's review (published meanwhile). */
  flagged: boolean;
  /** Milliseconds since the epoch. */
  createdAt: number;
  requestId: string;
}

export interface ExemplarRecord {
  campaignId: string;
  postId: string;
  /** The tracks of the post's figures when it was marked, for the 学 view's track filter. */
  trackIds: string[];
  reason: string;
  byId: string;
  byName: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** What a reader sees of a post's reactions. */
export interface PostSocial {
  likes: number;
  likedByMe: boolean;
  comments: number;
  exemplar: ExemplarRecord | null;
}

export interface ExemplarPage {
  items: ExemplarRecord[];
  nextCursor: string | null;
}

export interface SocialStore {
  /**
   * Sets (`on`) or clears `userId`'s like of the post; answers the post's likes and whether the user likes
   * it afterwards. Setting twice is setting once; two users at once both count.
   */
  setLike(
    campaignId: string,
    postId: string,
    userId: string,
    on: boolean,
    at: number,
  ): Promise<{ likes: number; likedByMe: boolean }>;
  /**
   * Adds a comment unless its author already added one with this requestId to the campaign (then that
   * one, `replayed` true).
   */
  addComment(comment: CommentRecord): Promise<{ comment: CommentRecord; replayed: boolean }>;
  /** The post's comments, oldest first (by createdAt, then id). */
  listComments(campaignId: string, postId: string): Promise<CommentRecord[]>;
  /**
   * For each of the posts (a page of the feed): its likes, whether `userId` likes it, its comments and its
   * exemplar mark; a post nobody reacted to is zeros and null. Its cost must not grow with the likes.
   */
  socialOf(campaignId: string, postIds: readonly string[], userId: string): Promise<Map<string, PostSocial>>;
  /** Marks a post 经验做法 (replacing an earlier mark), or unmarks it with null. */
  setExemplar(campaignId: string, postId: string, exemplar: ExemplarRecord | null): Promise<void>;
  /** The campaign's exemplars (of a track when given), the newest mark first, page by page. */
  listExemplars(
    campaignId: string,
    query: { trackId?: string; cursor?: string; limit: number },
  ): Promise<ExemplarPage>;
}
