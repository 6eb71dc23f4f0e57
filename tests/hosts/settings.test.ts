/**
 * A variable means the same on both hosts: one table of environments read by the self-hosted server
 * (server/config.ts) and by the cloud functions (cloud/settings.ts) gives the same settings, the same
 * warnings and the same problems — except that a problem stops the server and leaves the cloud on its
 * default. ARENA_RATE_LIMIT, the cloud's old name, is still read for one release, and both hosts log that.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../core/app/ports';
import { readCloudSettings } from '../../cloud/settings';
import { createArenaMain } from '../../cloudfunctions/arena/handler';
import { readConfig } from '../../server/config';
import { spawnServer } from '../../server/spawn';
import { createTestCloud } from '../cloud/fake-cloud';
import { fixedNow } from '../api/harness';

type Env = Record<string, string>;

interface Read {
  /** null: the host refuses to start. */
  settings: Settings | null;
  warnings: string[];
  problems: string[];
}

const hosts: Array<[string, (env: Env) => Read]> = [
  [
    'server',
    (env) => {
      const r = readConfig(env, '/srv/arena');
      if (!r.ok) return { settings: null, warnings: [], problems: r.errors };
      const { demo, rateLimitPerMinute, sessionTtlMs } = r.config;
      return { settings: { demo, rateLimitPerMinute, sessionTtlMs }, warnings: r.warnings, problems: [] };
    },
  ],
  [
    'cloud',
    (env) => {
      const r = readCloudSettings(env);
      return { settings: r.settings, warnings: r.warnings, problems: r.problems };
    },
  ],
];

const defaults: Settings = { demo: false, rateLimitPerMinute: 600, sessionTtlMs: 30 * 24 * 3600 * 1000 };
const renamed =
  /ARENA_RATE_LIMIT 已更名为 RATE_LIMIT_PER_MINUTE.*ARENA_RATE_LIMIT is renamed RATE_LIMIT_PER_MINUTE/;

interface Row {
  what: string;
  env: Env;
  /** The settings taken; for a row with problems, what the cloud keeps while the server refuses. */
  settings: Partial<Settings>;
  warnings?: RegExp[];
  problems?: RegExp[];
}

const rows: Row[] = [
  { what: 'nothing set: demo off, 600 a minute', env: {}, settings: {} },
  { what: 'ARENA_DEMO=1 turns demo mode on', env: { ARENA_DEMO: '1' }, settings: { demo: true } },
  { what: 'ARENA_DEMO=0 leaves it off, quietly', env: { ARENA_DEMO: '0' }, settings: {} },
  {
    what: 'ARENA_DEMO=true (an earlier cloud release took it) leaves it off, and says so',
    env: { ARENA_DEMO: 'true' },
    settings: {},
    warnings: [/ARENA_DEMO 只有为 1 时才开启演示模式，"true" 按关闭处理/],
  },
  {
    what: 'RATE_LIMIT_PER_MINUTE sets the rate limit',
    env: { RATE_LIMIT_PER_MINUTE: '300' },
    settings: { rateLimitPerMinute: 300 },
  },
  {
    what: 'the old name ARENA_RATE_LIMIT is still read, with a warning',
    env: { ARENA_RATE_LIMIT: '300' },
    settings: { rateLimitPerMinute: 300 },
    warnings: [renamed],
  },
  {
    what: 'with both names set the new one wins, and the old one is called out',
    env: { RATE_LIMIT_PER_MINUTE: '300', ARENA_RATE_LIMIT: '900' },
    settings: { rateLimitPerMinute: 300 },
    warnings: [/两者都设置时只读 RATE_LIMIT_PER_MINUTE，请删除 ARENA_RATE_LIMIT/],
  },
  {
    what: 'a rate limit below 120 is a problem',
    env: { RATE_LIMIT_PER_MINUTE: '60' },
    settings: {},
    problems: [/^RATE_LIMIT_PER_MINUTE 不能低于 120.*must be at least 120, got "60"$/],
  },
  {
    what: 'a bad value under the old name is a problem that names the old name',
    env: { ARENA_RATE_LIMIT: 'lots' },
    settings: {},
    warnings: [renamed],
    problems: [/^ARENA_RATE_LIMIT 应为 120–1000000 的整数，实际为 "lots"/],
  },
];

describe.each(hosts)('settings both hosts read, on the %s', (host, read) => {
  it.each(rows.map((row) => [row.what, row] as const))('%s', (_what, row) => {
    const r = read(row.env);
    const problems = row.problems ?? [];
    expect(r.problems).toHaveLength(problems.length);
    problems.forEach((p, i) => expect(r.problems[i]).toMatch(p));
    if (problems.length > 0 && host === 'server') {
      expect(r.settings).toBeNull();
      return;
    }
    expect(r.settings).toEqual({ ...defaults, ...row.settings });
    const warnings = row.warnings ?? [];
    expect(r.warnings).toHaveLength(warnings.length);
    warnings.forEach((w, i) => expect(r.warnings[i]).toMatch(w));
  });
});

describe('the old name is logged as a warning', () => {
  it('by a cloud function when it starts', () => {
    const fake = createTestCloud();
    try {
      const entries: Array<Record<string, unknown>> = [];
      createArenaMain({ cloud: fake.cloud, env: { ARENA_RATE_LIMIT: '300' }, log: (e) => entries.push(e) });
      expect(entries).toEqual([
        { level: 'warn', msg: 'setting warning', warning: expect.stringMatching(renamed) },
      ]);
    } finally {
      fake.done();
    }
  });

  it('by the server before it listens', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'arena-settings-'));
    try {
      const server = await spawnServer({ DATA_DIR: dataDir, ARENA_NOW: fixedNow, ARENA_RATE_LIMIT: '300' });
      server.child.kill('SIGTERM');
      await server.exited;
      const logged = server.lines
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const warning = logged.findIndex((e) => e.msg === 'setting warning');
      expect(logged[warning]).toMatchObject({ level: 'warn', warning: expect.stringMatching(renamed) });
      expect(warning).toBeLessThan(logged.findIndex((e) => e.msg === 'listening'));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
