import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getToken, setSession } from '../../api/session';
import { transport } from '../../api/transport';
import type { TransportRequest } from '../../api/transport.types';
import SignOut from './SignOut';

jest.mock('../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;
const reporter = { id: 'r1', name: '王芳', role: 'reporter', unitId: 'u1', unitName: '东城街道' } as const;

let confirm = true;
beforeEach(() => {
  send.mockReset();
  confirm = true;
  jest
    .spyOn(Taro, 'showModal')
    .mockImplementation(async () => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' }));
  setSession('tok-r1', reporter as never);
});
afterEach(() => jest.restoreAllMocks());

const answer = (body: unknown) => send.mockImplementation(async (_req: TransportRequest) => body);

describe('退出登录 on 我', () => {
  it('after confirming, revokes the session on the server and forgets the token', async () => {
    answer({ ok: true, data: {} });
    render(<SignOut />);
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(getToken()).toBeNull());
    expect(send.mock.calls[0]![0]).toMatchObject({ action: 'me.logout', token: 'tok-r1' });
  });

  it('does nothing when the person cancels', async () => {
    confirm = false;
    render(<SignOut />);
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    await Promise.resolve();
    expect(send).not.toHaveBeenCalled();
    expect(getToken()).toBe('tok-r1');
  });

  it('says why when the server cannot be reached, and stays signed in', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    send.mockRejectedValue(Object.assign(new Error('网络连接失败，请检查网络后重试'), { code: 'NETWORK' }));
    render(<SignOut />);
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(toast).toHaveBeenCalled());
    expect(getToken()).toBe('tok-r1');
    expect(screen.getByText('退出登录')).toBeTruthy();
  });
});
