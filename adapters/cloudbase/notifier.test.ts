/**
 * Subscription messages: who gets one, what the template receives (cut to WeChat's limits), and how a
 * refusal (43101) and other failures come back, so the job can fall back to the in-app list.
 */
import type { NotificationRecord, UserRecord } from '../../core/app/ports';
import type { SubscribeSendParams, WxOpenApi } from './cloud-types';
import { createSubscribeNotifier } from './notifier';

const user: UserRecord = { id: 'u1', name: '王芳', role: 'reporter', cityId: 'city', unitId: 'A', openid: 'o-1', subscribeCredits: { 'tpl-no-post': 2 } };
const notification: NotificationRecord = {
  id: 'n1',
  userId: 'u1',
  cityId: 'city',
  campaignId: 'c1',
  kind: 'no_post',
  title: '方岩镇已连续 7 天没有晒一晒，请及时填报本周进展',
  body: '最近一次填报：3月2日',
  subjectId: 'A',
  dedupeKey: 'u1|no_post|A|2025-03-09',
  createdAt: Date.parse('2025-03-09T01:00:00Z'),
  readAt: null,
  channels: {},
};

function fakeOpenApi(answer: (p: SubscribeSendParams) => Promise<{ errCode?: number }>) {
  const calls: SubscribeSendParams[] = [];
  const openapi: Pick<WxOpenApi, 'subscribeMessage'> = {
    subscribeMessage: {
      send: (p) => {
        calls.push(p);
        return answer(p);
      },
    },
  };
  return { openapi, calls };
}

const templates = { no_post: { id: 'tpl-no-post', fields: { thing1: 'title', thing2: 'body', time3: 'time', phrase4: 'kind' } as const } };
const rejectWith = (errCode: number) => () => Promise.reject(Object.assign(new Error(`errCode ${errCode}`), { errCode }));

describe('subscription-message notifier', () => {
  it('sends the kind’s template to the user’s OPENID, each value within its keyword’s limit', async () => {
    const { openapi, calls } = fakeOpenApi(async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }));
    const notifier = createSubscribeNotifier({ openapi, templates, page: 'pages/me/index' });
    expect(notifier.channel).toBe('subscribe');
    // The job counts the consents, per template: one of the kind's template spent per 'sent'.
    expect(notifier.creditTemplate?.('no_post')).toBe('tpl-no-post');
    expect(notifier.creditTemplate?.('review_published')).toBeNull();
    expect(await notifier.send({ user, notification })).toBe('sent');
    expect(calls).toEqual([
      {
        touser: 'o-1',
        templateId: 'tpl-no-post',
        page: 'pages/me/index',
        miniprogramState: 'formal',
        lang: 'zh_CN',
        data: {
          thing1: { value: '方岩镇已连续 7 天没有晒一晒，请及时…' },
          thing2: { value: '最近一次填报：3月2日' },
          time3: { value: '2025年3月9日 09:00' },
          phrase4: { value: '填报提醒' },
        },
      },
    ]);
    expect(Array.from(calls[0]!.data.thing1!.value)).toHaveLength(20);
  });

  it('skips, without calling WeChat, a user with no OPENID, no consent left, or a kind with no template', async () => {
    const { openapi, calls } = fakeOpenApi(async () => ({ errCode: 0 }));
    const notifier = createSubscribeNotifier({ openapi, templates });
    expect(await notifier.send({ user: { ...user, openid: undefined }, notification })).toBe('skipped');
    expect(await notifier.send({ user: { ...user, subscribeCredits: {} }, notification })).toBe('skipped');
    expect(await notifier.send({ user: { ...user, subscribeCredits: undefined }, notification })).toBe('skipped');
    // A consent to another template is no consent to this one.
    expect(await notifier.send({ user: { ...user, subscribeCredits: { 'tpl-review': 3 } }, notification })).toBe('skipped');
    expect(await notifier.send({ user, notification: { ...notification, kind: 'review_published' } })).toBe('skipped');
    expect(calls).toHaveLength(0);
  });

  it('credits counted before templates were told apart ("*") still send', async () => {
    const { openapi, calls } = fakeOpenApi(async () => ({ errCode: 0 }));
    const notifier = createSubscribeNotifier({ openapi, templates });
    expect(await notifier.send({ user: { ...user, subscribeCredits: { '*': 1 } }, notification })).toBe('sent');
    expect(calls.map((c) => c.templateId)).toEqual(['tpl-no-post']);
  });

  it('a value its keyword refuses is never sent: failed and logged, WeChat not called', async () => {
    const log = jest.fn();
    const { openapi, calls } = fakeOpenApi(async () => ({ errCode: 0 }));
    const blank = createSubscribeNotifier({ openapi, templates, log });
    expect(await blank.send({ user, notification: { ...notification, body: ' \n ' } })).toBe('failed');
    expect(calls).toHaveLength(0);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ kind: 'no_post', templateId: 'tpl-no-post' }));
  });

  it('a refusal or used-up consent (43101) is not_subscribed, thrown or answered', async () => {
    const thrown = createSubscribeNotifier({ openapi: fakeOpenApi(rejectWith(43101)).openapi, templates });
    expect(await thrown.send({ user, notification })).toBe('not_subscribed');
    const answered = createSubscribeNotifier({ openapi: fakeOpenApi(async () => ({ errCode: 43101 })).openapi, templates });
    expect(await answered.send({ user, notification })).toBe('not_subscribed');
  });

  it('any other failure is failed, and is logged with its code', async () => {
    const log = jest.fn();
    const bad = createSubscribeNotifier({ openapi: fakeOpenApi(rejectWith(47003)).openapi, templates, log });
    expect(await bad.send({ user, notification })).toBe('failed');
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ errCode: 47003 }));
    const network = createSubscribeNotifier({ openapi: fakeOpenApi(() => Promise.reject(new Error('timeout'))).openapi, templates });
    expect(await network.send({ user, notification })).toBe('failed');
  });
});
