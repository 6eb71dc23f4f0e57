/**
 * The demo's 通报 history (DOMAIN.md "The monthly review and its sanctions"), written so that on day 41 the
 * latest closed month is still to be published, and publishing it shows the story unit (./monthly.ts)
 * flagged the second month running: 约谈主要领导. The month before it is published by the demo supervisor
 * 赵敏 through the arena's own actions — dated three days after that month ended, its 约谈 recorded as held
 * a week later — or, when that month came before the campaign, a 通报 made from the demo's MT and LY alone
 * is stored as published on the campaign's first morning. Deterministic requestIds: a run cut short and
 * run again replays what it wrote.
 */
import type { ActionInput, ActionName, ActionOutput, Period } from '../../contract';
import { addDays, epochOf } from '../../domain/days';
import {
  campaignPeriods,
  isClosed,
  periodEnd,
  periodName,
  periodOf,
  previousPeriod,
} from '../../domain/review';
import { createArena } from '../router';
import type { CampaignData, Deps, Ids, Store, UserRecord } from '../ports';
import { demoDaysElapsed } from './city';
import { shanghaiInstant } from './days';
import { demoMonthBefore } from './monthly';
import { demoUserIds } from './users';

const requestIdOf = (period: Period): string => `demo-review-${period}`;
const at = (day: string, hour: number): number => epochOf(shanghaiInstant(day, hour, 0));

/** Ids for the seed's own arena: readable, and apart from any a host makes (its one session ends with the seed). */
function seedIds(clock: () => number): Ids {
  let n = 0;
  return {
    newId: () => `demo-seed-${clock()}-${(n += 1)}`,
    newToken: () => `demo-seed-token-${(n += 1)}`,
    // Not a digest a host makes: no token a host issues can ever match this session.
    hashToken: (token) => `demo-seed:${token}`,
    newCode: () => {
      throw new Error('the demo seed issues no codes');
    },
  };
}

/** The month before the latest closed one, published by 赵敏 with the same actions a supervisor takes. */
async function publishAsSupervisor(store: Store, data: CampaignData, period: Period): Promise<number> {
  const campaignId = data.campaign.id;
  const publishDay = addDays(periodEnd(period), 3);
  let now = at(publishDay, 10);
  const deps: Deps = {
    store,
    clock: { now: () => now },
    ids: seedIds(() => now),
    // Its own arena whatever the host's mode: demo sign-in, no rate limit, in-app messages only.
    settings: { demo: true, rateLimitPerMinute: 0, sessionTtlMs: 30 * 86_400_000 },
  };
  const arena = createArena(deps);
  const call = async <A extends ActionName>(action: A, input: ActionInput<A>, token?: string) => {
    const r = await arena.handle({ action, data: input }, { token: token ?? null });
    if (!r.ok) throw new Error(`demo ${action} refused: ${r.error.code} ${r.error.message}`);
    return r.data as ActionOutput<A>;
  };
  const { token } = await call('auth.demoLogin', { userId: demoUserIds.supervisor });
  try {
    const before = await store.reviews.getReview(campaignId, period);
    await call(
      'review.publish',
      {
        campaignId,
        period,
        note: `（演示数据）${periodName(period)}月度完成数取自各单位填报，月度目标和上年同期数为演示数据。`,
        requestId: requestIdOf(period),
      },
      token,
    );
    const { items } = await call('interview.list', { campaignId, period, status: 'scheduled' }, token);
    for (const i of items) {
      const heldAt = addDays(publishDay, 6);
      now = at(heldAt, 15);
      await call(
        'interview.record',
        {
          campaignId,
          interviewId: i.id,
          heldAt,
          note: '（演示）已约谈，单位汇报了滞后原因和赶超措施，明确了下月完成目标。',
          requestId: `demo-interview-${i.id}`,
        },
        token,
      );
    }
    return before ? 0 : 1;
  } finally {
    await arena.handle({ action: 'me.logout', data: {} }, { token });
  }
}

/** The month before the campaign: no figure was posted then, so its 通报 is made from MT and LY alone. */
async function publishMonthBefore(store: Store, data: CampaignData, supervisor: UserRecord): Promise<number> {
  const draft = demoMonthBefore(data);
  const saved = await store.reviews.publishReview({
    ...draft,
    id: `${data.campaign.id}:${draft.period}:v1`,
    cityId: data.cityId,
    version: 1,
    note: `（演示数据）竞赛开始前的${periodName(draft.period)}通报：月度完成数、月度目标和上年同期数均为演示数据，供本次竞赛首月通报判断是否连续列入约谈。`,
    publishedAt: at(data.campaign.startDate, 9),
    publishedById: supervisor.id,
    publishedByName: supervisor.name,
    changes: [],
    requestId: requestIdOf(draft.period),
  });
  return saved.ok && !saved.replayed ? 1 : 0;
}

/** Publishes the demo's earlier 通报; answers how many this run wrote. */
export async function seedDemoReviews(
  store: Store,
  data: CampaignData,
  users: readonly UserRecord[],
): Promise<number> {
  const { startDate, endDate } = data.campaign;
  const today = addDays(startDate, demoDaysElapsed);
  const latest = campaignPeriods(startDate, endDate)
    .filter((p) => isClosed(p, today))
    .at(-1);
  if (latest === undefined) return 0;
  const before = previousPeriod(latest);
  if (before >= periodOf(startDate)) return publishAsSupervisor(store, data, before);
  const supervisor = users.find((u) => u.id === demoUserIds.supervisor);
  if (!supervisor) throw new Error(`demo user ${demoUserIds.supervisor} missing`);
  return publishMonthBefore(store, data, supervisor);
}
