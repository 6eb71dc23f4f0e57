import { memoryStore } from '../../../tests/app/memory-store';
import { campaign, testArena, users } from '../../../tests/app/arena';

describe('demo login and the signed-in user', () => {
  it('lists only demo accounts, with their unit names, in demo mode', async () => {
    const t = await testArena(memoryStore());
    const { users: listed } = await t.expectOk('auth.demoUsers', {});
    expect(listed.map((u) => u.id)).not.toContain(users.real.id);
    expect(listed).toContainEqual({
      id: 'rep-a',
      name: '王芳',
      role: 'reporter',
      unitId: 'A',
      unitName: '甲镇',
    });
    expect(listed).toContainEqual({
      id: 'sup',
      name: '赵督办',
      role: 'supervisor',
      unitId: null,
      unitName: null,
    });
  });

  it('logs a demo user in with a session that lasts sessionTtlMs', async () => {
    const t = await testArena(memoryStore(), { settings: { sessionTtlMs: 1_000 } });
    const { token, user } = await t.expectOk('auth.demoLogin', { userId: 'lead-a' });
    expect(user).toEqual({ id: 'lead-a', name: '张伟', role: 'unit_leader', unitId: 'A', unitName: '甲镇' });
    expect((await t.expectOk('me.get', {}, token)).user.id).toBe('lead-a');
    t.advance(1_000);
    expect((await t.call('me.get', {}, token)).ok).toBe(false);
  });

  it('answers NOT_FOUND for an unknown demo user and for a real account', async () => {
    const t = await testArena(memoryStore());
    for (const userId of ['nobody', users.real.id]) {
      const r = await t.call('auth.demoLogin', { userId });
      expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    }
  });

  it('answers FORBIDDEN "演示模式未开启" to both demo actions when demo mode is off', async () => {
    const t = await testArena(memoryStore(), { settings: { demo: false } });
    for (const [action, data] of [
      ['auth.demoUsers', {}],
      ['auth.demoLogin', { userId: 'rep-a' }],
    ] as const) {
      const r = await t.call(action, data);
      expect(r.ok ? null : r.error).toEqual({
        code: 'FORBIDDEN',
        message: expect.stringContaining('演示模式未开启'),
      });
    }
    expect(await t.store.people.listUsers()).toHaveLength(Object.keys(users).length);
  });
});

describe('campaign.current', () => {
  it('gives the campaign, its tracks with their metrics, units and targets', async () => {
    const t = await testArena(memoryStore());
    const token = await t.login(users.leader);
    const out = await t.expectOk('campaign.current', {}, token);
    expect(out.campaign).toEqual(campaign.campaign);
    expect(out.tracks.map((tr) => [tr.id, tr.metrics.map((m) => m.id)])).toEqual([
      ['t-build', ['m-invest', 'm-signed']],
      ['t-serve', ['m-npl']],
    ]);
    expect(out.tracks[0]?.metrics[0]).toEqual({
      id: 'm-invest',
      name: '完成投资',
      measure: '亿元',
      kind: 'cumulative',
      direction: 'up',
    });
    expect(out.units).toEqual(campaign.units);
    expect(out.targets).toEqual(campaign.targets);
  });

  it('answers NOT_FOUND when no campaign is current', async () => {
    const t = await testArena(memoryStore(), { empty: true });
    const token = await t.login(users.admin);
    const r = await t.call('campaign.current', {}, token);
    expect(r.ok ? null : r.error).toEqual({
      code: 'NOT_FOUND',
      message: expect.stringContaining('当前没有进行中的竞赛'),
    });
    // Users still see who they are; the unit name is unknown without a campaign.
    expect((await t.expectOk('me.get', {}, await t.login(users.repA))).user.unitName).toBeNull();
  });
});
