/**
 * What a handler gets: the ports, the router's own state (caches, rate limiters), who is calling, and —
 * depending on the route's access — the signed-in user. The handler table is typed by ActionName, so a
 * missing or renamed action fails to compile.
 */
import type { ActionArgs, ActionName, ActionOutput, Result } from '../contract';
import type { CampaignCache } from './campaigns/view';
import type { SignInLimits } from './people/limits';
import type { UserRecord } from './people/store';
import type { Deps } from './ports';
import type { RateLimiter } from './rate-limit';
import type { StandingsCache } from './standings/cache';

/** Who is calling, as the host established it (never a field of the request body). */
export interface Caller {
  /** The bearer token of a session (self-hosted). */
  token?: string | null;
  /** The WeChat OPENID, from `cloud.getWXContext().OPENID` in the cloud function; wins over a token. */
  openid?: string | null;
  /**
   * The client's network address (the self-hosted server passes it), for the limits on sign-in attempts
   * and on calls made without a valid identity; callers without one share one budget.
   */
  ip?: string | null;
}

export interface AppState {
  campaigns: CampaignCache;
  standings: StandingsCache;
  /** Requests per identified caller (user, or unbound OPENID). */
  limiter: RateLimiter;
  /** Calls to `anyone` routes and calls that failed identification, per OPENID, else address. */
  anonymous: RateLimiter;
  /** Failed sign-in, join and bind attempts, by (account, address), address and OPENID. */
  attempts: SignInLimits;
  /** A hash to verify against when the account is unknown, so both failures take as long. */
  dummyHash: Promise<string> | null;
}

export interface Ctx {
  deps: Deps;
  state: AppState;
  caller: Caller;
}

export interface UserCtx extends Ctx {
  user: UserRecord;
}

/** A caller the host identified: a signed-in user, or a WeChat OPENID not bound to anyone yet (user null). */
export interface VisitorCtx extends Ctx {
  user: UserRecord | null;
}

type Handler<A extends ActionName, C> = (ctx: C, args: ActionArgs<A>) => Promise<Result<ActionOutput<A>>>;

/**
 * `anyone`: no identity needed (sign-in, joining, binding); `visitor`: a signed-in user or an unbound
 * OPENID (what the first-run page may read); `user`: a signed-in user bound to the arena.
 */
export type Route<A extends ActionName> =
  | { access: 'anyone'; run: Handler<A, Ctx> }
  | { access: 'visitor'; run: Handler<A, VisitorCtx> }
  | { access: 'user'; run: Handler<A, UserCtx> };

export type Routes = { [A in ActionName]: Route<A> };
