/**
 * The `arena-cron` timer through `main(event, context)`: the no-post reminder goes out at 09:00 in
 * Shanghai to the reporters of units that have not posted for 7 days — once per day however often the
 * timer fires (twice in the hour, or two instances at once), again the next day if the unit still has not
 * posted, never during quiet hours, never to a unit that posted. Subscription messages go only to users with
 * an OPENID and a consent left; a refusal (43101) stops them and the in-app list carries on. On the real
 * wx-server-sdk over the CloudBase emulation; a timer invocation has no user.
 */
import { campaign, city, users } from '../app/arena';
import type { Store, UserRecord } from '../../core/app/ports';
import { createCloudStore } from '../../adapters/cloudbase/store';
import type { CloudMain } from '../../cloud/deps';
import { createCronMain } from '../../cloudfunctions/arena-cron/handler';
import { createTestCloud, quiet, shanghai, testClock, testIds, type TestCloud } from './fake-cloud';

const env = { ARENA_TPL_NO_POST: 'tpl-no-post' };
const timer = (at: number) => ({
  Type: 'Timer',
  TriggerName: 'hourly',
  Time: new Date(at).toISOString(),
  Message: '',
});

let fake: TestCloud;
let store: Store;
let clock: ReturnType<typeof testClock>;
let cron: CloudMain;

const reporter = (u: UserRecord, extra: Partial<UserRecord>): UserRecord => ({ ...u, demo: false, ...extra });

async function postFor(unitId: string, day: string, time: string, requestId: string) {
  const createdAt = new Date(shanghai(day, time)).toISOString();
  const r = await store.posts.commitPost(
    {
      campaignId: campaign.campaign.id,
      unitId,
      authorId: `author-${unitId}`,
      authorName: '填报员',
      createdAt,
      day,
      figures: [],
      text: '本周进展',
      photos: [],
      correctionReason: null,
      requestId,
    },
    () => ({ ok: true, figures: [] }),
  );
  if (!r.ok) throw new Error(r.error.message);
}

beforeEach(async () => {
  fake = createTestCloud();
  store = createCloudStore({ db: fake.db });
  await store.campaigns.saveCity(city);
  await store.campaigns.saveCampaign(campaign);
  await store.campaigns.setCurrentCampaign(city.id, campaign.campaign.id);
  await store.people.putUser(reporter(users.repA, { openid: 'o-a', subscribeCredits: { 'tpl-no-post': 5 } }));
  await store.people.putUser(reporter(users.real, { openid: 'o-real', subscribeCredits: { 'tpl-review': 5 } })); // unit A, not this template
  await store.people.putUser(reporter(users.repB, { openid: 'o-b', subscribeCredits: { 'tpl-no-post': 5 } }));
  await store.people.putUser(reporter(users.repC, { openid: 'o-c', subscribeCredits: { 'tpl-no-post': 5 } }));
  await store.people.putUser(reporter(users.repD, {})); // no OPENID: in-app only
  await store.people.putUser(reporter(users.leadA, { openid: 'o-lead-a', subscribeCredits: { 'tpl-no-post': 5 } })); // unit A's leader: reminded with its reporters
  await postFor('A', '2025-09-25', '10:00', 'req-a-0925');
  await postFor('B', '2025-10-09', '16:00', 'req-b-1009');
  // C and D never posted; the campaign began on 2025-09-01.
  clock = testClock(shanghai('2025-10-10', '08:00'));
  cron = createCronMain({ cloud: fake.cloud, env, clock: clock.clock, ids: testIds(), log: quiet });
});
afterEach(() => fake.done());

async function fire(day: string, time: string, main: CloudMain = cron, openid: string | null = null) {
  clock.set(shanghai(day, time));
  return fake.invoke(main, openid, timer(shanghai(day, time)));
}

const sentTo = () =>
  fake
    .sent()
    .map((s) => String(s.touser))
    .sort();
const stored = () =>
  fake.server
    .dump('notifications')
    .map((d) => `${String(d.userId)}@${(d.record as { dedupeKey: string }).dedupeKey.split('|')[3]}`)
    .sort();

describe('arena-cron: the no-post reminder', () => {
  it('at 09:00 Shanghai, reminds each reporter and leader of an idle unit once, however often the timer fires', async () => {
    expect(await fire('2025-10-10', '08:00')).toMatchObject({ ok: true, data: { ran: [] } });
    expect(fake.sent()).toHaveLength(0);

    const first = await fire('2025-10-10', '09:00');
    expect(first).toMatchObject({ ok: true, data: { ran: ['no_post', 'problem_overdue', 'task_due', 'interview_due', 'explanation_due'], sent: 5, skipped: 0 } });
    // A (two reporters and its leader), C and D are idle; B posted yesterday.
    expect(stored()).toEqual(['lead-a@2025-10-10', 'real@2025-10-10', 'rep-a@2025-10-10', 'rep-c@2025-10-10', 'rep-d@2025-10-10']);
    // Subscription messages only where there is an OPENID and a consent left.
    expect(sentTo()).toEqual(['o-a', 'o-c', 'o-lead-a']);
    const toA = fake.sent().find((s) => s.touser === 'o-a')!;
    // As WeChat receives it: the SDK has turned the names into snake_case.
    expect(toA).toMatchObject({
      template_id: 'tpl-no-post',
      page: 'pages/me/index',
      miniprogram_state: 'formal',
    });
    for (const { value } of Object.values(toA.data as Record<string, { value: string }>))
      expect(Array.from(value).length).toBeLessThanOrEqual(20);
    expect((await store.people.getUser(users.repA.id))?.subscribeCredits).toEqual({ 'tpl-no-post': 4 });

    // The same hour again: nothing new is stored or sent.
    expect(await fire('2025-10-10', '09:40')).toMatchObject({ ok: true, data: { sent: 0, skipped: 5 } });
    expect(fake.sent()).toHaveLength(3);
    expect(fake.server.dump('notifications')).toHaveLength(5);
    expect((await store.people.getUser(users.repA.id))?.subscribeCredits).toEqual({ 'tpl-no-post': 4 });
  });

  it('two function instances fired at the same moment still send each reminder once', async () => {
    const other = createCronMain({
      cloud: fake.cloud,
      env,
      clock: clock.clock,
      ids: testIds('other'),
      log: quiet,
    });
    clock.set(shanghai('2025-10-10', '09:00'));
    const event = timer(shanghai('2025-10-10', '09:00'));
    const both = await Promise.all([fake.invoke(cron, null, event), fake.invoke(other, null, event)]);
    const sent = both.map((r) => (r.ok ? (r.data as { sent: number }).sent : NaN));
    expect(sent[0]! + sent[1]!).toBe(5);
    expect(sentTo()).toEqual(['o-a', 'o-c', 'o-lead-a']);
    expect(fake.server.dump('notifications')).toHaveLength(5);
  });

  it('nothing at quiet hours or before nine, and the hour is Shanghai’s, not the server’s', async () => {
    for (const time of ['23:00', '22:00', '02:00', '07:00', '08:00', '08:59']) {
      expect(await fire('2025-10-10', time)).toMatchObject({ ok: true, data: { sent: 0 } });
    }
    expect(fake.sent()).toHaveLength(0);
    expect(fake.server.dump('notifications')).toHaveLength(0);
  });

  it('a missed nine o’clock tick loses nothing: the first run of the day, at 13:00, sends the day’s reminders', async () => {
    expect(await fire('2025-10-10', '13:00')).toMatchObject({
      ok: true,
      data: { ran: ['no_post', 'problem_overdue', 'task_due', 'interview_due', 'explanation_due'], sent: 5, left: 0 },
    });
    expect(sentTo()).toEqual(['o-a', 'o-c', 'o-lead-a']);
    expect(await fire('2025-10-10', '14:00')).toMatchObject({ ok: true, data: { sent: 0, skipped: 5 } });
    expect(fake.sent()).toHaveLength(3);
  });

  it('on two days running each owed reminder goes out once a day; a unit that posted is left alone', async () => {
    await fire('2025-10-10', '09:00');
    await fire('2025-10-10', '09:00');
    // Unit A posts the next morning before nine; C and D still have not.
    await postFor('A', '2025-10-11', '08:30', 'req-a-1011');
    await fire('2025-10-11', '09:00');
    await fire('2025-10-11', '09:59');

    expect(stored()).toEqual([
      'lead-a@2025-10-10',
      'real@2025-10-10',
      'rep-a@2025-10-10',
      'rep-c@2025-10-10',
      'rep-c@2025-10-11',
      'rep-d@2025-10-10',
      'rep-d@2025-10-11',
    ]);
    expect(sentTo()).toEqual(['o-a', 'o-c', 'o-c', 'o-lead-a']);
    expect(fake.sent().some((s) => s.touser === 'o-b')).toBe(false);
  });

  it('a refusal (43101) is recorded, ends the user’s messages, and the in-app list carries on', async () => {
    fake.services.answers['subscribeMessage.send'] = (p) =>
      p.touser === 'o-c'
        ? { errcode: 43101, errmsg: 'user refuse to accept the msg' }
        : { errcode: 0, errmsg: 'ok' };
    await fire('2025-10-10', '09:00');
    const toC = fake.server.dump('notifications').find((d) => d.userId === users.repC.id);
    expect((toC?.record as { channels: Record<string, string> }).channels).toEqual({
      subscribe: 'not_subscribed',
    });
    expect((await store.people.getUser(users.repC.id))?.subscribeCredits).toBeUndefined();

    fake.services.answers['subscribeMessage.send'] = () => ({ errcode: 0, errmsg: 'ok' });
    await fire('2025-10-11', '09:00');
    expect(sentTo()).toEqual(['o-a', 'o-a', 'o-c', 'o-lead-a', 'o-lead-a']);
    expect(stored().filter((s) => s.startsWith('rep-c@'))).toEqual(['rep-c@2025-10-10', 'rep-c@2025-10-11']);
  });

  it('the mini-program cannot call the timer: a call with an OPENID is refused', async () => {
    expect(await fire('2025-10-10', '09:00', cron, 'o-a')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(fake.sent()).toHaveLength(0);
    expect(fake.server.dump('notifications')).toHaveLength(0);
  });
});
