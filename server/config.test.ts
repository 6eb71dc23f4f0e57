import { readConfig } from './config';

const read = (env: Record<string, string>) => readConfig(env, '/srv/arena');

describe('readConfig', () => {
  it('defaults to 127.0.0.1:8787, ./data, demo off, the real clock, 600 requests a minute, no proxy, 200 photos and 200 MB a day', () => {
    expect(read({})).toEqual({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 8787,
        dataDir: '/srv/arena/data',
        demo: false,
        fixedNow: null,
        rateLimitPerMinute: 600,
        sessionTtlMs: 30 * 24 * 3600 * 1000,
        webhookUrl: null,
        scheduler: true,
        trustProxy: 0,
        uploadFilesPerDay: 200,
        uploadBytesPerDay: 200 * 1024 * 1024,
      },
      warnings: [],
    });
  });

  it('takes TRUST_PROXY as the number of proxy hops, and refuses anything else in Chinese and English', () => {
    const one = read({ TRUST_PROXY: '1' });
    expect(one.ok && one.config.trustProxy).toBe(1);
    const two = read({ TRUST_PROXY: ' 2 ' });
    expect(two.ok && two.config.trustProxy).toBe(2);
    const off = read({ TRUST_PROXY: '0' });
    expect(off.ok && off.config.trustProxy).toBe(0);
    for (const value of ['true', 'yes', '-1', '1.5', '11', '10.0.0.1']) {
      const r = read({ TRUST_PROXY: value });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]).toMatch(
        new RegExp(
          `^TRUST_PROXY 应为服务器前面反向代理的层数.*只有一层 nginx 时填 1.*"${value.replaceAll('.', '\\.')}".* / TRUST_PROXY must be`,
        ),
      );
    }
  });

  it('takes the daily upload quota per user, in files and megabytes, within bounds', () => {
    const r = read({ UPLOAD_FILES_PER_DAY: '50', UPLOAD_MB_PER_DAY: '30' });
    expect(r.ok && [r.config.uploadFilesPerDay, r.config.uploadBytesPerDay]).toEqual([50, 30 * 1024 * 1024]);
    const bad = read({ UPLOAD_FILES_PER_DAY: '0', UPLOAD_MB_PER_DAY: 'lots' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([
      expect.stringMatching(/^UPLOAD_FILES_PER_DAY 应为 1–100000 的整数.*UPLOAD_FILES_PER_DAY must be/),
      expect.stringMatching(/^UPLOAD_MB_PER_DAY 应为 1–100000 的整数.*UPLOAD_MB_PER_DAY must be/),
    ]);
  });

  it('takes a group-robot webhook and refuses one that is not an http(s) URL', () => {
    const good = read({ WEBHOOK_URL: 'http://127.0.0.1:9/robot', ARENA_SCHEDULER: '0' });
    expect(good.ok && good.config.webhookUrl).toBe('http://127.0.0.1:9/robot');
    expect(good.ok && good.config.scheduler).toBe(false);
    const bad = read({ WEBHOOK_URL: 'robot.example' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join()).toContain('WEBHOOK_URL');
  });

  it('reads every variable', () => {
    const r = read({
      HOST: '0.0.0.0',
      PORT: '9000',
      DATA_DIR: '/var/lib/arena',
      ARENA_DEMO: '1',
      ARENA_NOW: '2025-10-20T09:30:00+08:00',
      RATE_LIMIT_PER_MINUTE: '120',
    });
    expect(r).toEqual({
      ok: true,
      warnings: [],
      config: expect.objectContaining({
        host: '0.0.0.0',
        port: 9000,
        dataDir: '/var/lib/arena',
        demo: true,
        fixedNow: Date.parse('2025-10-20T01:30:00Z'),
        rateLimitPerMinute: 120,
      }),
    });
  });

  it('turns demo mode on only for ARENA_DEMO=1', () => {
    for (const value of ['0', 'true', 'yes', '']) {
      const r = read({ ARENA_DEMO: value });
      expect(r.ok && r.config.demo).toBe(false);
    }
  });

  it('refuses bad values with a Chinese and English message for each', () => {
    const r = read({ PORT: '80a', RATE_LIMIT_PER_MINUTE: '60', ARENA_NOW: 'yesterday' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/^PORT 应为 0–65535 的整数.*PORT must be/);
    expect(r.errors[1]).toMatch(/RATE_LIMIT_PER_MINUTE 不能低于 120.*must be at least 120/);
    expect(r.errors[2]).toMatch(/ARENA_NOW 应为 ISO 8601.*must be an ISO 8601/);
  });

  it('refuses a port out of range and an impossible date', () => {
    expect(read({ PORT: '70000' }).ok).toBe(false);
    expect(read({ PORT: '-1' }).ok).toBe(false);
    expect(read({ ARENA_NOW: '2025-13-45T00:00:00Z' }).ok).toBe(false);
  });
});
