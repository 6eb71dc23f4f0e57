/**
 * Real accounts on the self-hosted server (issue 4): an admin invites, a newcomer joins with the code,
 * signs in and out; demo mode off, so only real accounts work.
 */
import { startHarness, type Harness } from './harness';

// Each sign-in runs scrypt (tens of ms, far more on a busy machine): room for a test that signs in eight times.
jest.setTimeout(30_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ demo: false });
});
afterAll(() => h.stop());

/** A session for a seeded user made a real one: with demo mode off, a demo user is no one. */
const realSessionFor = async (userId: string): Promise<string> => {
  const user = await h.store.people.getUser(userId);
  if (!user) throw new Error(`no user ${userId}`);
  await h.store.people.putUser({ ...user, demo: false });
  return h.sessionFor(userId);
};

const unitId = async (): Promise<string> => {
  const admin = await realSessionFor('demo-admin');
  const current = await h.call('campaign.current', {}, admin);
  return (current.body.data as { units: Array<{ id: string }> }).units[0]!.id;
};

it('an invite from the admin becomes an account that signs in, posts for its unit and signs out', async () => {
  const admin = await realSessionFor('demo-admin');
  const unit = await unitId();
  const invite = await h.call('admin.invite', { role: 'reporter', unitId: unit }, admin);
  expect(invite.status).toBe(200);
  const code = (invite.body.data as { invite: { code: string } }).invite.code;

  const joined = await h.call('auth.join', { inviteCode: code, name: '陈晓', account: 'chenxiao', password: 'secret-pass-1' });
  expect(joined.status).toBe(200);
  const user = (joined.body.data as { user: { role: string; unitId: string } }).user;
  expect(user).toMatchObject({ role: 'reporter', unitId: unit });

  // The code is single use.
  const again = await h.call('auth.join', { inviteCode: code, name: '李四', account: 'lisi', password: 'secret-pass-2' });
  expect(again.status).toBe(400);
  expect(again.body.error?.message).toMatch(/邀请码/);

  const login = await h.call('auth.login', { account: 'chenxiao', password: 'secret-pass-1' });
  expect(login.status).toBe(200);
  const token = (login.body.data as { token: string }).token;
  expect((await h.call('me.get', {}, token)).status).toBe(200);

  const out = await h.call('me.logout', {}, token);
  expect(out.status).toBe(200);
  expect((await h.call('me.get', {}, token)).status).toBe(401);
});

it('a wrong password and an unknown account get the same answer, and guessing is stopped', async () => {
  const wrong = await h.call('auth.login', { account: 'chenxiao', password: 'not-the-password' });
  const unknown = await h.call('auth.login', { account: 'nobody-here', password: 'not-the-password' });
  expect(wrong.status).toBe(401);
  expect(unknown.body.error?.message).toBe(wrong.body.error?.message);
  let last = wrong;
  for (let i = 0; i < 6; i += 1) last = await h.call('auth.login', { account: 'chenxiao', password: `guess-${i}-xxxx` });
  expect(last.status).toBe(429);
});

it('only an admin may invite, and demo login and demo users are refused with demo mode off', async () => {
  const reporter = await realSessionFor('demo-reporter-dongcheng');
  const denied = await h.call('admin.invite', { role: 'admin' }, reporter);
  expect(denied.status).toBe(403);
  expect((await h.call('auth.demoUsers', {})).status).toBe(403);
  const demoLeader = await h.sessionFor('demo-leader');
  expect((await h.call('me.get', {}, demoLeader)).status).toBe(401);
});
