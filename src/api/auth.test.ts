import type { Role } from '../../core/contract';
import { demoLoginAs, ensureSignedIn, signOut } from './auth';
import { getToken, getUser, setSession } from './session';
import { ApiCallError } from './errors';
import { transport } from './transport';
import type { TransportRequest } from './transport.types';

jest.mock('./transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

const user = (id: string, role: Role, unitId: string | null = 'u1') => ({
  id,
  name: id,
  role,
  unitId,
  unitName: unitId ? '东城街道' : null,
});
const unauth = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };

function answer(routes: Record<string, unknown>) {
  send.mockImplementation(
    async (req: TransportRequest) =>
      routes[req.action] ?? { ok: false, error: { code: 'NOT_FOUND', message: '?' } },
  );
}

beforeEach(() => send.mockReset());

describe('signing in', () => {
  it('keeps a session the server still accepts', async () => {
    answer({ 'me.get': { ok: true, data: { user: user('r1', 'reporter') } } });
    expect((await ensureSignedIn())?.id).toBe('r1');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('in demo mode opens signed out, for the role chooser, instead of signing in as anybody', async () => {
    answer({
      'me.get': unauth,
      'auth.demoUsers': { ok: true, data: { users: [user('admin', 'admin', null), user('r7', 'reporter')] } },
    });
    expect(await ensureSignedIn()).toBeNull();
    expect(send.mock.calls.map((c) => c[0].action)).not.toContain('auth.demoLogin');
    expect(getToken()).toBeNull();
  });

  it('a chosen role signs in as its demo account and is remembered when the session is lost', async () => {
    const users = [user('admin', 'admin', null), user('r7', 'reporter'), user('l3', 'unit_leader')];
    answer({
      'me.get': unauth,
      'auth.demoUsers': { ok: true, data: { users } },
      'auth.demoLogin': { ok: true, data: { token: 'tok-l3', user: user('l3', 'unit_leader') } },
    });
    expect((await demoLoginAs('unit_leader', users)).id).toBe('l3');
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ action: 'auth.demoLogin', data: { userId: 'l3' } });
    expect(getToken()).toBe('tok-l3');
    // The server forgets the session (a restart, an expiry): the next open signs in as the same role.
    send.mockClear();
    expect((await ensureSignedIn())?.id).toBe('l3');
    expect(send.mock.calls.find((c) => c[0].action === 'auth.demoLogin')![0].data).toEqual({ userId: 'l3' });
  });

  it('refuses a role the demo has no account for, in Chinese, and stays signed out', async () => {
    await expect(demoLoginAs('supervisor', [user('r7', 'reporter')])).rejects.toThrow('没有这个角色');
    expect(send).not.toHaveBeenCalled();
    expect(getToken()).toBeNull();
  });

  it('stays signed out when the server offers no demo accounts', async () => {
    answer({
      'me.get': unauth,
      'auth.demoUsers': { ok: false, error: { code: 'FORBIDDEN', message: '非演示模式' } },
    });
    expect(await ensureSignedIn()).toBeNull();
  });

  it('asks once when several pages want a session at the same time', async () => {
    answer({ 'me.get': { ok: true, data: { user: user('r1', 'reporter') } } });
    await Promise.all([ensureSignedIn(), ensureSignedIn(), ensureSignedIn()]);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('signing out', () => {
  const signedIn = () => setSession('tok-r1', user('r1', 'reporter'));

  it('ends the session on the server, then forgets the token and the user here', async () => {
    signedIn();
    answer({ 'me.logout': { ok: true, data: {} } });
    await signOut();
    expect(send.mock.calls[0]![0]).toMatchObject({ action: 'me.logout', token: 'tok-r1' });
    expect(getToken()).toBeNull();
    expect(getUser()).toBeNull();
  });

  it('after signing out the demo opens on the chooser again, not as the last role', async () => {
    answer({
      'me.get': unauth,
      'auth.demoUsers': { ok: true, data: { users: [user('r7', 'reporter')] } },
      'auth.demoLogin': { ok: true, data: { token: 'tok-r7', user: user('r7', 'reporter') } },
      'me.logout': { ok: true, data: {} },
    });
    await demoLoginAs('reporter');
    await signOut();
    expect(await ensureSignedIn()).toBeNull();
  });

  it('a session the server had already ended still signs out', async () => {
    signedIn();
    answer({ 'me.logout': unauth });
    await signOut();
    expect(getToken()).toBeNull();
  });

  it('offline: stays signed in and says why, rather than pretend the session ended', async () => {
    signedIn();
    send.mockRejectedValue(new ApiCallError('NETWORK', '网络不通，请检查网络后重试'));
    await expect(signOut()).rejects.toThrow('网络');
    expect(getToken()).toBe('tok-r1');
    expect(getUser()?.id).toBe('r1');
  });
});
