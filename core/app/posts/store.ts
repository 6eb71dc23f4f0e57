/**
 * The posts slice of the Store: the post transaction, the feed, and the image checks of posted photos.
 *
 * Anything that must be all-or-nothing is written the way `commitPost` is: the use case hands the store
 * a pure `decide`, and the store runs it inside its own transaction on what it read there, then writes
 * what it decided or nothing. Being pure, `decide` may run again when a store retries a conflict. A new
 * all-or-nothing write (a task closed, a review published) takes this shape, not read-then-write in
 * the use case.
 */
import type { ApiError, Day } from '../../contract';

export interface FigureInputRecord {
  metricId: string;
  value: number;
}

export interface StoredFigure {
  metricId: string;
  value: number;
  previous: number | null;
}

export interface PostRecord {
  id: string;
  campaignId: string;
  unitId: string;
  authorId: string;
  /** Kept as it was when posted. */
  authorName: string;
  /** ISO 8601 instant. */
  createdAt: string;
  /** The campaign-zone day of createdAt. */
  day: Day;
  figures: StoredFigure[];
  text: string;
  photos: string[];
  correctionReason: string | null;
  requestId: string;
  /** The content check asked for a supervisor's review. */
  flagged?: boolean;
  /** Photos an image check found risky: kept in `photos` (not deleted) but not shown to readers. */
  hiddenPhotos?: string[];
}

/** A post before the store gives it an id and fills in `previous`. */
export type PostDraft = Omit<PostRecord, 'id' | 'figures'> & { figures: FigureInputRecord[] };

/** The unit's latest value of one metric (what a post leaves behind for the standings). */
export interface LatestFigure {
  unitId: string;
  metricId: string;
  value: number;
  /** Day of the post that set it. */
  day: Day;
}

/**
 * Runs inside the store's transaction with the unit's latest figures (by metricId),
 * and decides the figures to write (with `previous` filled in) or refuses the post.
 * It is pure, so a store that retries a transaction may call it again.
 */
export type DecideFigures = (
  latest: ReadonlyMap<string, LatestFigure>,
) => { ok: true; figures: StoredFigure[] } | { ok: false; error: ApiError };

export type CommitResult = { ok: true; post: PostRecord; replayed: boolean } | { ok: false; error: ApiError };

export interface PostPage {
  items: PostRecord[];
  nextCursor: string | null;
}

/** Which photo of which post an asynchronous image check is about; its verdict arrives later by trace id. */
export interface PhotoCheckRecord {
  traceId: string;
  postId: string;
  photo: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface PostStore {
  /**
   * In one transaction: if (authorId, requestId) was seen, return that post (replayed: true) and write
   * nothing — when the draft's content hashes as the first one did (./request-hash.ts; a first post stored
   * without a hash counts as the same), else refuse with REUSED_REQUEST (CONFLICT), writing nothing; else read the unit's latest figures, call `decide`, and on success write the post, the
   * unit's latest figure per metric and that day's figure per metric (last post of the day wins),
   * and bump the campaign's data version (the figures are what the standings slice reads).
   */
  commitPost(draft: PostDraft, decide: DecideFigures): Promise<CommitResult>;
  /** Newest first. The cursor is opaque to callers. */
  listPosts(query: {
    campaignId: string;
    unitId?: string;
    cursor?: string;
    limit: number;
  }): Promise<PostPage>;
  /** The campaign's posts of these ids, in no particular order; ids of no post (or of another campaign) are left out. */
  getPosts(campaignId: string, ids: readonly string[]): Promise<PostRecord[]>;
  /** Each unit's day of its latest post (any post, with or without figures); units that never posted are absent. */
  lastPostDays(campaignId: string): Promise<Map<string, Day>>;

  /** Remembers each started image check (a trace id seen again replaces its record). */
  addPhotoChecks(checks: PhotoCheckRecord[]): Promise<void>;
  getPhotoCheck(traceId: string): Promise<PhotoCheckRecord | null>;
  /**
   * Flags a post for a supervisor's review and, when `hidePhoto` is given, also hides that photo (kept, not
   * deleted); doing it again changes nothing. False, writing nothing, when there is no such post or the post
   * has no such photo. Standings do not change, so the data version does not either.
   */
  flagPost(postId: string, hidePhoto?: string): Promise<boolean>;
}
