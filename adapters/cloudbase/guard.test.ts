/**
 * Content checks with msgSecCheck v2: risky text is refused, review is flagged, and a check that cannot
 * run flags the text rather than losing the post or letting it through unflagged.
 */
import type { MsgSecCheckParams, MsgSecCheckResult, WxOpenApi } from './cloud-types';
import { createMsgSecGuard } from './guard';

function fakeSecurity(answer: (p: MsgSecCheckParams) => Promise<MsgSecCheckResult>) {
  const calls: MsgSecCheckParams[] = [];
  const openapi: { security: Pick<WxOpenApi['security'], 'msgSecCheck'> } = {
    security: {
      msgSecCheck: (p) => {
        calls.push(p);
        return answer(p);
      },
    },
  };
  return { openapi, calls };
}

const who = { userId: 'u1', openid: 'o-1' };
const suggest = (s: string, label = 100) => async () => ({ errCode: 0, result: { suggest: s, label } });

describe('msgSecCheck content guard', () => {
  it('asks version 2, scene 2, with the writer’s OPENID, and maps each suggestion', async () => {
    const pass = fakeSecurity(suggest('pass'));
    expect(await createMsgSecGuard({ openapi: pass.openapi }).check('完成投资 2.1 亿元', who)).toEqual({ verdict: 'pass' });
    expect(pass.calls).toEqual([{ version: 2, scene: 2, openid: 'o-1', content: '完成投资 2.1 亿元' }]);
    expect(await createMsgSecGuard({ openapi: fakeSecurity(suggest('review', 20001)).openapi }).check('x', who)).toEqual({
      verdict: 'review',
      label: '时政',
    });
    expect(await createMsgSecGuard({ openapi: fakeSecurity(suggest('risky', 20003)).openapi }).check('x', who)).toEqual({
      verdict: 'risky',
      label: '辱骂',
    });
  });

  it('empty text passes without a call', async () => {
    const { openapi, calls } = fakeSecurity(suggest('risky'));
    expect(await createMsgSecGuard({ openapi }).check('  \n ', who)).toEqual({ verdict: 'pass' });
    expect(calls).toHaveLength(0);
  });

  it('an API failure, an error code or an unknown answer flags the text for review', async () => {
    const failing = [
      () => Promise.reject(Object.assign(new Error('system error'), { errCode: -1 })),
      async () => ({ errCode: 61010 }),
      async () => ({ errCode: 0, result: { suggest: 'maybe' } }),
    ];
    for (const answer of failing) {
      const log = jest.fn();
      const got = await createMsgSecGuard({ openapi: fakeSecurity(answer).openapi, log }).check('文字', who);
      expect(got.verdict).toBe('review');
      expect(log).toHaveBeenCalled();
    }
  });

  it('without an OPENID the check cannot run: review, not pass', async () => {
    const { openapi, calls } = fakeSecurity(suggest('pass'));
    expect((await createMsgSecGuard({ openapi }).check('文字', { userId: 'u1' })).verdict).toBe('review');
    expect(calls).toHaveLength(0);
  });

  it('long text is checked in 2500-character parts and the worst part decides', async () => {
    const { openapi, calls } = fakeSecurity(async (p) =>
      p.content.includes('坏') ? { errCode: 0, result: { suggest: 'risky', label: 20006 } } : { errCode: 0, result: { suggest: 'pass' } },
    );
    const text = `${'好'.repeat(2600)}坏`;
    expect(await createMsgSecGuard({ openapi }).check(text, who)).toEqual({ verdict: 'risky', label: '违法犯罪' });
    expect(calls.map((c) => Array.from(c.content).length)).toEqual([2500, 101]);
  });
});
