/**
 * The self-hosted server's settings, read once from the environment (README "配置 / Configuration").
 * Bad values stop the start with a message in Chinese and English, instead of a server that half works.
 * The settings the cloud functions read too (demo, rate limit) come from core/app/host-settings.ts, so
 * both hosts take the same names.
 */
import { resolve } from 'node:path';
import { envText, readHostSettings, type Env } from '../core/app/host-settings';

export interface ServerConfig {
  host: string;
  port: number;
  /** Absolute path; the database is `arena.db` inside it. */
  dataDir: string;
  /** Demo login and demo users (ARENA_DEMO=1). */
  demo: boolean;
  /** Epoch ms the clock is fixed to (ARENA_NOW), or null for the real clock. */
  fixedNow: number | null;
  rateLimitPerMinute: number;
  sessionTtlMs: number;
  /** Group-robot webhook (WeCom / DingTalk style) for reminders; null for in-app only. */
  webhookUrl: string | null;
  /** Run the reminder jobs every hour (off with ARENA_SCHEDULER=0, e.g. for a second instance). */
  scheduler: boolean;
  /**
   * TRUST_PROXY: how many reverse proxies stand between the clients and this server (0: none). With N,
   * the client address is the N-th entry from the right of X-Forwarded-For (see server/client-ip.ts).
   */
  trustProxy: number;
  /** Photos a user may upload per day (Asia/Shanghai), and their bytes in all. */
  uploadFilesPerDay: number;
  uploadBytesPerDay: number;
}

/** `warnings`: values taken under an old name, or left off; main.ts logs them. */
export type ConfigResult =
  { ok: true; config: ServerConfig; warnings: string[] } | { ok: false; errors: string[] };

/** More hops than this is a typo, not a deployment. */
const MAX_PROXIES = 10;

const isoInstant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function readConfig(env: Env, cwd: string = process.cwd()): ConfigResult {
  const errors: string[] = [];
  const text = (name: string): string | undefined => envText(env, name);
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      errors.push(
        `${name} 应为 ${min}–${max} 的整数，实际为 "${raw}" / ${name} must be an integer from ${min} to ${max}, got "${raw}"`,
      );
      return fallback;
    }
    return n;
  };

  const host = text('HOST') ?? '127.0.0.1';
  const port = integer('PORT', 8787, 0, 65535);
  const common = readHostSettings(env);
  errors.push(...common.problems);

  let fixedNow: number | null = null;
  const now = text('ARENA_NOW');
  if (now !== undefined) {
    const ms = Date.parse(now);
    if (!isoInstant.test(now) || Number.isNaN(ms)) {
      errors.push(
        `ARENA_NOW 应为 ISO 8601 时间，如 2025-10-20T09:00:00+08:00，实际为 "${now}" / ARENA_NOW must be an ISO 8601 time`,
      );
    } else {
      fixedNow = ms;
    }
  }

  const webhookUrl = text('WEBHOOK_URL') ?? null;
  if (webhookUrl !== null && !/^https?:\/\/\S+$/.test(webhookUrl)) {
    errors.push(`WEBHOOK_URL 应为 http(s) 地址，实际为 "${webhookUrl}" / WEBHOOK_URL must be an http(s) URL`);
  }

  let trustProxy = 0;
  const proxies = text('TRUST_PROXY');
  if (proxies !== undefined) {
    if (/^\d{1,2}$/.test(proxies) && Number(proxies) <= MAX_PROXIES) {
      trustProxy = Number(proxies);
    } else {
      errors.push(
        `TRUST_PROXY 应为服务器前面反向代理的层数（0–${MAX_PROXIES} 的整数，只有一层 nginx 时填 1），实际为 "${proxies}"` +
          ` / TRUST_PROXY must be the number of reverse proxies in front of the server (0 to ${MAX_PROXIES}), got "${proxies}"`,
      );
    }
  }
  const uploadFilesPerDay = integer('UPLOAD_FILES_PER_DAY', 200, 1, 100_000);
  const uploadMbPerDay = integer('UPLOAD_MB_PER_DAY', 200, 1, 100_000);

  if (errors.length > 0) return { ok: false, errors };
  const { demo, rateLimitPerMinute, sessionTtlMs } = common.settings;
  return {
    ok: true,
    warnings: common.warnings,
    config: {
      host,
      port,
      dataDir: resolve(cwd, text('DATA_DIR') ?? 'data'),
      demo,
      fixedNow,
      rateLimitPerMinute,
      sessionTtlMs,
      webhookUrl,
      scheduler: text('ARENA_SCHEDULER') !== '0',
      trustProxy,
      uploadFilesPerDay,
      uploadBytesPerDay: uploadMbPerDay * 1024 * 1024,
    },
  };
}
