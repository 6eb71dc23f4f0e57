import { acceptedIds, subscribeFailureText, templateIds } from './subscribe';

describe('subscription reminders', () => {
  it('reads the configured template ids, ignoring blanks, at most the 3 WeChat asks at once', () => {
    expect(templateIds(undefined)).toEqual([]);
    expect(templateIds(' , ')).toEqual([]);
    expect(templateIds('a, b,,c,d')).toEqual(['a', 'b', 'c']);
    expect(templateIds('a,a, b,a,c')).toEqual(['a', 'b', 'c']);
  });

  it('sends only the templates the person accepted', () => {
    const result = { errMsg: 'requestSubscribeMessage:ok', a: 'accept', b: 'reject', c: 'ban' };
    expect(acceptedIds(result, ['a', 'b', 'c'])).toEqual(['a']);
    expect(acceptedIds({ a: 'reject' }, ['a'])).toEqual([]);
  });

  it('explains a switched-off setting (20004) differently from other failures, pointing to 消息', () => {
    expect(subscribeFailureText(20004)).toContain('微信已关闭订阅消息');
    expect(subscribeFailureText(10005)).toContain('“消息”');
  });
});
