/**
 * The one typed API client: `call(action, data)` over the shared contract.
 * Input is checked with the contract's schema before it leaves the phone, the envelope and the
 * output are checked when they come back, and every failure is thrown as an ApiCallError. The schemas
 * are loaded by the first call (in the browser a chunk of their own: ./contract.h5.ts).
 * An UNAVAILABLE answer (the server did nothing: its database was busy) is sent again, the same body and
 * so the same requestId, after the wait the server names, a few times; then its Chinese message is thrown.
 */
import type { ActionInput, ActionName, ActionOutput, ApiError } from '../../core/contract';
import { loadContract } from './contract';
import type { ContractValues } from './contract.types';
import { ApiCallError, networkError } from './errors';
import { getToken, setSession } from './session';
import { transport } from './transport';

export { ApiCallError } from './errors';

export async function call<A extends ActionName>(action: A, data: ActionInput<A>): Promise<ActionOutput<A>> {
  const contract = await loadContract().catch(() => {
    throw networkError();
  });
  const spec = contract.actions[action];
  const input = spec.input.safeParse(data);
  if (!input.success) {
    throw new ApiCallError('INVALID_ARGUMENT', input.error.issues[0]?.message ?? '填写的内容有误');
  }
  let envelope: Envelope;
  for (let retries = 0; ; retries += 1) {
    envelope = asEnvelope(contract, await transport({ action, data: input.data, token: getToken() }));
    const wait = envelope.ok ? null : retryWaitMs(envelope.error, retries);
    if (wait === null) break;
    await sleep(wait);
  }
  if (!envelope.ok) {
    // A stale token: forget it so the next screen signs in again instead of failing forever.
    if (envelope.error.code === 'UNAUTHENTICATED') setSession(null, null);
    throw new ApiCallError(envelope.error.code, envelope.error.message);
  }
  const output = spec.output.safeParse(envelope.data);
  if (!output.success) throw new ApiCallError('INTERNAL', '服务器返回的数据格式有误，请稍后重试');
  return output.data as ActionOutput<A>;
}

type Envelope = { ok: true; data: unknown } | { ok: false; error: ApiError };

/** Sends after the first that an UNAVAILABLE answer gets. */
export const UNAVAILABLE_RETRIES = 2;
/** A longer wait (a read-only or full disk) is for an administrator to end: the message shows at once. */
const MAX_RETRY_WAIT_SECONDS = 5;
const DEFAULT_RETRY_WAIT_SECONDS = 2;

/** How long to wait before sending the same request again, or null to give the answer to the caller. */
function retryWaitMs(error: ApiError, retriesSoFar: number): number | null {
  if (error.code !== 'UNAVAILABLE' || retriesSoFar >= UNAVAILABLE_RETRIES) return null;
  const seconds = error.retryAfterSeconds ?? DEFAULT_RETRY_WAIT_SECONDS;
  return seconds <= MAX_RETRY_WAIT_SECONDS ? seconds * 1000 : null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function asEnvelope({ ApiError }: ContractValues, body: unknown): Envelope {
  if (body && typeof body === 'object' && 'ok' in body) {
    const b = body as { ok: unknown; data?: unknown; error?: unknown };
    if (b.ok === true) return { ok: true, data: b.data };
    const error = ApiError.safeParse(b.error);
    if (b.ok === false && error.success) return { ok: false, error: error.data };
  }
  throw new ApiCallError('INTERNAL', '服务器暂时不可用，请稍后重试');
}
