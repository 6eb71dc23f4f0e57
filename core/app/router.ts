/**
 * The one entry of the core: `createArena(deps).handle(body, caller)` turns any request body into a
 * Result. Steps: the envelope → the action (unknown: NOT_FOUND) → the session (except `auth.*`) → the
 * per-user rate limit → the action's input schema → the handler. Anything thrown is logged and
 * answered INTERNAL; no request can make it throw.
 */
import { Envelope, fail, isActionName, type ActionName, type Result } from '../contract';
import { authenticate, demoLogin, demoUsers, meGet } from './auth';
import { campaignCurrent } from './campaigns';
import type { AppState, Ctx, Route, Routes } from './context';
import { createCampaignCache } from './current';
import { postCreate, postList } from './posts';
import type { Deps } from './ports';
import { createRateLimiter } from './rate-limit';
import { leaderboard } from './standings';
import { createStandingsCache } from './standings-cache';
import { unitDetail, unitTrend } from './units';
import { parseAction, parseInput } from './validate';

export const routes: Routes = {
  'auth.demoUsers': demoUsers,
  'auth.demoLogin': demoLogin,
  'me.get': meGet,
  'campaign.current': campaignCurrent,
  'post.create': postCreate,
  'post.list': postList,
  'board.leaderboard': leaderboard,
  'unit.detail': unitDetail,
  'unit.trend': unitTrend,
};

export interface Caller {
  /** The bearer token of the session (the only source of identity); absent for `auth.*`. */
  token?: string | null;
}

export interface Arena {
  handle(body: unknown, caller: Caller): Promise<Result<unknown>>;
}

const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createArena(deps: Deps): Arena {
  const state: AppState = {
    campaigns: createCampaignCache(),
    standings: createStandingsCache(),
    limiter: createRateLimiter(deps.clock, deps.settings.rateLimitPerMinute),
  };
  const ctx: Ctx = { deps, state };

  async function dispatch<A extends ActionName>(
    name: A,
    data: unknown,
    caller: Caller,
  ): Promise<Result<unknown>> {
    const route: Route<A> = routes[name];
    if (route.public) {
      const args = parseAction(name, data);
      return args.ok ? route.run(ctx, args.data) : args;
    }
    const user = await authenticate(deps, caller.token);
    if (!user.ok) return user;
    if (!state.limiter.take(user.data.id)) {
      return fail(
        'RATE_LIMITED',
        `请求过于频繁：每分钟最多 ${deps.settings.rateLimitPerMinute} 次，请稍后再试。`,
      );
    }
    const args = parseAction(name, data);
    return args.ok ? route.run({ ...ctx, user: user.data }, args.data) : args;
  }

  return {
    async handle(body, caller) {
      let action: string | undefined;
      try {
        if (!isPlainObject(body))
          return fail('INVALID_ARGUMENT', '请求体应为 JSON 对象：{"action": "…", "data": {…}}');
        const envelope = parseInput(Envelope, body);
        if (!envelope.ok) return envelope;
        action = envelope.data.action;
        if (!isActionName(action))
          return fail('NOT_FOUND', `未知的操作「${action.slice(0, 60)}」：请检查 action 名称。`);
        return await dispatch(action, envelope.data.data, caller);
      } catch (error) {
        deps.log?.({
          level: 'error',
          msg: 'action failed',
          action,
          error: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        });
        return fail('INTERNAL', '服务器内部错误，请稍后重试；如果一再出现，请联系管理员。');
      }
    },
  };
}
