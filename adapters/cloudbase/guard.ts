/**
 * The ContentGuard on WeChat's `security.msgSecCheck` (version 2): 'risky' is refused, 'review' is
 * published but flagged for a supervisor, 'pass' goes through. When the check itself cannot run (no
 * OPENID, an API error), the text is treated as 'review': a post is never lost, and never goes out
 * unchecked without a flag.
 */
import type { ContentGuard } from '../../core/app/ports';
import { errCodeOf, type WxOpenApi } from './cloud-types';

type Verdict = 'pass' | 'review' | 'risky';

/** The API's label numbers, in words for the supervisor's flag. */
const labels: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};

/** The API takes at most 2500 characters of content a call. */
const CHUNK = 2500;
const severity: Record<Verdict, number> = { pass: 0, review: 1, risky: 2 };

export interface MsgSecGuardOptions {
  openapi: { security: Pick<WxOpenApi['security'], 'msgSecCheck'> };
  /** 2 (评论) suits posts and comments others read. */
  scene?: 1 | 2 | 3 | 4;
  log?: (entry: Record<string, unknown>) => void;
}

export function createMsgSecGuard({ openapi, scene = 2, log }: MsgSecGuardOptions): ContentGuard {
  async function checkOne(content: string, openid: string): Promise<{ verdict: Verdict; label?: string }> {
    try {
      const res = await openapi.security.msgSecCheck({ version: 2, scene, openid, content });
      const code = errCodeOf(res) ?? 0;
      const suggest = res.result?.suggest;
      if (code === 0 && (suggest === 'pass' || suggest === 'review' || suggest === 'risky')) {
        const label = labels[res.result?.label ?? 0];
        return label && suggest !== 'pass' ? { verdict: suggest, label } : { verdict: suggest };
      }
      log?.({ level: 'warn', msg: 'msgSecCheck gave no verdict', errCode: code, suggest });
    } catch (e) {
      log?.({ level: 'warn', msg: 'msgSecCheck failed', errCode: errCodeOf(e) ?? null });
    }
    return { verdict: 'review', label: '未能完成内容检查' };
  }

  return {
    async check(text, who) {
      if (text.trim() === '') return { verdict: 'pass' };
      if (!who.openid) return { verdict: 'review', label: '未能完成内容检查' };
      const chars = Array.from(text);
      let worst: { verdict: Verdict; label?: string } = { verdict: 'pass' };
      for (let i = 0; i < chars.length; i += CHUNK) {
        const got = await checkOne(chars.slice(i, i + CHUNK).join(''), who.openid);
        if (severity[got.verdict] > severity[worst.verdict]) worst = got;
        if (worst.verdict === 'risky') break;
      }
      return worst;
    },
  };
}
