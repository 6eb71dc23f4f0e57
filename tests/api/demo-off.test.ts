/**
 * Demo mode turned off on data that has demo users (issue 9, hole 1), over HTTP: the start log says what
 * that disabled, and a demo admin's session — made while demo mode was on — can no longer mint an admin.
 */
import { startHarness, type Harness } from './harness';

let off: Harness;
beforeAll(async () => {
  off = await startHarness({ demo: false });
});
afterAll(() => off.stop());

it('the start log names how many demo users (and live sessions) demo mode off has disabled', async () => {
  const notice = off.logs.find((e) => e.msg === 'demo users disabled');
  expect(notice).toMatchObject({ level: 'warn', demoUsers: expect.any(Number) });
  expect(Number(notice?.demoUsers)).toBeGreaterThan(20);
  expect(String(notice?.detail)).toMatch(/演示/);
});

it('a demo admin’s session answers 401, and cannot invite an admin', async () => {
  const token = await off.sessionFor('demo-admin');
  expect((await off.call('me.get', {}, token)).status).toBe(401);
  const invite = await off.call('admin.invite', { role: 'admin' }, token);
  expect(invite.status).toBe(401);
  expect(invite.body.error?.message).toMatch(/演示/);
});

it('with demo mode on, nothing is reported disabled', async () => {
  const on = await startHarness({ demo: true });
  try {
    expect(on.logs.find((e) => e.msg === 'demo users disabled')).toBeUndefined();
  } finally {
    await on.stop();
  }
});
