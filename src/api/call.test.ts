import { call, ApiCallError, UNAVAILABLE_RETRIES } from './call';
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

  describe('when the server answers UNAVAILABLE (it did nothing: its database was busy)', () => {
    const busy = (retryAfterSeconds?: number) => ({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: '服务器正忙，这次没有保存；请稍后再试一次。',
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      },
    });
    const draft = { unitId: 'u1', text: '进展', requestId: 'req-0001-abcdef' };

    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Lets the fake clock run until `promise` settles, `stepMs` at a time; returns the elapsed ms. */
    async function settle(promise: Promise<unknown>, stepMs = 250): Promise<number> {
      let done = false;
      void promise.then(
        () => (done = true),
        () => (done = true),
      );
      let elapsed = 0;
      while (!done && elapsed < 60_000) {
        await jest.advanceTimersByTimeAsync(stepMs);
        elapsed += stepMs;
      }
      return elapsed;
    }

    it('sends the same post again, same requestId, after the wait the server names', async () => {
      const later = { ok: false, error: { code: 'CONFLICT', message: '竞赛已结束' } };
      send.mockResolvedValueOnce(busy(3)).mockResolvedValueOnce(later);
      const result = call('post.create', draft).catch((e: unknown) => e);
      await jest.advanceTimersByTimeAsync(2_900);
      expect(send).toHaveBeenCalledTimes(1); // still waiting: 3 s were asked for
      await jest.advanceTimersByTimeAsync(200);
      expect(send).toHaveBeenCalledTimes(2);
      const [first, second] = send.mock.calls.map(([req]) => req);
      expect(second).toEqual(first);
      expect((second?.data as { requestId: string }).requestId).toBe('req-0001-abcdef');
      // The second answer is the one the caller gets.
      expect(await result).toMatchObject({ code: 'CONFLICT', message: '竞赛已结束' });
    });

    it('gives up after a bounded number of sends and shows the server’s Chinese message', async () => {
      send.mockResolvedValue(busy(1));
      const result = call('me.get', {}).catch((e: unknown) => e);
      await settle(result);
      const err = await result;
      expect(send).toHaveBeenCalledTimes(1 + UNAVAILABLE_RETRIES);
      expect(err).toBeInstanceOf(ApiCallError);
      expect(err).toMatchObject({
        code: 'UNAVAILABLE',
        message: '服务器正忙，这次没有保存；请稍后再试一次。',
      });
    });

    it('waits 2 s when the server names no wait', async () => {
      send
        .mockResolvedValueOnce(busy())
        .mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
      const result = call('post.list', {});
      await jest.advanceTimersByTimeAsync(1_900);
      expect(send).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(200);
      await expect(result).resolves.toEqual({ items: [], nextCursor: null });
      expect(send).toHaveBeenCalledTimes(2);
    });

    it('does not wait a minute on a read-only or full disk: the message shows at once', async () => {
      send.mockResolvedValue({
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: '服务器存储空间已满，暂时无法保存；请联系管理员。',
          retryAfterSeconds: 60,
        },
      });
      await expect(call('me.get', {})).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/联系管理员/),
      });
      expect(send).toHaveBeenCalledTimes(1);
    });

    it('never repeats a request the server refused for another reason', async () => {
      send.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: '服务器内部错误' } });
      await expect(call('post.create', draft)).rejects.toMatchObject({ code: 'INTERNAL' });
      expect(send).toHaveBeenCalledTimes(1);
    });
  });
});
