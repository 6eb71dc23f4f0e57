import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getToken, getUser } from '../../api/session';
import { transport } from '../../api/transport';
import type { TransportRequest } from '../../api/transport.types';
import { JoinView } from '.';

jest.mock('../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;
beforeEach(() => send.mockReset());

/** Taro's H5 input draws its inner <input> a tick after mounting. */
async function typeInto(field: string, value: string) {
  const input = await waitFor(() => {
    const el = screen.getByTestId(`join-${field}`).querySelector('input');
    if (!el) throw new Error(`no input for ${field} yet`);
    return el;
  });
  fireEvent.input(input, { target: { value } });
}

const reporter = { id: 'r1', name: '陈晓燕', role: 'reporter', unitId: 'u1', unitName: '东城街道' };

describe('join and sign-in form', () => {
  it('says who the app is for and offers to look around without signing in', () => {
    render(<JoinView withAccounts />);
    expect(screen.getByText(/供全市参加“百日竞赛”的单位填报员/)).toBeTruthy();
    expect(screen.getByText('暂不登录，先看看')).toBeTruthy();
  });

  it('refuses a malformed invite code and a short password in Chinese, and sends nothing', async () => {
    render(<JoinView withAccounts />);
    fireEvent.click(screen.getByText('用邀请码加入'));
    await typeInto('inviteCode', 'AB1O');
    await typeInto('name', '陈晓燕');
    await typeInto('account', 'chenxy');
    await typeInto('password', 'short');
    fireEvent.click(screen.getByText('加入并登录'));
    expect(screen.getByText('⚠ 邀请码为 8 位字母或数字，请核对后重新输入')).toBeTruthy();
    expect(screen.getByText('⚠ 密码至少 8 位')).toBeTruthy();
    expect(screen.queryByText(/⚠ 账号/)).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('asks for the account and password before signing in', async () => {
    render(<JoinView withAccounts />);
    fireEvent.click(screen.getByText('登录', { selector: 'taro-button-core, button' }));
    expect(screen.getByText('⚠ 账号至少 3 个字符')).toBeTruthy();
    expect(screen.getByText('⚠ 密码至少 8 位')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('signs in with a valid account and keeps the token', async () => {
    send.mockImplementation(async (req: TransportRequest) =>
      req.action === 'auth.login'
        ? { ok: true, data: { token: 'tok-1', user: reporter } }
        : { ok: false, error: { code: 'NOT_FOUND', message: '?' } },
    );
    render(<JoinView withAccounts />);
    await typeInto('account', ' chenxy ');
    await typeInto('password', 'correct horse');
    fireEvent.click(screen.getByText('登录', { selector: 'taro-button-core, button' }));
    await waitFor(() => expect(getToken()).toBe('tok-1'));
    expect(send.mock.calls[0]?.[0]).toMatchObject({
      action: 'auth.login',
      data: { account: 'chenxy', password: 'correct horse' },
    });
    expect(getUser()?.id).toBe('r1');
  });

  it('on WeChat binds with the invite code (upper-cased) and name, without an account', async () => {
    send.mockResolvedValue({ ok: true, data: { user: reporter } });
    render(<JoinView withAccounts={false} />);
    expect(screen.queryByText('用邀请码加入')).toBeNull();
    expect(screen.queryByTestId('join-password')).toBeNull();
    await typeInto('inviteCode', 'abcd2345');
    await typeInto('name', '陈晓燕');
    fireEvent.click(screen.getByText('加入'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toMatchObject({
      action: 'me.bind',
      data: { inviteCode: 'ABCD2345', name: '陈晓燕' },
    });
  });
});
