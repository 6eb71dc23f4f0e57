/**
 * The part of wx-server-sdk's `cloud` object the arena uses besides the database: the caller's context,
 * the open APIs (subscription messages, content checks) and cloud storage URLs, as structural types that
 * the real SDK and the fakes in tests both fit. Shapes follow the server SDK 4.x and open-API references.
 */
import type { WxDatabase } from './wx-types';

/** What an open-API call resolves to; a failed call rejects with an error carrying `errCode`. */
export interface WxOpenApiResult {
  errCode?: number;
  errMsg?: string;
}

export interface SubscribeSendParams {
  touser: string;
  templateId: string;
  page?: string;
  /** Template keyword → { value }, e.g. { thing1: { value: '该晒一晒了' } }. */
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

export interface MsgSecCheckParams {
  version: 2;
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  scene: 1 | 2 | 3 | 4;
  openid: string;
  content: string;
  title?: string;
  nickname?: string;
}

export interface MsgSecCheckResult extends WxOpenApiResult {
  result?: { suggest?: string; label?: number };
  detail?: Array<{ strategy?: string; errcode?: number; suggest?: string; label?: number; keyword?: string }>;
}

/** An image or audio check whose verdict is pushed later (event `wxa_media_check`), matched by `traceId`. */
export interface MediaCheckAsyncParams {
  /** A URL WeChat can download (a cloud fileID will not do: a temporary URL of it). */
  mediaUrl: string;
  /** 1 audio, 2 image. */
  mediaType: 1 | 2;
  version: 2;
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  scene: 1 | 2 | 3 | 4;
  /** The user who posted it; WeChat wants one who used the mini-program in the last two hours. */
  openid: string;
}

/** The SDK turns the answer's snake_case into camelCase: `trace_id` arrives as `traceId`. */
export interface MediaCheckAsyncResult extends WxOpenApiResult {
  traceId?: string;
}

export interface WxOpenApi {
  subscribeMessage: { send(params: SubscribeSendParams): Promise<WxOpenApiResult> };
  security: {
    msgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckResult>;
    mediaCheckAsync(params: MediaCheckAsyncParams): Promise<MediaCheckAsyncResult>;
  };
}

export interface TempFileUrlResult {
  fileList: Array<{ fileID: string; tempFileURL?: string; status?: number; errMsg?: string }>;
}

export type GetTempFileURL = (options: { fileList: string[] }) => Promise<TempFileUrlResult>;

/** The caller as the platform vouches for it: OPENID is set for calls from the mini-program. */
export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV?: string;
  SOURCE?: string;
}

export interface WxCloud {
  /** A marker the SDK resolves to the function's own environment. */
  DYNAMIC_CURRENT_ENV: unknown;
  init(options?: { env?: unknown }): void;
  database(options?: { env?: unknown; throwOnNotFound?: boolean }): WxDatabase;
  getWXContext(): WxContext;
  openapi: WxOpenApi;
  getTempFileURL: GetTempFileURL;
}

/** The error code, when `e` is an open-API failure (rejected, or resolved with a non-zero errCode). */
export function errCodeOf(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { errCode?: unknown }).errCode;
  return typeof code === 'number' ? code : undefined;
}
