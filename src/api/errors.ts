/**
 * The one error the client throws. Codes are the contract's, plus NETWORK for "nothing came back",
 * which is the only case a retry (with the same requestId) makes sense for.
 */
import type { ErrorCode } from '../../core/contract';

export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiCallError extends Error {
  readonly code: ClientErrorCode;

  constructor(code: ClientErrorCode, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
  }
}

export const networkError = (): ApiCallError => new ApiCallError('NETWORK', '网络连接失败，请检查网络后重试');

/** Any thrown value as a message a person can read. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiCallError) return e.message;
  return '出了点问题，请稍后重试';
}

export const isNetworkError = (e: unknown): boolean => e instanceof ApiCallError && e.code === 'NETWORK';
