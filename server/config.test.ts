import { readConfig } from './config';

const read = (env: Record<string, string>) => readConfig(env, '/srv/arena');

describe('readConfig', () => {
  it('defaults to 127.0.0.1:8787, ./data, demo off, the real clock and 600 requests a minute', () => {
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
      },
      warnings: [],
    });
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
