import { call, ApiCallError } from './call';
import { getToken, setSession } from './session';
import { transport } from './transport';

jest.mock('./transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

const user = { id: 'u', name: '陈晓燕', role: 'reporter' as const, unitId: 'u1', unitName: '东城街道' };

beforeEach(() => send.mockReset());

describe('the API client', () => {
  it('checks input with the contract before sending anything', async () => {
    await expect(call('post.create', { unitId: 'u1', requestId: 'short' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'requestId 至少 8 个字符',
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the action with defaults applied and the stored token, and returns the data', async () => {
    setSession('tok-1', user);
    send.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
    await expect(call('post.list', {})).resolves.toEqual({ items: [], nextCursor: null });
    expect(send).toHaveBeenCalledWith({ action: 'post.list', data: { limit: 20 }, token: 'tok-1' });
  });

  it('throws the server’s code and Chinese message', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'FORBIDDEN', message: '只能为本单位填报' } });
    const err = await call('me.get', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: '只能为本单位填报' });
  });

  it('forgets a token the server no longer accepts', async () => {
    setSession('stale', user);
    send.mockResolvedValue({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请重新登录' } });
    await expect(call('me.get', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(getToken()).toBeNull();
  });

  it('reports a garbled answer as a server problem, not as data', async () => {
    send.mockResolvedValue('<html>502</html>');
    await expect(call('me.get', {})).rejects.toMatchObject({ code: 'INTERNAL' });
    send.mockResolvedValue({ ok: true, data: { user: { id: 1 } } });
    await expect(call('me.get', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('passes a lost connection on as NETWORK, the one error worth retrying', async () => {
    send.mockRejectedValue(new ApiCallError('NETWORK', '网络连接失败，请检查网络后重试'));
    await expect(call('me.get', {})).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
