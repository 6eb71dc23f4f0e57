import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { roleNames } from '../../../core/contract';
import { setSession } from '../../api/session';
import { transport } from '../../api/transport';
import type { TransportRequest } from '../../api/transport.types';
import { roleDuties } from '../../lib/roles';
import SignedInPage from '../SignedInPage';

jest.mock('../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;
beforeEach(() => {
  send.mockReset();
  setSession(null, null); // each test opens the app afresh
});

const user = (id: string, name: string, role: string, unitId: string | null = 'u1') => ({
  id,
  name,
  role,
  unitId,
  unitName: unitId ? '东城街道' : null,
});
const demoUsers = [
  user('a1', '管理员甲', 'admin', null),
  user('r1', '王芳', 'reporter'),
  user('r2', '李娜', 'reporter'),
  user('l1', '张伟', 'unit_leader'),
  user('s1', '赵敏', 'supervisor', null),
  user('m1', '孙市长', 'leader', null),
];
const unauth = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };

function server(routes: Record<string, (req: TransportRequest) => unknown>) {
  send.mockImplementation(
    async (req) => routes[req.action]?.(req) ?? { ok: false, error: { code: 'NOT_FOUND', message: '?' } },
  );
}

const Page = () => (
  <SignedInPage title="我" className="me">
    {(u) => <Text>已登录：{u.name}</Text>}
  </SignedInPage>
);

describe('first open of the demo', () => {
  it('offers the five roles, each with what it does, and signs nobody in by itself', async () => {
    server({ 'me.get': () => unauth, 'auth.demoUsers': () => ({ ok: true, data: { users: demoUsers } }) });
    render(<Page />);
    await waitFor(() => expect(screen.getAllByTestId('role-option')).toHaveLength(5));
    const options = screen.getAllByTestId('role-option').map((el) => el.textContent ?? '');
    expect(options.map((t) => t.slice(0, t.indexOf('›')))).toEqual([
      '填报员',
      '单位负责人',
      '督办员',
      '市领导',
      '管理员',
    ]);
    for (const role of ['reporter', 'unit_leader', 'supervisor', 'leader', 'admin'] as const) {
      expect(screen.getByText(roleDuties[role])).toBeTruthy();
      expect(screen.getByText(roleNames[role])).toBeTruthy();
    }
    expect(screen.getByText('用账号登录 / 邀请码加入')).toBeTruthy();
    expect(send.mock.calls.map((c) => c[0].action)).not.toContain('auth.demoLogin');
    expect(screen.queryByText(/已登录/)).toBeNull();
  });

  it('a tapped role signs in as that role’s demo account and shows the page', async () => {
    server({
      'me.get': () => unauth,
      'auth.demoUsers': () => ({ ok: true, data: { users: demoUsers } }),
      'auth.demoLogin': (req) => {
        const u = demoUsers.find((d) => d.id === (req.data as { userId: string }).userId)!;
        return { ok: true, data: { token: `tok-${u.id}`, user: u } };
      },
    });
    render(<Page />);
    await waitFor(() => expect(screen.getByText('单位负责人')).toBeTruthy());
    fireEvent.click(screen.getByText('单位负责人'));
    await waitFor(() => expect(screen.getByText('已登录：张伟')).toBeTruthy());
    expect(send.mock.calls.find((c) => c[0].action === 'auth.demoLogin')![0].data).toEqual({ userId: 'l1' });
    expect(localStorage.getItem('arena.demoRole')).toContain('unit_leader');
  });

  it('a server that is not a demo asks to sign in or join, with no roles to pick', async () => {
    server({
      'me.get': () => unauth,
      'auth.demoUsers': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '非演示模式' } }),
    });
    render(<Page />);
    await waitFor(() => expect(screen.getByText('登录 / 加入')).toBeTruthy());
    expect(screen.queryByTestId('role-chooser')).toBeNull();
  });
});
