/**
 * Demo users exist for demo mode only. With it off (ARENA_DEMO=0 on a store that still holds the demo
 * data), a demo user is no one: their sessions, an OPENID bound to them and a password they might have
 * all answer UNAUTHENTICATED, so nothing made in demo mode (a demo admin's invite, say) can be reached
 * through them. Their records and sessions stay in the store, unusable, and work again if demo mode is
 * turned back on. `demoOffNotice` tells the host what turning demo off has disabled, for its start log.
 */
import { fail } from '../../contract';
import type { Deps, Settings } from '../ports';
import type { UserRecord } from './store';

export const demoUsable = (settings: Settings, user: UserRecord): boolean =>
  user.demo !== true || settings.demo;

export const demoDisabled = fail('UNAUTHENTICATED', '演示模式已关闭，演示账号不能再使用：请用正式账号登录。');

/** What the start log says when demo mode is off on a store with demo users. */
export interface DemoOffNotice {
  level: 'warn';
  msg: 'demo users disabled';
  /** Demo users in the store, none of whom can act now. */
  demoUsers: number;
  /** Their sessions that have not expired: each now answers UNAUTHENTICATED. */
  liveDemoSessions: number;
  /** The same, for the operator, in Chinese and English. */
  detail: string;
}

/**
 * With demo mode off and demo users in the store: the log fields to say what is disabled (hosts log it
 * once at start: `const n = await demoOffNotice(deps); if (n) log(n);`). Null when demo mode is on or the
 * store has no demo user. Reads only.
 */
export async function demoOffNotice(
  deps: Pick<Deps, 'store' | 'clock' | 'settings'>,
): Promise<DemoOffNotice | null> {
  if (deps.settings.demo) return null;
  const users = await deps.store.people.listUsers({ demo: true });
  if (users.length === 0) return null;
  const now = deps.clock.now();
  let live = 0;
  for (const user of users) {
    live += (await deps.store.people.listUserSessions(user.id)).filter((s) => s.expiresAt > now).length;
  }
  return {
    level: 'warn',
    msg: 'demo users disabled',
    demoUsers: users.length,
    liveDemoSessions: live,
    detail:
      `演示模式已关闭：库中 ${users.length} 个演示账号及其 ${live} 个未过期的登录已不可用（重新开启演示模式前一直如此）` +
      ` / demo mode is off: ${users.length} demo users and their ${live} unexpired sessions cannot be used`,
  };
}
