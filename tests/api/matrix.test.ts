/**
 * The authorization matrix: every action of the router's table × every kind of caller × every state a
 * credential can be in. Generated from the table itself, so an action without a line in `policy` fails
 * here before it can ship unguarded. For each cell: the answer the caller must get, no 500, and — for
 * every refusal — not one row changed in the database.
 */
import type { ActionName, ErrorCode, Result, Role } from '../../core/contract';
import { roles } from '../../core/contract';
import { routes } from '../../core/app/router';
import { createSqliteStore } from '../../adapters/sqlite';
import { rid, testArena } from '../app/arena';
import { fingerprint } from './fingerprint';
import { person, policy, seedPolicyFixtures } from './policy';

type Arena = Awaited<ReturnType<typeof testArena>>;

/** The states a credential can be in, besides live. */
const deadStates = ['no token', 'bad token', 'logged out', 'expired', 'demo user, demo off'] as const;
type DeadState = (typeof deadStates)[number];

let sqlite: ReturnType<typeof createSqliteStore>;
let t: Arena;
/** The same store a year earlier: sessions it makes have expired by the time of the matrix. */
let old: Arena;
let ipNo = 0;
/** Every call from its own address, so per-address budgets for failures never decide a cell. */
const from = (token: string | null) => ({ token, ip: `10.9.${(ipNo >> 8) & 255}.${ipNo++ & 255}` });

/** A credential of `role` in `state`, made afresh for each cell (a cell may end the session it is given). */
async function credential(state: DeadState, role: Role): Promise<string | null> {
  switch (state) {
    case 'no token':
      return null;
    case 'bad token':
      return `not-a-token-${role}`;
    case 'logged out': {
      const token = await t.login(person(role, false));
      const out = await t.call('me.logout', {}, from(token));
      if (!out.ok) throw new Error(`logout failed: ${out.error.message}`);
      return token;
    }
    case 'expired':
      return old.login(person(role, false));
    case 'demo user, demo off':
      return t.login(person(role, true));
  }
}

beforeAll(async () => {
  sqlite = createSqliteStore({ file: ':memory:' });
  old = await testArena(sqlite.store, {
    now: '2024-08-01T02:00:00Z',
    settings: { demo: false, sessionTtlMs: 30 * 86_400_000 },
  });
  t = await testArena(sqlite.store, { settings: { demo: false } });
  for (const role of roles) {
    await t.store.people.putUser(person(role, false));
    await t.store.people.putUser(person(role, true));
  }
  await seedPolicyFixtures(t.store);
});
afterAll(() => sqlite.close());

const codeOf = (r: Result<unknown>): ErrorCode | 'OK' => (r.ok ? 'OK' : r.error.code);

it('has a line for every action in the router’s table, and none for an action that is gone', () => {
  expect(Object.keys(policy).sort()).toEqual(Object.keys(routes).sort());
});

describe.each(Object.keys(routes) as ActionName[])('%s', (action) => {
  const line = policy[action];

  it.each([...roles])('a %s with a live session gets the answer its role allows', async (role) => {
    const token = await t.login(person(role, false));
    const before = fingerprint(sqlite.db);
    const r = await t.call(action, line.data(role), from(token));
    const code = codeOf(r);
    expect(code).not.toBe('INTERNAL');
    expect(code).not.toBe('UNAUTHENTICATED');
    if (line.allowed === 'anyone') return;
    if (line.allowed === 'user' || line.allowed.includes(role)) {
      expect(r).toMatchObject({ ok: true });
    } else {
      expect(code).toBe('FORBIDDEN');
      expect(fingerprint(sqlite.db)).toEqual(before);
    }
  });

  it.each(deadStates.flatMap((state) => roles.map((role) => [state, role] as const)))(
    'with %s (%s): refused unless the action needs no sign-in, and nothing changes',
    async (state, role) => {
      const token = await credential(state, role);
      // An expired session may be cleared away when it is shown; nothing else may change.
      const omit = state === 'expired' ? ['sessions'] : [];
      const before = fingerprint(sqlite.db, omit);
      const r = await t.call(action, line.data(role), from(token));
      expect(codeOf(r)).not.toBe('INTERNAL');
      if (line.allowed === 'anyone') return;
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(fingerprint(sqlite.db, omit)).toEqual(before);
    },
  );

  it('from a WeChat user not bound yet: only what the first-run page needs', async () => {
    const before = fingerprint(sqlite.db);
    const r = await t.call(action, line.data('reporter'), { openid: `o-unbound-${rid()}` });
    expect(codeOf(r)).not.toBe('INTERNAL');
    if (line.allowed === 'anyone') return;
    if (action === 'campaign.current') {
      expect(r).toMatchObject({ ok: true });
      return;
    }
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(fingerprint(sqlite.db)).toEqual(before);
  });

  it('from a WeChat user bound to a demo account while demo mode is off: refused, nothing changes', async () => {
    const openid = `o-demo-${rid()}`;
    await t.store.people.putUser({ ...person('admin', true), id: `m-demo-wx-${openid}`, openid });
    const before = fingerprint(sqlite.db);
    const r = await t.call(action, line.data('admin'), { openid });
    expect(codeOf(r)).not.toBe('INTERNAL');
    if (line.allowed === 'anyone') return;
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(fingerprint(sqlite.db)).toEqual(before);
  });
});
