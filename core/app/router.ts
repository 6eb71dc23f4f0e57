/**
 * The one entry of the core: `createArena(deps).handle(body, caller)` turns any request body into a
 * Result. Steps: the envelope → the action (unknown: NOT_FOUND) → who is calling (an OPENID, else a
 * session token; `anyone` routes skip this) → the per-caller rate limit → the action's input schema →
 * the handler. Calls to `anyone` routes, and calls whose identity fails, spend a smaller budget per
 * OPENID or address (callers with neither share one), so a flood of sign-ins or bad tokens stops there.
 * An OPENID no user has bound may call only `me.bind` and `campaign.current`. Anything thrown is logged
 * and answered INTERNAL; no request can make it throw.
 */
import { Envelope, fail, isActionName, type ActionName, type Result } from '../contract';
import { adminCampaignLoad, adminCampaignSave, adminCampaignSetCurrent } from './campaigns/admin';
import { campaignCurrent } from './campaigns/current';
import { campaignList } from './campaigns/list';
import { createCampaignCache } from './campaigns/view';
import type { AppState, Caller, Ctx, Route, Routes } from './context';
import { deliver } from './notifications/deliver';
import { notifyList, notifyRead, notifySubscribe } from './notifications/notify';
import { demoLogin, demoUsers } from './people/demo-login';
import { identify, unbound } from './people/identify';
import { adminInvite } from './people/invite';
import { authJoin, meBind } from './people/join';
import { authLogin } from './people/login';
import { createSignInLimits } from './people/limits';
import { meGet, meLogout, meLogoutAll } from './people/me';
import { adminUserRevokeSessions } from './people/revoke';
import type { Deps } from './ports';
import { postCreate } from './posts/create';
import { learnList, type Board } from './posts/learn';
import { postList } from './posts/list';
import { checkPhotoRefs } from './posts/photos';
import { screenText } from './posts/screen';
import { createRateLimiter } from './rate-limit';
import { explanationDecide, explanationList, explanationSubmit } from './reviews/explanations';
import { reviewExport } from './reviews/export';
import { interviewList, interviewRecord } from './reviews/interviews';
import { ledgerList, ledgerReverse } from './reviews/ledger';
import { reviewDraft, reviewPublish } from './reviews/publish';
import { reviewGet, reviewList } from './reviews/read';
import type { Checks, Tell } from './reviews/shared';
import { postExemplar } from './social/exemplars';
import { postComment, postComments, postReact } from './social/reactions';
import { createStandingsCache } from './standings/cache';
import { leaderboard } from './standings/leaderboard';
import { unitDetail, unitTrend } from './standings/units';
import { taskGet, taskList } from './tasks/list';
import { taskNote } from './tasks/note';
import { boardBlockers, problemHistory, problemList } from './tasks/problem-list';
import { problemCreate, problemTransition } from './tasks/problems';
import { taskSave } from './tasks/save';
import type { Feed } from './tasks/shared';
import { isStoreUnavailable, unavailable } from './unavailable';
import { parseAction, parseInput } from './validate';

export type { Caller } from './context';

/** The posts area's rules the tasks area uses: a note's figures are posted by post.create itself. */
const feed: Feed = { post: (ctx, args) => postCreate.run(ctx, args), screen: screenText };

/** The standings area's board, for the 学 view's top units. */
const board: Board = async (ctx, campaignId, trackId) => {
  const r = await leaderboard.run(ctx, { campaignId, ...(trackId !== undefined ? { trackId } : {}) });
  return r.ok ? { ok: true, data: r.data.rows } : r;
};

/** The posts area's checks, for a 书面说明's text and photos. */
const checks: Checks = { screen: screenText, photos: checkPhotoRefs };

/** Delivery for the reviews area: each message stored once under its dedupe key, then sent; a user's in turn. */
const tell: Tell = {
  async send(ctx, messages) {
    const now = ctx.deps.clock.now();
    const perUser = new Map<string, typeof messages[number][]>();
    for (const m of messages) perUser.set(m.user.id, [...(perUser.get(m.user.id) ?? []), m]);
    const users = [...perUser.values()];
    // Twenty users at a time: a city's leaders and supervisors are told while the supervisor waits.
    for (let i = 0; i < users.length; i += 20)
      await Promise.all(
        users.slice(i, i + 20).map(async (mine) => {
          for (const { user, ...reminder } of mine) await deliver(ctx.deps, { ...reminder, userId: user.id }, user, now);
        }),
      );
  },
};

export const routes: Routes = {
  'auth.demoUsers': demoUsers,
  'auth.demoLogin': demoLogin,
  'auth.login': authLogin,
  'auth.join': authJoin,
  'me.get': meGet,
  'me.logout': meLogout,
  'me.logoutAll': meLogoutAll,
  'me.bind': meBind,
  'campaign.current': campaignCurrent,
  'campaign.list': campaignList,
  'post.create': postCreate,
  'post.list': postList,
  'board.leaderboard': leaderboard,
  'unit.detail': unitDetail,
  'unit.trend': unitTrend,
  'task.list': taskList,
  'task.get': taskGet,
  'task.save': taskSave,
  'task.note': taskNote(feed),
  'problem.create': problemCreate(feed),
  'problem.transition': problemTransition,
  'problem.list': problemList,
  'problem.history': problemHistory,
  'board.blockers': boardBlockers,
  'admin.invite': adminInvite,
  'admin.user.revokeSessions': adminUserRevokeSessions,
  'admin.campaign.save': adminCampaignSave,
  'admin.campaign.load': adminCampaignLoad,
  'admin.campaign.setCurrent': adminCampaignSetCurrent,
  'post.react': postReact,
  'post.comment': postComment(screenText),
  'post.comments': postComments,
  'post.exemplar': postExemplar,
  'learn.list': learnList(board),
  'review.draft': reviewDraft,
  'review.publish': reviewPublish(tell),
  'review.get': reviewGet,
  'review.list': reviewList,
  'review.export': reviewExport,
  'interview.list': interviewList,
  'interview.record': interviewRecord,
  'explanation.list': explanationList,
  'explanation.submit': explanationSubmit(checks),
  'explanation.decide': explanationDecide(tell),
  'ledger.list': ledgerList,
  'ledger.reverse': ledgerReverse,
  'notify.list': notifyList,
  'notify.read': notifyRead,
  'notify.subscribe': notifySubscribe,
};

export interface Arena {
  handle(body: unknown, caller: Caller): Promise<Result<unknown>>;
}

/**
 * Calls without a valid identity a minute, per OPENID or address: a quarter of what one signed-in user may
 * make (a sign-in page needs a handful; the rest is a flood). Not a positive number: no limit.
 */
export const anonymousPerMinute = (settings: Deps['settings']): number =>
  settings.rateLimitPerMinute > 0 ? Math.max(1, Math.floor(settings.rateLimitPerMinute / 4)) : 0;

/** What the anonymous budget counts against: the OPENID, else the address, else one shared key. */
const anonymousKey = (caller: Caller): string =>
  caller.openid ? `openid:${caller.openid}` : caller.ip ? `ip:${caller.ip}` : 'no-address';

const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createArena(deps: Deps): Arena {
  const timer = deps.timer ?? deps.clock;
  const anonymousLimit = anonymousPerMinute(deps.settings);
  const state: AppState = {
    campaigns: createCampaignCache(),
    standings: createStandingsCache(),
    limiter: createRateLimiter(timer, deps.settings.rateLimitPerMinute),
    anonymous: createRateLimiter(timer, anonymousLimit),
    attempts: createSignInLimits(timer),
    dummyHash: null,
  };
  const anonymousLimited = fail(
    'RATE_LIMITED',
    `请求过于频繁：未登录或登录已失效的请求，每个网络地址每分钟最多 ${anonymousLimit} 次，请稍后再试。`,
  );

  async function dispatch<A extends ActionName>(
    name: A,
    data: unknown,
    caller: Caller,
  ): Promise<Result<unknown>> {
    const route: Route<A> = routes[name];
    const ctx: Ctx = { deps, state, caller };
    if (route.access === 'anyone') {
      if (!state.anonymous.take(anonymousKey(caller))) return anonymousLimited;
      const args = parseAction(name, data);
      return args.ok ? route.run(ctx, args.data) : args;
    }
    const who = await identify(deps, caller);
    if (!who.ok) return state.anonymous.take(anonymousKey(caller)) ? who : anonymousLimited;
    if (!state.limiter.take(who.data.key)) {
      return fail(
        'RATE_LIMITED',
        `请求过于频繁：每分钟最多 ${deps.settings.rateLimitPerMinute} 次，请稍后再试。`,
      );
    }
    const { user } = who.data;
    if (route.access === 'user' && !user) return unbound;
    const args = parseAction(name, data);
    if (!args.ok) return args;
    if (route.access === 'visitor') return route.run({ ...ctx, user }, args.data);
    return user ? route.run({ ...ctx, user }, args.data) : unbound;
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
        return await dispatch(action, envelope.data.data, caller ?? {});
      } catch (error) {
        // The store gave up on a write it may be asked again (locked, read-only, disk full): say so, retryably.
        if (isStoreUnavailable(error)) {
          deps.log?.({ level: 'warn', msg: 'store unavailable', action, reason: error.reason });
          return unavailable(error);
        }
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
