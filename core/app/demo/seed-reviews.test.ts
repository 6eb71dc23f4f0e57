import { memoryStore } from '../../../tests/app/memory-store';
import { actions, type ActionInput, type ActionName, type ActionOutput, type Result } from '../../contract';
import { addDays, epochOf } from '../../domain/days';
import { previousPeriod } from '../../domain/review';
import { createArena } from '../router';
import type { Deps, Store } from '../ports';
import { buildDemoCampaign, buildDemoUsers, demoCampaignId, demoUserIds, seedDemo } from '.';
import { demoStory } from './monthly';
import { seedDemoReviews } from './seed-reviews';

/** 09:30 in Shanghai on `day`. */
const morning = (day: string): number => epochOf(`${day}T01:30:00Z`);
const story = demoStory.unit.id;
const invest = demoStory.metric.id;

/** The demo seeded at 09:30 on `today`, and an arena over it whose clock a test may move (ARENA_NOW). */
async function demoAt(today: string) {
  const store: Store = memoryStore();
  let now = morning(today);
  const report = await seedDemo({ store, clock: { now: () => now } });
  let n = 0;
  const deps: Deps = {
    store,
    clock: { now: () => now },
    ids: {
      newId: () => `id-${(n += 1)}`,
      newToken: () => `token-${(n += 1)}`,
      hashToken: (token) => `hash-${token}`,
      newCode: () => 'DEMOCODE',
    },
    settings: { demo: true, rateLimitPerMinute: 0, sessionTtlMs: 365 * 86_400_000 },
  };
  const arena = createArena(deps);
  const call = <A extends ActionName>(
    action: A,
    data: ActionInput<A>,
    token: string,
  ): Promise<Result<unknown>> => arena.handle({ action, data }, { token });
  /** Calls, insists on success, and reads the answer with the contract's output schema. */
  const expectOk = async <A extends ActionName>(action: A, data: ActionInput<A>, token: string) => {
    const r = await call(action, data, token);
    if (!r.ok) throw new Error(`${action}: ${r.error.code} ${r.error.message}`);
    return actions[action].output.parse(r.data) as ActionOutput<A>;
  };
  const login = async (userId: string): Promise<string> => {
    const r = await arena.handle({ action: 'auth.demoLogin', data: { userId } }, {});
    if (!r.ok) throw new Error(r.error.message);
    return (r.data as { token: string }).token;
  };
  return { store, report, call, expectOk, login, setDay: (day: string) => void (now = morning(day)) };
}

const todays = ['2025-10-20', '2025-12-02', '2026-01-05', '2026-12-31'];

describe.each(todays)('the demo seeded on %s', (today) => {
  const latest = previousPeriod(today.slice(0, 7));
  const before = previousPeriod(latest);

  it('leaves the latest closed month to publish, the month before published with the story unit flagged', async () => {
    const demo = await demoAt(today);
    expect(demo.report).toMatchObject({ seeded: true, reviews: 1 });
    const supervisor = await demo.login(demoUserIds.supervisor);
    const { months } = await demo.expectOk('review.list', { campaignId: demoCampaignId }, supervisor);
    expect(months[0]).toMatchObject({ period: today.slice(0, 7), closed: false, published: null });
    expect(months[1]).toMatchObject({ period: latest, closed: true, published: null });

    const { review } = await demo.expectOk(
      'review.get',
      { campaignId: demoCampaignId, period: before },
      supervisor,
    );
    expect(review).toMatchObject({
      version: 1,
      publishedById: demoUserIds.supervisor,
      publishedByName: '赵敏',
    });
    expect(review.note).toContain('演示数据');
    expect(review.flagged.find((f) => f.unitId === story)).toMatchObject({
      level: 1,
      metricIds: expect.arrayContaining([invest]),
    });
    const { campaign } = buildDemoCampaign(today);
    if (before >= campaign.startDate.slice(0, 7)) {
      // In the campaign: listed as published, its 约谈 called and recorded as held.
      expect(months[2]).toMatchObject({ period: before, closed: true, published: { version: 1 } });
      const { items } = await demo.expectOk(
        'interview.list',
        { campaignId: demoCampaignId, period: before },
        supervisor,
      );
      expect(items.map((i) => i.unitId)).toContain(story);
      expect(items.every((i) => i.status === 'held' && i.heldAt !== null && i.heldAt < today)).toBe(true);
    } else {
      // Before the campaign: not one of its months, made from the demo's MT and LY alone, no 约谈 of its own.
      expect(months.map((m) => m.period)).not.toContain(before);
      expect(review.publishedAt.slice(0, 10) <= campaign.startDate).toBe(true);
      expect(await demo.store.reviews.listInterviews(demoCampaignId)).toEqual([]);
    }
  });

  it('has the supervisor who publishes the latest closed month call the story unit to 约谈主要领导', async () => {
    const demo = await demoAt(today);
    const supervisor = await demo.login(demoUserIds.supervisor);
    const campaignId = demoCampaignId;
    const { review } = await demo.expectOk(
      'review.publish',
      { campaignId, period: latest, note: '', requestId: 'publish-latest-0001' },
      supervisor,
    );
    expect(review.flagged.find((f) => f.unitId === story)).toMatchObject({
      level: 2,
      metricIds: expect.arrayContaining([invest]),
    });
    const row = review.divisions
      .flatMap((d) => d.rows)
      .find((r) => r.unitId === story && r.metricId === invest);
    expect(row).toMatchObject({ missed: true, flagged: true, level: 2 });

    const { items } = await demo.expectOk(
      'interview.list',
      { campaignId, period: latest, unitId: story },
      supervisor,
    );
    expect(items).toEqual([
      expect.objectContaining({ level: 2, attendees: ['main', 'deputy'], status: 'scheduled' }),
    ]);
    const leader = await demo.login(demoUserIds.unitLeader('xiangzhu'));
    const notices = await demo.expectOk('notify.list', { limit: 50 }, leader);
    expect(notices.items.some((x) => x.kind === 'interview_due' && x.body.includes('约谈主要领导'))).toBe(
      true,
    );

    // The month under way is not over: refused, nothing published.
    const open = await demo.call(
      'review.publish',
      { campaignId, period: today.slice(0, 7), note: '', requestId: 'publish-open-0001' },
      supervisor,
    );
    expect(open).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('seeding the demo 通报', () => {
  it.each(['2025-10-20', '2025-12-02'])(
    'adds nothing the second time, and leaves no session behind (%s)',
    async (today) => {
      const demo = await demoAt(today);
      const { store } = demo;
      const snapshot = async () => ({
        reviews: await store.reviews.listReviews(demoCampaignId),
        interviews: await store.reviews.listInterviews(demoCampaignId),
        notices: (await store.notifications.listNotifications({ userId: demoUserIds.leader, limit: 50 }))
          .items,
      });
      const first = await snapshot();
      expect(first.reviews).toHaveLength(1);
      expect(await store.people.listUserSessions(demoUserIds.supervisor)).toEqual([]);

      expect(await seedDemo({ store, clock: { now: () => morning(today) } })).toMatchObject({
        seeded: false,
        reviews: 0,
      });
      // A run cut short and run again: each 通报, 约谈 step and message is replayed, none written twice.
      const data = (await store.campaigns.loadCampaign(demoCampaignId))!;
      expect(await seedDemoReviews(store, data, buildDemoUsers())).toBe(0);
      expect(await snapshot()).toEqual(first);
      expect(await store.people.listUserSessions(demoUserIds.supervisor)).toEqual([]);
    },
  );

  it('leaves the previous month’s 通报 as the figures give it: publishing it again is refused', async () => {
    const demo = await demoAt('2025-12-02');
    const supervisor = await demo.login(demoUserIds.supervisor);
    const again = await demo.call(
      'review.publish',
      { campaignId: demoCampaignId, period: '2025-10', note: '', requestId: 'publish-again-0001' },
      supervisor,
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('无需重新发布') },
    });
  });
});

describe('the demo after its end (a restart with ARENA_NOW past the late window)', () => {
  it('asks for 书面说明 and enters deductions once the figures are final, not before', async () => {
    const demo = await demoAt('2025-10-20'); // 2025-09-10 … 2025-12-18, figures final from 2026-01-03
    const { campaign } = buildDemoCampaign('2025-10-20');
    const finalDay = addDays(campaign.endDate, 16);
    const campaignId = demoCampaignId;

    demo.setDay(addDays(finalDay, -1));
    const early = await demo.login(demoUserIds.supervisor);
    expect((await demo.expectOk('explanation.list', { campaignId }, early)).items).toEqual([]);
    expect((await demo.expectOk('ledger.list', { campaignId }, early)).entries).toEqual([]);

    demo.setDay(finalDay);
    expect(await seedDemo({ store: demo.store, clock: { now: () => morning(finalDay) } })).toMatchObject({
      seeded: false,
      campaignId,
    });
    const supervisor = await demo.login(demoUserIds.supervisor);
    const { items } = await demo.expectOk('explanation.list', { campaignId }, supervisor);
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((e) => e.status === 'requested' && e.dueDate === addDays(finalDay, 7))).toBe(true);
    expect(items.some((e) => e.unitId === story && e.metricId === invest)).toBe(true);
    const ledger = await demo.expectOk('ledger.list', { campaignId }, supervisor);
    expect(ledger.entries).toHaveLength(items.length);
    expect(ledger.entries.every((l) => l.points === -1 && l.source.kind === 'explanation')).toBe(true);
    expect(ledger.totals.find((t) => t.unitId === story)?.points).toBeLessThanOrEqual(-1);
  });
});
