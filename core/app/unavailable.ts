/**
 * A store that cannot do what it was asked right now, and did none of it: another process holds the
 * database's write lock, the database is read-only, or the disk is full. A store adapter throws
 * `StoreUnavailable` when it gives up (after its own short, bounded retries); the router answers it as
 * UNAVAILABLE (HTTP 503 with `Retry-After` on the self-hosted server), which a client may send again with
 * the same requestId. The core knows no database: only these three reasons.
 */
import type { Fail } from '../contract';

export type UnavailableReason = 'locked' | 'read-only' | 'disk-full';

/** What the person is told, per reason (Chinese, saying what to do). */
export const unavailableMessages: Readonly<Record<UnavailableReason, string>> = {
  locked: '服务器正忙，这次没有保存；请稍后再试一次。',
  'read-only': '服务器的存储当前只读，暂时无法保存；请联系管理员。',
  'disk-full': '服务器存储空间已满，暂时无法保存；请联系管理员。',
};

/** A busy lock clears in moments; a read-only or full disk waits for an administrator. */
const retryAfter: Readonly<Record<UnavailableReason, number>> = {
  locked: 2,
  'read-only': 60,
  'disk-full': 60,
};

export class StoreUnavailable extends Error {
  readonly reason: UnavailableReason;
  readonly retryAfterSeconds: number;

  /** `detail`: the store's own words (for the log), never sent to the client. */
  constructor(reason: UnavailableReason, detail?: string) {
    super(detail ? `store unavailable (${reason}): ${detail}` : `store unavailable (${reason})`);
    this.name = 'StoreUnavailable';
    this.reason = reason;
    this.retryAfterSeconds = retryAfter[reason];
  }
}

export const isStoreUnavailable = (error: unknown): error is StoreUnavailable =>
  error instanceof StoreUnavailable;

/** The answer to a request the store could not serve: UNAVAILABLE, in Chinese, with the wait. */
export const unavailable = (error: StoreUnavailable): Fail => ({
  ok: false,
  error: {
    code: 'UNAVAILABLE',
    message: unavailableMessages[error.reason],
    retryAfterSeconds: error.retryAfterSeconds,
  },
});
