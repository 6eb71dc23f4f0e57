/**
 * Published 通报 as the feed shows them among the posts (the posts area reads them through the reviews
 * slice of the Store; this module is shared so that neither area imports the other).
 */
import type { ReviewNotice } from '../contract';
import { isoOf } from '../domain/days';
import { periodName } from '../domain/review';
import type { ReviewHead } from './reviews/store';

export const noticeOf = (h: ReviewHead): ReviewNotice => ({
  reviewId: h.id,
  period: h.period,
  version: h.version,
  title: `${periodName(h.period)}月度通报${h.version > 1 ? `（更正版 第 ${h.version} 版）` : ''}`,
  note: h.note,
  flaggedCount: h.flagged.length,
  publishedAt: isoOf(h.publishedAt),
  publishedByName: h.publishedByName,
});

/**
 * The notices the feed shows among a page of posts: every version published after
 * `from` and up to `to` (milliseconds; null for no bound), newest first.
 */
export function feedNotices(heads: readonly ReviewHead[], from: number | null, to: number | null): ReviewNotice[] {
  return heads
    .filter((h) => (from === null || h.publishedAt > from) && (to === null || h.publishedAt <= to))
    .sort((a, b) => b.publishedAt - a.publishedAt)
    .map(noticeOf);
}
