/**
 * The self-hosted server's settings, read once from the environment (README "配置 / Configuration").
 * Bad values stop the start with a message in Chinese and English, instead of a server that half works.
 */
import { resolve } from 'node:path';

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
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] };

type Env = Readonly<Record<string, string | undefined>>;

/** The contract lets each user make at least this many requests a minute. */
export const minRateLimitPerMinute = 120;
const isoInstant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function readConfig(env: Env, cwd: string = process.cwd()): ConfigResult {
  const errors: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
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
  const rateLimitPerMinute = integer('RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000);
  if (rateLimitPerMinute < minRateLimitPerMinute) {
    errors.push(
      `RATE_LIMIT_PER_MINUTE 不能低于 ${minRateLimitPerMinute}（每位用户每分钟至少允许 ${minRateLimitPerMinute} 次请求）` +
        ` / RATE_LIMIT_PER_MINUTE must be at least ${minRateLimitPerMinute}`,
    );
  }

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

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      host,
      port,
      dataDir: resolve(cwd, text('DATA_DIR') ?? 'data'),
      demo: text('ARENA_DEMO') === '1',
      fixedNow,
      rateLimitPerMinute,
      sessionTtlMs: 30 * 24 * 3600 * 1000,
      webhookUrl,
      scheduler: text('ARENA_SCHEDULER') !== '0',
    },
  };
}
