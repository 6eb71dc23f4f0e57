/**
 * What the reviews area's use cases share: records as the API shows them, the campaign's day, who may
 * do what, and the messages the router hands in a way to send (delivery belongs to the notifications
 * area, which this area does not import).
 */
import {
  fail,
  ok,
  type Explanation,
  type Fail,
  type Interview,
  type LedgerEntry,
  type NotificationKind,
  type Result,
  type Review,
  type ReviewSummary,
  type Role,
  roleNames,
} from '../../contract';
import { dayOf, isoOf } from '../../domain/days';
import { callerCampaign, type CampaignView } from '../campaigns/view';
import type { UserCtx } from '../context';
import type { UserRecord } from '../people/store';
import type { ExplanationRecord, InterviewRecord, LedgerRecord, ReviewHead, ReviewRecord } from './store';

/** One message to one user, stored once under (user, kind, subject, period) and sent on every channel. */
export interface Message {
  user: UserRecord;
  campaignId: string;
  kind: NotificationKind;
  subjectId: string;
  period: string;
  title: string;
  body: string;
}

/** Handed in by the router: delivers messages now (each at most once, whatever retries do). */
export interface Tell {
  send(ctx: UserCtx, messages: readonly Message[]): Promise<void>;
}

/** Handed in by the router: the posts area's checks on what others will read. */
export interface Checks {
  /** The content check: risky text is refused (a Fail); text to review passes, flagged. */
  screen(ctx: UserCtx, text: string): Promise<Result<{ flagged: boolean }>>;
  /** Photos must be the caller's own uploads; a Fail names the first that is not. */
  photos(ctx: UserCtx, photos: readonly string[]): Promise<Fail | null>;
}

export const todayIn = (view: CampaignView, now: number): string => dayOf(now, view.data.campaign.timezone);

export const unitNameIn = (view: CampaignView, unitId: string): string => view.unitById.get(unitId)?.name ?? unitId;

/** Unit staff (reporters, unit leaders) see their own unit's records; everyone else sees all. */
const ownUnitOnly = (user: UserRecord): string | null =>
  user.role === 'reporter' || user.role === 'unit_leader' ? (user.unitId ?? '') : null;

/**
 * What a list is read for: the caller's campaign and the unit it may show (undefined: every unit). Unit
 * staff are held to their own unit; naming another is FORBIDDEN, with `what` the records in Chinese.
 */
export async function listScope(
  ctx: UserCtx,
  input: { campaignId?: string | undefined; unitId?: string | undefined },
  what: string,
): Promise<Result<{ view: CampaignView; unitId: string | undefined }>> {
  const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
  if (!cur.ok) return cur;
  const own = ownUnitOnly(ctx.user);
  if (own !== null && input.unitId !== undefined && input.unitId !== own)
    return fail('FORBIDDEN', `只能查看本单位的${what}。`);
  return ok({ view: cur.data, unitId: own ?? input.unitId });
}

const roleList = (roles: readonly Role[]): string => roles.map((r) => roleNames[r]).join('或');

/** FORBIDDEN unless the caller has one of `roles`; `what` says what they tried, in Chinese. */
export function requireRole(user: UserRecord, roles: readonly Role[], what: string): Fail | null {
  return roles.includes(user.role) ? null : fail('FORBIDDEN', `只有${roleList(roles)}可以${what}。`);
}

export function reviewOut(r: ReviewRecord): Review {
  return {
    id: r.id,
    campaignId: r.campaignId,
    period: r.period,
    version: r.version,
    note: r.note,
    publishedAt: isoOf(r.publishedAt),
    publishedById: r.publishedById,
    publishedByName: r.publishedByName,
    changes: [...r.changes],
    metrics: r.metrics,
    divisions: r.divisions,
    excluded: r.excluded,
    flagged: r.flagged,
  };
}

export const summaryOut = (h: ReviewHead): ReviewSummary => ({
  id: h.id,
  campaignId: h.campaignId,
  period: h.period,
  version: h.version,
  publishedAt: isoOf(h.publishedAt),
  publishedByName: h.publishedByName,
  flaggedCount: h.flagged.length,
});

export function interviewOut(i: InterviewRecord, view: CampaignView): Interview {
  return {
    id: i.id,
    campaignId: i.campaignId,
    period: i.period,
    unitId: i.unitId,
    unitName: unitNameIn(view, i.unitId),
    level: i.level,
    attendees: [...i.attendees],
    reviewVersion: i.reviewVersion,
    dueDate: i.dueDay,
    status: i.status,
    heldAt: i.heldDay,
    note: i.note,
    recordedByName: i.recordedByName,
  };
}

export function explanationOut(e: ExplanationRecord, view: CampaignView): Explanation {
  return {
    id: e.id,
    campaignId: e.campaignId,
    unitId: e.unitId,
    unitName: unitNameIn(view, e.unitId),
    metricId: e.metricId,
    metricName: view.metricById.get(e.metricId)?.name ?? e.metricId,
    target: e.target,
    value: e.value,
    dueDate: e.dueDay,
    status: e.status,
    text: e.text,
    photos: [...e.photos],
    submittedAt: e.submittedAt === null ? null : isoOf(e.submittedAt),
    submittedByName: e.submittedByName,
    decidedAt: e.decidedAt === null ? null : isoOf(e.decidedAt),
    decidedByName: e.decidedByName,
    returnReason: e.returnReason,
  };
}

export const ledgerOut = (l: LedgerRecord, view: CampaignView): LedgerEntry => ({
  id: l.id,
  campaignId: l.campaignId,
  unitId: l.unitId,
  unitName: unitNameIn(view, l.unitId),
  points: l.points,
  reason: l.reason,
  source: { kind: l.sourceKind, id: l.sourceId },
  at: isoOf(l.at),
});
