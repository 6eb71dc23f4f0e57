/** Sends a checked join / sign-in form: a token and user on H5 go to the session; WeChat binds its OPENID. */
import type { User } from '../../../core/contract';
import { call } from '../../api/call';
import { setSession, setUser } from '../../api/session';
import type { JoinFields, JoinMode } from './check';

export async function submitJoin(mode: JoinMode, d: Partial<JoinFields>): Promise<User> {
  const s = (v: string | undefined): string => v ?? '';
  if (mode === 'bind') {
    const { user } = await call('me.bind', { inviteCode: s(d.inviteCode), name: s(d.name) });
    setUser(user);
    return user;
  }
  const { token, user } =
    mode === 'login'
      ? await call('auth.login', { account: s(d.account), password: s(d.password) })
      : await call('auth.join', {
          inviteCode: s(d.inviteCode),
          name: s(d.name),
          account: s(d.account),
          password: s(d.password),
        });
  setSession(token, user);
  return user;
}
