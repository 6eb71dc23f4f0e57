/**
 * What a handler gets: the ports, the router's own state (caches, rate limiter) and, for every action
 * but `auth.*`, the signed-in user. The handler table is typed by ActionName, so a missing or renamed
 * action fails to compile.
 */
import type { ActionArgs, ActionName, ActionOutput, Result } from '../contract';
import type { CampaignCache } from './current';
import type { Deps, UserRecord } from './ports';
import type { RateLimiter } from './rate-limit';
import type { StandingsCache } from './standings-cache';

export interface AppState {
  campaigns: CampaignCache;
  standings: StandingsCache;
  limiter: RateLimiter;
}

export interface Ctx {
  deps: Deps;
  state: AppState;
}

export interface UserCtx extends Ctx {
  user: UserRecord;
}

type Handler<A extends ActionName, C> = (ctx: C, args: ActionArgs<A>) => Promise<Result<ActionOutput<A>>>;

/** `auth.*` actions run without a session; all others with one. */
export type Route<A extends ActionName> =
  { public: true; run: Handler<A, Ctx> } | { public: false; run: Handler<A, UserCtx> };

export type Routes = { [A in ActionName]: Route<A> };
