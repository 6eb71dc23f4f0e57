/**
 * The `arena` function's handler, apart from the SDK so tests can pass a fake `cloud`: `{action, data}`
 * in, the envelope the self-hosted server answers out. The caller is the OPENID the platform vouches for
 * (`cloud.getWXContext()`), never a field of the event — the event also carries a client-supplied
 * `userInfo`, which is ignored. Deps, caches and rate limits live as long as the function's instance; each
 * call runs as one `invocation` of the store (a version document read once in it).
 * One event is not a call: WeChat's push of an image check's verdict (`Event: 'wxa_media_check'`), taken
 * only as adapters/cloudbase/media-push.ts allows.
 */
import { fail, ok, type Result } from '../../core/contract';
import { createArena } from '../../core/app';
import { applyPhotoVerdict } from '../../core/app/posts/photo-checks';
import type { Deps } from '../../core/app/ports';
import type { WxContext } from '../../adapters/cloudbase/cloud-types';
import { fromPlatform, isMediaPush, readMediaPush } from '../../adapters/cloudbase/media-push';
import { createExcelWorkbooks } from '../../adapters/excel';
import { createCloudDeps, type CloudDepsOptions, type CloudMain } from '../../cloud/deps';

/** Only `action` and `data` of the event reach the router. */
function requestOf(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const { action, data } = event as { action?: unknown; data?: unknown };
  return data === undefined ? { action } : { action, data };
}

/** An image check's verdict pushed by WeChat: applied when it may be WeChat's and names a check we started. */
async function mediaPush(deps: Deps, event: Record<string, unknown>, context: WxContext): Promise<Result<unknown>> {
  if (!fromPlatform(event, context)) {
    deps.log?.({ level: 'warn', msg: 'media check push refused: not from the platform', source: context.SOURCE ?? null });
    return fail('FORBIDDEN', '图片审核结果只接受微信平台的推送，不能从小程序调用。');
  }
  const verdict = readMediaPush(event);
  if (!verdict) return fail('INVALID_ARGUMENT', '图片审核推送缺少 trace_id 或审核结果（result.suggest）。');
  return ok({ outcome: await applyPhotoVerdict(deps, verdict) });
}

export function createArenaMain({ cloud, ...options }: CloudDepsOptions): CloudMain {
  // The 通报's export (review.export) is the app's: exceljs stays out of the timer function.
  const { deps, invocation } = createCloudDeps({ cloud, workbooks: createExcelWorkbooks(), ...options });
  const arena = createArena(deps);
  return (event) =>
    invocation(async () => {
      const context = cloud.getWXContext();
      if (isMediaPush(event)) return mediaPush(deps, event, context);
      return arena.handle(requestOf(event), { openid: context.OPENID ? context.OPENID : null });
    });
}
