/**
 * The `arena` function's handler, apart from the SDK so tests can pass a fake `cloud`: `{action, data}`
 * in, the envelope the self-hosted server answers out. The caller is the OPENID the platform vouches for
 * (`cloud.getWXContext()`), never a field of the event — the event also carries a client-supplied
 * `userInfo`, which is ignored. Deps, caches and rate limits live as long as the function's instance.
 */
import type { Result } from '../../core/contract';
import { createArena } from '../../core/app';
import type { Clock, Ids } from '../../core/app/ports';
import { createCloudDeps, type CloudDepsOptions } from '../../adapters/cloudbase/cloud-deps';
import type { WxCloud } from '../../adapters/cloudbase/cloud-types';

export interface ArenaHandlerOptions {
  cloud: Pick<WxCloud, 'database' | 'openapi' | 'getTempFileURL' | 'getWXContext'>;
  env: CloudDepsOptions['env'];
  clock?: Clock;
  ids?: Ids;
  log?: CloudDepsOptions['log'];
}

export type CloudMain = (event: unknown, context?: unknown) => Promise<Result<unknown>>;

/** Only `action` and `data` of the event reach the router. */
function requestOf(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const { action, data } = event as { action?: unknown; data?: unknown };
  return data === undefined ? { action } : { action, data };
}

export function createArenaMain({ cloud, ...options }: ArenaHandlerOptions): CloudMain {
  const { deps } = createCloudDeps({ cloud, ...options });
  const arena = createArena(deps);
  return async (event) => {
    const openid = cloud.getWXContext().OPENID;
    return arena.handle(requestOf(event), { openid: openid ? openid : null });
  };
}
