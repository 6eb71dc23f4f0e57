/**
 * The mediaCheckAsync push: recognised by its shape, read in both versions, and refused when anything
 * says the mini-program sent it rather than WeChat.
 */
import { fromPlatform, isMediaPush, readMediaPush } from './media-push';

const push = {
  ToUserName: 'gh_38cc49f9733b',
  FromUserName: 'o-push-service',
  CreateTime: 1_760_000_000,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: 'wx-test-app',
  trace_id: '60f96f1d-3845297a-1976a3ae',
  version: 2,
  detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20002, prob: 90 }],
  errcode: 0,
  errmsg: 'ok',
  result: { suggest: 'risky', label: 20002 },
};

describe('the mediaCheckAsync push', () => {
  it('is told apart from an {action, data} call', () => {
    expect(isMediaPush(push)).toBe(true);
    expect(isMediaPush({ ...push, action: 'post.list' })).toBe(false);
    expect(isMediaPush({ action: 'post.list', data: {} })).toBe(false);
    expect(isMediaPush({ ...push, Event: 'user_enter_tempsession' })).toBe(false);
    expect(isMediaPush('wxa_media_check')).toBe(false);
  });

  it('carries a verdict in version 2 (result.suggest) and version 1 (isrisky)', () => {
    expect(readMediaPush(push)).toEqual({ traceId: push.trace_id, suggest: 'risky', label: 20002 });
    expect(readMediaPush({ ...push, result: { suggest: 'pass', label: 100 } })).toMatchObject({ suggest: 'pass' });
    expect(readMediaPush({ ...push, result: { suggest: 'review' } })).toEqual({ traceId: push.trace_id, suggest: 'review' });
    const v1 = { Event: 'wxa_media_check', trace_id: 't-1', isrisky: 1, extra_info_json: '', status_code: 0 };
    expect(readMediaPush(v1)).toEqual({ traceId: 't-1', suggest: 'risky' });
    expect(readMediaPush({ ...v1, isrisky: 0 })).toEqual({ traceId: 't-1', suggest: 'pass' });
  });

  it('without a trace id or a verdict carries nothing', () => {
    expect(readMediaPush({ ...push, trace_id: '' })).toBeNull();
    expect(readMediaPush({ ...push, trace_id: 7 })).toBeNull();
    expect(readMediaPush({ ...push, result: { suggest: 'maybe' } })).toBeNull();
    expect(readMediaPush({ Event: 'wxa_media_check', trace_id: 't-1' })).toBeNull();
  });

  it('may come from WeChat: no user context, or the push account’s own', () => {
    expect(fromPlatform(push, {})).toBe(true);
    expect(fromPlatform(push, { OPENID: 'o-push-service', APPID: 'wx-test-app', SOURCE: 'wx_unknown' })).toBe(true);
  });

  it('is refused when the mini-program sent it, however it is dressed', () => {
    expect(fromPlatform(push, { OPENID: 'o-user', SOURCE: 'wx_client' })).toBe(false);
    expect(fromPlatform({ ...push, FromUserName: 'o-user' }, { OPENID: 'o-user', SOURCE: 'wx_client' })).toBe(false);
    expect(fromPlatform(push, { SOURCE: 'wx_devtools' })).toBe(false);
    expect(fromPlatform(push, { SOURCE: 'wx_client,scf' })).toBe(false);
    expect(fromPlatform(push, { OPENID: 'o-user' })).toBe(false);
    expect(fromPlatform({ ...push, userInfo: { appId: 'wx-test-app', openId: 'o-user' } }, {})).toBe(false);
  });
});
