/**
 * `review.draft` and `review.publish`. A supervisor reads the draft of a closed month, adds a note and
 * publishes: the draft is frozen as that month's 通报 (version 1, or the next version naming what changed
 * when the figures changed since), the month's 约谈 follow the new version, and leaders, supervisors and
 * the flagged units' leaders are told. Publishing the same request again answers the stored 通报 and
 * makes sure of its 约谈 and messages — a publish that failed half-way is finished by its retry.
 */
import { fail, levelNames, ok, type Period } from '../../contract';
import { addDays, dayOf } from '../../domain/days';
import { DEFAULT_INTERVIEW_DAYS, periodName, reviewChanges } from '../../domain/review';
import { callerCampaign, type CampaignView } from '../campaigns/view';
import type { Route as AppRoute, UserCtx } from '../context';
import { checkPeriod, draftReview } from './compute';
import { requireRole, reviewOut, todayIn, unitNameIn, type Message, type Tell } from './shared';
import type { InterviewRecord, ReviewRecord } from './store';

export const reviewDraft: AppRoute<'review.draft'> = {
  access: 'user',
  run: async (ctx, input) => {
    const refused = requireRole(ctx.user, ['supervisor'], '生成月度通报');
    if (refused) return refused;
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const checked = checkPeriod(cur.data, input.period, todayIn(cur.data, ctx.deps.clock.now()));
    if (!checked.ok) return checked;
    return ok(await draftReview(ctx.deps, cur.data, input.period));
  },
};

const monthDay = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const versionText = (v: number): string => (v > 1 ? `（第 ${v} 版）` : '');

/**
 * The 约谈 the review calls, due `interviewDays` after the day it was published. One already scheduled at
 * the same level by an earlier version keeps its due day (and its notice): a correction that does not
 * change a unit's 约谈 does not move it.
 */
function interviewsOf(
  review: ReviewRecord,
  view: CampaignView,
  before: readonly InterviewRecord[],
): InterviewRecord[] {
  const { campaign } = view.data;
  const dueDay = addDays(
    dayOf(review.publishedAt, campaign.timezone),
    campaign.interviewDays ?? DEFAULT_INTERVIEW_DAYS,
  );
  const kept = new Map(
    before.filter((i) => i.period === review.period && i.status === 'scheduled').map((i) => [i.unitId, i]),
  );
  return review.flagged.map((f) => {
    const same = kept.get(f.unitId);
    if (same && same.level === f.level) return { ...same, reviewVersion: review.version };
    return {
      id: `${review.campaignId}:${review.period}:${f.unitId}`,
      cityId: review.cityId,
      campaignId: review.campaignId,
      period: review.period,
      unitId: f.unitId,
      level: f.level,
      attendees: f.level === 2 ? ['main', 'deputy'] : ['deputy'],
      reviewVersion: review.version,
      dueDay,
      status: 'scheduled',
      heldDay: null,
      note: '',
      recordedById: null,
      recordedByName: null,
      requestId: null,
      createdAt: review.publishedAt,
      updatedAt: review.publishedAt,
    };
  });
}

/** Why the unit is flagged, metric by metric, for its notice. */
function reasons(review: ReviewRecord, unitId: string): string {
  const name = new Map(review.metrics.map((m) => [m.id, m]));
  return review.divisions
    .flatMap((d) => d.rows)
    .filter((r) => r.unitId === unitId && r.flagged)
    .map((r) => {
      const m = name.get(r.metricId);
      const growth = r.growth === null ? '' : `，同比 ${(r.growth * 100).toFixed(1)}%`;
      return `「${m?.name ?? r.metricId}」本月完成 ${r.MA ?? '未报'}${m?.measure ?? ''}（月度目标 ${r.MT}${m?.measure ?? ''}${growth}，组内增幅后两名）`;
    })
    .join('；');
}

/** Makes the review's 约谈 and messages; each is made once, so a second call changes nothing. */
async function announce(ctx: UserCtx, tell: Tell, view: CampaignView, review: ReviewRecord): Promise<void> {
  const { store } = ctx.deps;
  const interviews = interviewsOf(review, view, await store.reviews.listInterviews(review.campaignId));
  await store.reviews.syncInterviews(review.campaignId, review.period, interviews);
  const users = await store.people.listUsers({ cityId: review.cityId });
  const month = periodName(review.period);
  const flaggedNames = review.flagged.map((f) => unitNameIn(view, f.unitId));
  const summary =
    flaggedNames.length === 0 ? '本月没有单位列入约谈。' : `列入约谈的单位：${flaggedNames.join('、')}。`;
  const messages: Message[] = users
    .filter((u) => u.role === 'leader' || u.role === 'supervisor')
    .map((u) => ({
      user: u,
      campaignId: review.campaignId,
      kind: 'review_published',
      subjectId: review.id,
      period: 'published',
      title: `${month}通报已发布${versionText(review.version)}`,
      body: `「${view.data.campaign.name}」${month}月度通报已发布${versionText(review.version)}。${summary}`,
    }));
  for (const i of interviews) {
    const body = `「${unitNameIn(view, i.unitId)}」列入${month}通报约谈名单（${levelNames[i.level]}），请于${monthDay(i.dueDay)}前完成约谈。原因：${reasons(review, i.unitId)}。`;
    for (const u of users.filter((x) => x.role === 'unit_leader' && x.unitId === i.unitId))
      messages.push({
        user: u,
        campaignId: review.campaignId,
        kind: 'interview_due',
        subjectId: i.id,
        // Once per level: a correction that keeps the unit at its level does not send the notice again.
        period: `notice:L${i.level}`,
        title: `约谈通知：${levelNames[i.level]}`,
        body,
      });
  }
  await tell.send(ctx, messages);
}

export function reviewPublish(tell: Tell): AppRoute<'review.publish'> {
  return {
    access: 'user',
    run: async (ctx, input) => {
      const { user } = ctx;
      const { store, clock } = ctx.deps;
      const refused = requireRole(user, ['supervisor'], '发布月度通报');
      if (refused) return refused;
      const cur = await callerCampaign(ctx, user, input.campaignId);
      if (!cur.ok) return cur;
      const view = cur.data;
      const campaignId = view.data.campaign.id;
      const period: Period = input.period;
      const heads = (await store.reviews.listReviews(campaignId)).filter((h) => h.period === period);
      // The same request again: the 通报 it published, its 约谈 and messages made sure of (the latest
      // version's; an earlier version's are followed by those of the versions after it).
      const mine = heads.find((h) => h.publishedById === user.id && h.requestId === input.requestId);
      if (mine) {
        const stored = await store.reviews.getReview(campaignId, period, mine.version);
        if (stored) {
          if (stored.version === heads.at(-1)?.version) await announce(ctx, tell, view, stored);
          return ok({ review: reviewOut(stored) });
        }
      }
      const latest = heads.length === 0 ? null : await store.reviews.getReview(campaignId, period);
      const now = clock.now();
      const checked = checkPeriod(view, period, todayIn(view, now));
      if (!checked.ok) return checked;
      const draft = await draftReview(ctx.deps, view, period);
      const changes = latest ? reviewChanges(latest, draft) : [];
      if (latest && changes.length === 0)
        return fail(
          'CONFLICT',
          `${periodName(period)}通报第 ${latest.version} 版已发布，此后数据没有变化，无需重新发布。`,
        );
      const version = (latest?.version ?? 0) + 1;
      const record: ReviewRecord = {
        ...draft,
        id: `${campaignId}:${period}:v${version}`,
        cityId: view.data.cityId,
        version,
        note: input.note,
        publishedAt: now,
        publishedById: user.id,
        publishedByName: user.name,
        changes,
        requestId: input.requestId,
      };
      const saved = await store.reviews.publishReview(record);
      if (!saved.ok)
        return fail('CONFLICT', `${periodName(period)}通报刚刚由其他督办员发布了新版本，请刷新后查看。`);
      await announce(ctx, tell, view, saved.review);
      return ok({ review: reviewOut(saved.review) });
    },
  };
}
