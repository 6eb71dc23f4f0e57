/**
 * The test arena with the monthly 通报 set up, for the reviews area's tests: 完成投资 reviewed, monthly
 * targets (MT) and last year's months (LY) for A, B, D (乡镇街道) and C (功能平台) for September and
 * October, a session for every test user, and posts that put figures on given days through the API (the
 * clock set to 10:00 Shanghai on the day, the unit's reporter posting).
 *
 * What `postMonths` posts (完成投资, a running total, to date): A 1 on 09-10 and 2 on 09-25, C 4 on 09-12,
 * B 7 on 09-15, D 5 on 09-20; B 12 on 10-10, C 8 on 10-15, A 4 on 10-20, D nothing in October. The
 * monthly actual MA is the close of the month less the close of the month before (一数一报):
 *
 *   September   MA  MT  LY  growth   rank  missed  flagged
 *   A            2   3   2    0%      3    yes     level 1
 *   B            7   6   5  +40%      1    no
 *   D            5   4   4  +25%      2    no
 *   C            4   3   —  left out of the ranking (no LY); alone in 功能平台
 *   October
 *   A            2   3   3  −33.3%    2    yes     level 2 (flagged in September too)
 *   B            5   6   4  +25%      1    yes     no (top of its division)
 *   D            0   4   2  −100%     3    yes     level 1
 *   C            4   3   2  +100%     1    no
 *
 * At the end (final figures A 4, B 12, C 8, D 5 of targets 10, 20, 10, 12) every 完成投资 target is
 * missed; so are 不良贷款率 for A and C and 签约项目 for D, never reported.
 */
import type { ActionInput, NotificationKind, Result } from '../../core/contract';
import type { CampaignData, Store } from '../../core/app/ports';
import type { NotificationRecord } from '../../core/app/notifications/store';
import { toCampaignFile } from '../../core/app/campaigns/file';
import { memoryStore } from './memory-store';
import { campaign, rid, testArena, users, type TestArenaOptions } from './arena';

export type Who = keyof typeof users;
export type UnitId = 'A' | 'B' | 'C' | 'D';

/** Shanghai wall-clock time on a day, as an ISO instant for setNow. */
export const shanghaiAt = (day: string, time = '10:00'): string =>
  new Date(Date.parse(`${day}T${time}:00+08:00`)).toISOString();

/** Monthly targets and last year's months of 完成投资 by unit (亿元). */
const monthly: Record<UnitId, Array<{ period: string; target?: number; lastYear?: number }>> = {
  A: [
    { period: '2025-09', target: 3, lastYear: 2 },
    { period: '2025-10', target: 3, lastYear: 3 },
  ],
  B: [
    { period: '2025-09', target: 6, lastYear: 5 },
    { period: '2025-10', target: 6, lastYear: 4 },
  ],
  C: [
    { period: '2025-09', target: 3 },
    { period: '2025-10', target: 3, lastYear: 2 },
  ],
  D: [
    { period: '2025-09', target: 4, lastYear: 4 },
    { period: '2025-10', target: 4, lastYear: 2 },
  ],
};

/** The test campaign with 完成投资 reviewed and the monthly targets above (D gets a 完成投资 target of 12). */
export function reviewCampaign(over: Partial<CampaignData['campaign']> = {}): CampaignData {
  const invest = [
    ...campaign.targets.filter((t) => t.metricId === 'm-invest'),
    { unitId: 'D', metricId: 'm-invest', target: 12 },
  ].map((t) => ({ ...t, monthly: monthly[t.unitId as UnitId] }));
  return {
    ...campaign,
    campaign: { ...campaign.campaign, ...over },
    metrics: campaign.metrics.map((m) => (m.id === 'm-invest' ? { ...m, reviewed: true } : m)),
    targets: [...invest, ...campaign.targets.filter((t) => t.metricId !== 'm-invest')],
  };
}

const reporterOf: Record<UnitId, Who> = { A: 'repA', B: 'repB', C: 'repC', D: 'repD' };

/** The posts of the table above: [day, unit, 完成投资 to date]. */
export const monthPosts: ReadonlyArray<[string, UnitId, number]> = [
  ['2025-09-10', 'A', 1],
  ['2025-09-12', 'C', 4],
  ['2025-09-15', 'B', 7],
  ['2025-09-20', 'D', 5],
  ['2025-09-25', 'A', 2],
  ['2025-10-10', 'B', 12],
  ['2025-10-15', 'C', 8],
  ['2025-10-20', 'A', 4],
];

export interface ReviewArenaOptions extends TestArenaOptions {
  store?: Store;
  /** Campaign settings over the test campaign's (explainDays, pointsPerMiss, interviewDays, lateDays). */
  campaign?: Partial<CampaignData['campaign']>;
}

export async function reviewArena(options: ReviewArenaOptions = {}) {
  const { store = memoryStore(), campaign: over, ...rest } = options;
  const t = await testArena(store, { now: shanghaiAt('2025-09-01', '09:00'), ...rest });
  await store.campaigns.saveCampaign(reviewCampaign(over));
  const tok = {} as Record<Who, string>;
  for (const who of Object.keys(users) as Who[]) tok[who] = await t.login(users[who]);

  /** The clock at `time` Shanghai on `day`. */
  const at = (day: string, time = '10:00') => t.setNow(shanghaiAt(day, time));

  /** The unit's reporter posts 完成投资 to date (or other figures) at 10:00 on `day`. */
  const postOn = async (
    day: string,
    unit: UnitId,
    value: number,
    extra: Partial<ActionInput<'post.create'>> = {},
  ) => {
    at(day);
    return (
      await t.expectOk(
        'post.create',
        { unitId: unit, figures: [{ metricId: 'm-invest', value }], text: '', requestId: rid(), ...extra },
        tok[reporterOf[unit]],
      )
    ).post;
  };

  /** Posts the September and October of the table, in order. */
  const postMonths = async () => {
    for (const [day, unit, value] of monthPosts) await postOn(day, unit, value);
  };

  const publish = (
    period: string,
    as: Who = 'supervisor',
    over: Partial<ActionInput<'review.publish'>> = {},
  ) => t.call('review.publish', { period, note: '', requestId: rid(), ...over }, tok[as]);
  const publishOk = async (period: string, over: Partial<ActionInput<'review.publish'>> = {}) =>
    (await t.expectOk('review.publish', { period, note: '', requestId: rid(), ...over }, tok.supervisor))
      .review;

  /** The user's in-app notifications of `kind` (all kinds when absent), oldest first. */
  const inbox = async (who: Who, kind?: NotificationKind): Promise<NotificationRecord[]> =>
    (await t.store.notifications.listNotifications({ userId: users[who].id, limit: 50 })).items
      .filter((n) => kind === undefined || n.kind === kind)
      .reverse();
  /** Who has notifications of `kind`, and how many each. */
  const tally = async (kind: NotificationKind): Promise<Partial<Record<Who, number>>> => {
    const out: Partial<Record<Who, number>> = {};
    for (const who of Object.keys(users) as Who[]) {
      const n = (await inbox(who, kind)).length;
      if (n > 0) out[who] = n;
    }
    return out;
  };

  /** Saves the campaign as an admin would (admin.campaign.save), with `edit` applied to it. */
  const editCampaign = async (edit: (data: CampaignData) => CampaignData) => {
    const data = await t.store.campaigns.loadCampaign('c1');
    if (!data) throw new Error('campaign c1 is missing');
    return t.expectOk(
      'admin.campaign.save',
      { ...toCampaignFile(edit(data)), makeCurrent: false },
      tok.admin,
    );
  };

  /** An admin corrects one unit's monthly target of 完成投资 for a month (admin.campaign.save). */
  const setMonthlyTarget = (unit: UnitId, period: string, target: number) =>
    editCampaign((data) => ({
      ...data,
      targets: data.targets.map((x) =>
        x.unitId === unit && x.metricId === 'm-invest'
          ? { ...x, monthly: x.monthly!.map((m) => (m.period === period ? { ...m, target } : m)) }
          : x,
      ),
    }));

  return {
    ...t,
    tok,
    at,
    postOn,
    postMonths,
    publish,
    publishOk,
    inbox,
    tally,
    editCampaign,
    setMonthlyTarget,
  };
}

export type ReviewArena = Awaited<ReturnType<typeof reviewArena>>;

export const codeOf = (r: Result<unknown>): string => (r.ok ? 'OK' : r.error.code);
export const messageOf = (r: Result<unknown>): string => (r.ok ? '' : r.error.message);
