/**
 * The verdict of `security.mediaCheckAsync` arrives as a message push (消息推送, routed in the cloud
 * console to the `arena` function, README): an event with no `action`, `MsgType: 'event'`,
 * `Event: 'wxa_media_check'`, the `trace_id` the check was started with and `result.suggest` (version 2;
 * version 1 pushes carry `isrisky` instead, and are read too).
 *
 * Anyone who can open the mini-program can also call `arena` with an event of that shape, so a push is
 * taken only when all of these hold:
 * 1. The call did not come from the mini-program: the WX context's SOURCE (set by the platform, not by
 *    the event) names no mini-program client, the event lacks the `userInfo` the platform adds to every
 *    mini-program call, and an OPENID the platform vouches for, if any, is the push's own `FromUserName`
 *    (WeChat's push account, never a user of the arena).
 * 2. Its trace id is one this deployment recorded when it started the check (core/app/posts/photo-checks.ts).
 *    Trace ids never leave the server: no answer carries them and clients cannot read the database.
 * A forged push therefore cannot name a photo; at worst it repeats a verdict already applied.
 */
import type { PhotoVerdict } from '../../core/app/posts/photo-checks';
import type { WxContext } from './cloud-types';

type Event = Record<string, unknown>;

const isObject = (v: unknown): v is Event => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A mediaCheckAsync push rather than an `{action, data}` call. */
export function isMediaPush(event: unknown): event is Event {
  return isObject(event) && !('action' in event) && event.Event === 'wxa_media_check';
}

/** Sources that mean "a mini-program (or its developer tool) made this call", anywhere in the chain. */
const clientSources = new Set(['wx_client', 'wx_devtools', 'wx_localdebug']);

/** Rule 1 above: whether this invocation can be WeChat's push rather than a user's call. */
export function fromPlatform(event: Event, context: WxContext): boolean {
  const sources = (context.SOURCE ?? '').split(',');
  if (sources.some((s) => clientSources.has(s.trim()))) return false;
  if ('userInfo' in event) return false;
  return !context.OPENID || context.OPENID === event.FromUserName;
}

/** The verdict a push carries, or null when it carries none that can be read. */
export function readMediaPush(event: Event): PhotoVerdict | null {
  const traceId = event.trace_id;
  if (typeof traceId !== 'string' || traceId === '' || traceId.length > 200) return null;
  const result = isObject(event.result) ? event.result : {};
  const label = typeof result.label === 'number' ? { label: result.label } : {};
  const suggest = result.suggest;
  if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return { traceId, suggest, ...label };
  if (event.isrisky === 1) return { traceId, suggest: 'risky' };
  if (event.isrisky === 0) return { traceId, suggest: 'pass' };
  return null;
}
