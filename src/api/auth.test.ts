import { ensureSignedIn } from './auth';
import { getToken, getUser } from './session';
import { transport } from './transport';
import type { TransportRequest } from './transport.types';

jest.mock('./transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

const user = (id: string, role: string, unitId: string | null = 'u1') => ({
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

  it('in demo mode signs in as the first demo reporter, who can post', async () => {
    answer({
      'me.get': unauth,
      'auth.demoUsers': { ok: true, data: { users: [user('admin', 'admin', null), user('r7', 'reporter')] } },
      'auth.demoLogin': { ok: true, data: { token: 'tok-r7', user: user('r7', 'reporter') } },
    });
    expect((await ensureSignedIn())?.id).toBe('r7');
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ action: 'auth.demoLogin', data: { userId: 'r7' } });
    expect(getToken()).toBe('tok-r7');
    expect(getUser()?.id).toBe('r7');
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
