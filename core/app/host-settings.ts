/**
 * The settings every host reads from its environment, under one name each, so that a variable means the
 * same on the self-hosted server (server/config.ts) and in the cloud functions (cloud/settings.ts);
 * README 配置 / Configuration lists them. The host passes its environment in — core reads no process.env —
 * and decides what a problem costs: the server refuses to start, a cloud function keeps the default and
 * logs it (a function that does not start answers nobody).
 */
import type { Settings } from './ports';

export type Env = Readonly<Record<string, string | undefined>>;

/** The contract lets each user make at least this many requests a minute. */
export const MIN_RATE_LIMIT_PER_MINUTE = 120;
const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;
const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
/** Not a variable: sessions exist only on the server (on WeChat the OPENID is the identity). */
const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * Names an earlier release read, each with the name that replaced it. A deployed cloud function may still
 * have one set, so it is read for one more release, with a warning; delete the entry after that release.
 */
export const RENAMED_SETTINGS: Readonly<Record<string, string>> = {
  ARENA_RATE_LIMIT: 'RATE_LIMIT_PER_MINUTE',
};

export interface HostSettings {
  settings: Settings;
  /** Values that cannot be used, in Chinese and English, each naming its variable. */
  problems: string[];
  /** Values read under an old name, or left off, that the operator should change; for the log. */
  warnings: string[];
}

/** A trimmed value; empty counts as unset. */
export const envText = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

export function readHostSettings(env: Env): HostSettings {
  const problems: string[] = [];
  const warnings: string[] = [];

  /** The value under `name`, else under the name it replaced; an old name that is set always warns. */
  const read = (name: string): { name: string; raw: string } | undefined => {
    const raw = envText(env, name);
    const old = Object.keys(RENAMED_SETTINGS).find((key) => RENAMED_SETTINGS[key] === name);
    const oldRaw = old === undefined ? undefined : envText(env, old);
    if (old === undefined || oldRaw === undefined) return raw === undefined ? undefined : { name, raw };
    if (raw !== undefined) {
      warnings.push(
        `${old} 已更名为 ${name}；两者都设置时只读 ${name}，请删除 ${old}` +
          ` / ${old} is renamed ${name}; with both set only ${name} is read, delete ${old}`,
      );
      return { name, raw };
    }
    warnings.push(
      `${old} 已更名为 ${name}；本版本仍读取 ${old}，下一版本起不再读取，请改设 ${name}` +
        ` / ${old} is renamed ${name}; it is read in this release only, set ${name} instead`,
    );
    return { name: old, raw: oldRaw };
  };

  let rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
  const rate = read('RATE_LIMIT_PER_MINUTE');
  if (rate !== undefined) {
    const n = Number(rate.raw);
    if (!/^\d+$/.test(rate.raw) || n > MAX_RATE_LIMIT_PER_MINUTE) {
      problems.push(
        `${rate.name} 应为 ${MIN_RATE_LIMIT_PER_MINUTE}–${MAX_RATE_LIMIT_PER_MINUTE} 的整数，实际为 "${rate.raw}"` +
          ` / ${rate.name} must be an integer from ${MIN_RATE_LIMIT_PER_MINUTE} to ${MAX_RATE_LIMIT_PER_MINUTE}, got "${rate.raw}"`,
      );
    } else if (n < MIN_RATE_LIMIT_PER_MINUTE) {
      problems.push(
        `${rate.name} 不能低于 ${MIN_RATE_LIMIT_PER_MINUTE}（每位用户每分钟至少允许 ${MIN_RATE_LIMIT_PER_MINUTE} 次请求），实际为 "${rate.raw}"` +
          ` / ${rate.name} must be at least ${MIN_RATE_LIMIT_PER_MINUTE}, got "${rate.raw}"`,
      );
    } else {
      rateLimitPerMinute = n;
    }
  }

  // Demo mode lets anyone sign in as any demo user, so only the one documented value turns it on; any
  // other (an earlier cloud release also took "true") leaves it off and says so.
  const demo = read('ARENA_DEMO');
  if (demo !== undefined && demo.raw !== '1' && demo.raw !== '0') {
    warnings.push(
      `${demo.name} 只有为 1 时才开启演示模式，"${demo.raw}" 按关闭处理` +
        ` / ${demo.name} turns demo mode on only when it is 1; "${demo.raw}" leaves it off`,
    );
  }

  return {
    settings: { demo: demo?.raw === '1', rateLimitPerMinute, sessionTtlMs: SESSION_TTL_MS },
    problems,
    warnings,
  };
}
