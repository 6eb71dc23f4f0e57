/**
 * The monthly 通报 end to end on the cloud side (issue 13): figures posted through the `arena` function by
 * each unit's reporter, a supervisor publishes September's 通报, the feed carries its notice, leaders and
 * supervisors and A's leader are told (in the app, and by subscription message where they consented),
 * the `arena-cron` timer reminds A's leader of the 约谈 before its due day, and a supervisor records it
 * held, after which the timer is silent about it. On the real wx-server-sdk over the CloudBase emulation,
 * callers known by the OPENID the platform vouches for.
 */
import { city, users } from '../app/arena';
import { monthPosts, reviewCampaign } from '../app/reviews';
import type { Store, UserRecord } from '../../core/app/ports';
import { createCloudStore } from '../../adapters/cloudbase/store';
import type { CloudMain } from '../../cloud/deps';
import { createArenaMain } from '../../cloudfunctions/arena/handler';
import { createCronMain } from '../../cloudfunctions/arena-cron/handler';
import { createTestCloud, quiet, shanghai, testClock, testIds, type TestCloud } from './fake-cloud';

const env = { ARENA_TPL_REVIEW_PUBLISHED: 'tpl-review', ARENA_TPL_INTERVIEW_DUE: 'tpl-interview' };
const OPENID = {
  repA: 'o-rep-a',
  repB: 'o-rep-b',
  repC: 'o-rep-c',
  repD: 'o-rep-d',
  leadA: 'o-lead-a',
  supervisor: 'o-sup',
  leader: 'o-leader',
} as const;
type Who = keyof typeof OPENID;

let fake: TestCloud;
let store: Store;
let clock: ReturnType<typeof testClock>;
let arena: CloudMain;
let cron: CloudMain;

const bound = (u: UserRecord, openid: string, credits: Record<string, number> = {}): UserRecord => ({
  ...u,
  demo: false,
  openid,
  subscribeCredits: credits,
});

beforeEach(async () => {
  fake = createTestCloud();
  store = createCloudStore({ db: fake.db });
  await store.campaigns.saveCity(city);
  await store.campaigns.saveCampaign(reviewCampaign());
  await store.campaigns.setCurrentCampaign(city.id, 'c1');
  for (const who of ['repA', 'repB', 'repC', 'repD', 'supervisor'] as const)
    await store.people.putUser(bound(users[who], OPENID[who]));
  await store.people.putUser(bound(users.leader, OPENID.leader, { 'tpl-review': 2 }));
  await store.people.putUser(bound(users.leadA, OPENID.leadA, { 'tpl-interview': 5 }));
  clock = testClock(shanghai('2025-09-01', '10:00'));
  const wiring = { cloud: fake.cloud, env, clock: clock.clock, log: quiet };
  arena = createArenaMain({ ...wiring, ids: testIds('arena') });
  cron = createCronMain({ ...wiring, ids: testIds('cron') });
});
afterEach(() => fake.done());

/** A call to the `arena` function by `who` at 10:00 Shanghai on `day` (or the clock as it is). */
async function call(who: Who, action: string, data: Record<string, unknown>, day?: string) {
  if (day) clock.set(shanghai(day, '10:00'));
  return fake.invoke(arena, OPENID[who], { action, data });
}
async function ok<T>(who: Who, action: string, data: Record<string, unknown>, day?: string): Promise<T> {
  const r = await call(who, action, data, day);
  if (!r.ok) throw new Error(`${action} failed: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/** The hourly timer firing at `time` Shanghai on `day`. */
async function fire(day: string, time = '09:00') {
  const at = shanghai(day, time);
  clock.set(at);
  return fake.invoke(cron, null, {
    Type: 'Timer',
    TriggerName: 'hourly',
    Time: new Date(at).toISOString(),
    Message: '',
  });
}

interface Item {
  kind: string;
  title: string;
  body: string;
  subjectId: string;
}
const inbox = async (who: Who) => (await ok<{ items: Item[] }>(who, 'notify.list', {})).items;

const reporterOf = { A: 'repA', B: 'repB', C: 'repC', D: 'repD' } as const;

describe('the monthly 通报 through the cloud functions', () => {
  it('publish → notices → 约谈 reminded → held', async () => {
    for (const [day, unit, value] of monthPosts)
      await ok(
        reporterOf[unit],
        'post.create',
        {
          unitId: unit,
          figures: [{ metricId: 'm-invest', value }],
          text: '',
          requestId: `post-${day}-${unit}`,
        },
        day,
      );

    // Only a supervisor publishes, and only a month that is over.
    expect(
      await call(
        'supervisor',
        'review.publish',
        { period: '2025-10', requestId: 'publish-oct' },
        '2025-10-31',
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await call('leader', 'review.publish', { period: '2025-09', requestId: 'publish-lead' }, '2025-11-03'),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有督办员可以发布月度通报。' },
    });
    const draft = await ok<{
      flagged: unknown[];
      divisions: Array<{ rows: Array<{ unitId: string; MA: number }> }>;
    }>('supervisor', 'review.draft', { period: '2025-09' });
    expect(draft.divisions[0]!.rows.map((r) => [r.unitId, r.MA])).toEqual([
      ['B', 7],
      ['D', 5],
      ['A', 2],
    ]);
    const { review } = await ok<{ review: Record<string, unknown> }>('supervisor', 'review.publish', {
      period: '2025-09',
      note: '请甲镇对照整改',
      requestId: 'publish-sep',
    });
    expect(review).toEqual({
      ...draft,
      id: 'c1:2025-09:v1',
      version: 1,
      note: '请甲镇对照整改',
      publishedAt: '2025-11-03T02:00:00.000Z',
      publishedById: users.supervisor.id,
      publishedByName: '赵督办',
      changes: [],
    });
    // A retry answers the same; publishing again with nothing changed is refused.
    expect(
      await call('supervisor', 'review.publish', {
        period: '2025-09',
        note: '请甲镇对照整改',
        requestId: 'publish-sep',
      }),
    ).toEqual({
      ok: true,
      data: { review },
    });
    expect(
      await call('supervisor', 'review.publish', { period: '2025-09', requestId: 'publish-sep-2' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '2025年9月通报第 1 版已发布，此后数据没有变化，无需重新发布。' },
    });
    expect(await ok('repB', 'review.get', { period: '2025-09' })).toEqual({ review, versions: [1] });

    // The feed shows it among the posts; a later post comes before it.
    await ok(
      'repB',
      'post.create',
      { unitId: 'B', figures: [{ metricId: 'm-invest', value: 13 }], text: '', requestId: 'post-b-1105' },
      '2025-11-05',
    );
    const first = await ok<{ items: unknown[]; notices: unknown[]; nextCursor: string | null }>(
      'repC',
      'post.list',
      { limit: 1 },
    );
    expect(first.notices).toEqual([]);
    const second = await ok<{ notices: Array<{ reviewId: string; title: string; note: string }> }>(
      'repC',
      'post.list',
      {
        limit: 1,
        cursor: first.nextCursor,
      },
    );
    expect(second.notices.map((n) => [n.reviewId, n.title, n.note])).toEqual([
      ['c1:2025-09:v1', '2025年9月月度通报', '请甲镇对照整改'],
    ]);

    // Told: leaders and supervisors, and A's leader of the 约谈 at its level; reporters nothing.
    expect((await inbox('leader')).map((n) => [n.kind, n.subjectId])).toEqual([
      ['review_published', 'c1:2025-09:v1'],
    ]);
    expect((await inbox('supervisor')).map((n) => n.kind)).toEqual(['review_published']);
    const [notice] = await inbox('leadA');
    expect(notice).toMatchObject({
      kind: 'interview_due',
      subjectId: 'c1:2025-09:A',
      title: '约谈通知：约谈分管领导',
    });
    expect(notice!.body).toContain('请于11月13日前完成约谈');
    expect(await inbox('repA')).toEqual([]);
    // Subscription messages to those who consented to the kind's template (the retry sent nothing more).
    expect(
      fake
        .sent()
        .map((s) => [s.touser, s.template_id])
        .sort(),
    ).toEqual([
      [OPENID.leadA, 'tpl-interview'],
      [OPENID.leader, 'tpl-review'],
    ]);

    const listed = await ok<{ items: Array<Record<string, unknown>> }>('leadA', 'interview.list', {});
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: 'c1:2025-09:A',
        level: 1,
        attendees: ['deputy'],
        dueDate: '2025-11-13',
        status: 'scheduled',
      }),
    ]);
    expect(await call('leadA', 'interview.list', { unitId: 'B' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // The timer: 3 days before, once however often it fires.
    await fire('2025-11-09');
    await fire('2025-11-10', '08:30');
    expect((await inbox('leadA')).filter((n) => n.title === '约谈临近')).toEqual([]);
    await fire('2025-11-10');
    await Promise.all([fire('2025-11-10', '10:00'), fire('2025-11-10', '10:00')]);
    expect((await inbox('leadA')).filter((n) => n.title === '约谈临近').map((n) => n.body)).toEqual([
      '「甲镇」2025年9月通报的约谈（约谈分管领导）还有 3 天（11月13日到期），请按时参加。',
    ]);
    expect(fake.sent().filter((s) => s.touser === OPENID.leadA)).toHaveLength(2);

    // Held: recorded by a supervisor only, once; the timer says no more about it.
    const held = {
      interviewId: 'c1:2025-09:A',
      heldAt: '2025-11-11',
      note: '已约谈分管副镇长',
      requestId: 'held-sep-a',
    };
    expect(await call('leadA', 'interview.record', held, '2025-11-11')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const recorded = await call('supervisor', 'interview.record', held);
    expect(recorded).toMatchObject({
      ok: true,
      data: {
        interview: {
          status: 'held',
          heldAt: '2025-11-11',
          note: '已约谈分管副镇长',
          recordedByName: '赵督办',
        },
      },
    });
    expect(await call('supervisor', 'interview.record', held)).toEqual(recorded);
    expect(
      await call('supervisor', 'interview.record', { ...held, requestId: 'held-sep-a-2' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await fire('2025-11-12');
    await fire('2025-11-13');
    expect((await inbox('leadA')).filter((n) => n.title === '约谈临近')).toHaveLength(1);
    expect(
      (await ok<{ items: Array<{ status: string }> }>('leader', 'interview.list', { status: 'held' })).items,
    ).toHaveLength(1);
  });
});
