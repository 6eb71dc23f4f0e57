/**
 * The error side of the one envelope every action answers with.
 * Codes are strings (not classes) because errors cross process boundaries:
 * HTTP on the self-hosted server, the cloud-function hop on WeChat.
 */
import { z } from 'zod';

export const errorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
  /** Nothing was done and the same request may be sent again: the store was busy, read-only or full. */
  'UNAVAILABLE',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  /** Chinese, says what to fix. */
  message: z.string(),
  /** UNAVAILABLE only: how long to wait before sending the same request again (HTTP `Retry-After`). */
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** HTTP status for each code; the self-hosted edge is the only place that uses it. */
export const httpStatus: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; error: ApiError };
/** What every use case returns and every host sends back. */
export type Result<T> = Ok<T> | Fail;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Fail => ({ ok: false, error: { code, message } });
