/**
 * Content checks on what others will read (issue 4 "ContentGuard"): `risky` text is refused before
 * anything is written; `review` text is published, flagged for a supervisor. A guard that fails
 * (the WeChat check unreachable) does not lose the post: it is published flagged, and the failure logged.
 */
import { fail, ok, type Result } from '../../contract';
import type { UserCtx } from '../context';

export const riskyText = fail('INVALID_ARGUMENT', '内容含有不适宜发布的信息，请修改后再发');

/** Whether the text must be flagged for review; a Fail when it may not be published at all. */
export async function screenText(ctx: UserCtx, text: string): Promise<Result<{ flagged: boolean }>> {
  const { guard, log } = ctx.deps;
  if (!guard || text.trim() === '') return ok({ flagged: false });
  const who = { userId: ctx.user.id, ...(ctx.user.openid ? { openid: ctx.user.openid } : {}) };
  try {
    const { verdict, label } = await guard.check(text, who);
    if (verdict === 'risky') {
      log?.({ level: 'info', msg: 'text refused by the content guard', userId: who.userId, label });
      return riskyText;
    }
    return ok({ flagged: verdict === 'review' });
  } catch (error) {
    log?.({
      level: 'error',
      msg: 'content guard failed; publishing flagged for review',
      userId: who.userId,
      error: error instanceof Error ? error.message : String(error),
    });
    return ok({ flagged: true });
  }
}
