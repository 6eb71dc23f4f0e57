/**
 * The monthly 通报 and its sanctions as the API carries them (DOMAIN.md "The monthly review and its
 * sanctions"): a review's rows and flags, the 约谈 it calls, the 书面说明 a missed target owes and the
 * assessment ledger's entries.
 */
import { z } from 'zod';

import { Day } from './entities';
import { Period } from './months';

/** 1: 约谈分管领导 (flagged this month); 2: 约谈主要领导 (flagged this month and the one before). */
export const InterviewLevel = z.union([z.literal(1), z.literal(2)]);
export type InterviewLevel = z.infer<typeof InterviewLevel>;
export const levelNames: Record<InterviewLevel, string> = { 1: '约谈分管领导', 2: '约谈主要领导' };

export const ReviewRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  metricId: z.string(),
  /** The month's actual: for a running total, its value at the month's close less the previous close. */
  MA: z.number().nullable(),
  MT: z.number().nullable(),
  LY: z.number().nullable(),
  /** (MA − LY) / LY; null when there is no LY (the unit is left out of this metric's ranking). */
  growth: z.number().nullable(),
  missed: z.boolean(),
  /** Rank by growth within the division on this metric, highest first, ties sharing; null when unranked. */
  growthRank: z.number().int().positive().nullable(),
  /** Missed, and its growth in the division's bottom two on this metric. */
  flagged: z.boolean(),
  /** The unit's level this month (0: not flagged on any reviewed metric). */
  level: z.union([z.literal(0), InterviewLevel]),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

export const ReviewDivision = z.object({ division: z.string(), rows: z.array(ReviewRow) });
export type ReviewDivision = z.infer<typeof ReviewDivision>;

export const ReviewMetric = z.object({ id: z.string(), name: z.string(), measure: z.string() });
export type ReviewMetric = z.infer<typeof ReviewMetric>;

export const excludedReasons = {
  no_last_year: '无上年同期数，不参与增幅排名',
  no_figure: '本月无填报数，不参与增幅排名',
} as const;
export const Excluded = z.object({
  unitId: z.string(),
  unitName: z.string(),
  metricId: z.string(),
  reason: z.enum(['no_last_year', 'no_figure']),
});
export type Excluded = z.infer<typeof Excluded>;

/** A flagged unit of the month and why. */
export const FlaggedUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  division: z.string(),
  level: InterviewLevel,
  /** The reviewed metrics it missed in the bottom two of its division. */
  metricIds: z.array(z.string()),
});
export type FlaggedUnit = z.infer<typeof FlaggedUnit>;

/** What `review.draft` computes from the figures; a published review freezes one. */
export const ReviewDraft = z.object({
  campaignId: z.string(),
  period: Period,
  metrics: z.array(ReviewMetric),
  divisions: z.array(ReviewDivision),
  excluded: z.array(Excluded),
  flagged: z.array(FlaggedUnit),
});
export type ReviewDraft = z.infer<typeof ReviewDraft>;

/** A published 通报: an immutable snapshot; a correction is a later version that names what changed. */
export const Review = ReviewDraft.extend({
  id: z.string(),
  version: z.number().int().positive(),
  note: z.string(),
  /** ISO 8601 instant. */
  publishedAt: z.string(),
  publishedById: z.string(),
  publishedByName: z.string(),
  /** What this version changes against the one before (empty for the first). */
  changes: z.array(z.string()),
});
export type Review = z.infer<typeof Review>;

export const ReviewSummary = Review.pick({
  id: true,
  campaignId: true,
  period: true,
  version: true,
  publishedAt: true,
  publishedByName: true,
}).extend({ flaggedCount: z.number().int() });
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** A published 通报 as the feed shows it. */
export const ReviewNotice = z.object({
  reviewId: z.string(),
  period: Period,
  version: z.number().int().positive(),
  /** e.g. 「2025年10月 月度通报」, 「（更正版 第2版）」 for a later version. */
  title: z.string(),
  note: z.string(),
  flaggedCount: z.number().int(),
  /** ISO 8601 instant it was published. */
  publishedAt: z.string(),
  publishedByName: z.string(),
});
export type ReviewNotice = z.infer<typeof ReviewNotice>;

/** Who must attend: the deputy leader in charge (分管领导) and, at level 2, the main leader (主要领导). */
export const Attendee = z.enum(['deputy', 'main']);
export const attendeeNames: Record<z.infer<typeof Attendee>, string> = { deputy: '分管领导', main: '主要领导' };

/** `cancelled`: a corrected 通报 no longer flags the unit. */
export const InterviewStatus = z.enum(['scheduled', 'held', 'cancelled']);
export const interviewStatusNames: Record<z.infer<typeof InterviewStatus>, string> = {
  scheduled: '待约谈',
  held: '已约谈',
  cancelled: '已撤销',
};

export const Interview = z.object({
  id: z.string(),
  campaignId: z.string(),
  period: Period,
  unitId: z.string(),
  unitName: z.string(),
  level: InterviewLevel,
  attendees: z.array(Attendee),
  /** The review version that called it. */
  reviewVersion: z.number().int().positive(),
  dueDate: Day,
  status: InterviewStatus,
  heldAt: Day.nullable(),
  note: z.string(),
  recordedByName: z.string().nullable(),
});
export type Interview = z.infer<typeof Interview>;

export const ExplanationStatus = z.enum(['requested', 'submitted', 'accepted', 'returned']);
export type ExplanationStatus = z.infer<typeof ExplanationStatus>;
export const explanationStatusNames: Record<ExplanationStatus, string> = {
  requested: '待提交',
  submitted: '待审核',
  accepted: '已通过',
  returned: '已退回',
};

export const Explanation = z.object({
  id: z.string(),
  campaignId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  metricId: z.string(),
  metricName: z.string(),
  /** The target and the value it ended at (null: never reported). */
  target: z.number(),
  value: z.number().nullable(),
  dueDate: Day,
  status: ExplanationStatus,
  text: z.string(),
  photos: z.array(z.string()),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** Why it was returned (the latest return). */
  returnReason: z.string().nullable(),
});
export type Explanation = z.infer<typeof Explanation>;

export const LedgerSource = z.object({
  kind: z.enum(['explanation', 'reversal']),
  /** The explanation it is linked to, or the entry a reversal undoes. */
  id: z.string(),
});

/** An entry of the assessment ledger: never edited; a reversal is another entry. */
export const LedgerEntry = z.object({
  id: z.string(),
  campaignId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** Negative for a deduction (扣分), positive for a reversal. */
  points: z.number(),
  reason: z.string(),
  source: LedgerSource,
  /** ISO 8601 instant. */
  at: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
