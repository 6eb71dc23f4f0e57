/**
 * The people slice in SQLite: users (an OPENID and an account each belong to one user: unique indexes),
 * sessions, and invite codes (./invites.ts).
 */
import type { Database } from 'better-sqlite3';
import type { PeopleStore, SessionRecord, UserRecord } from '../../core/app/people/store';
import { creditQueries } from './credits';
import { inviteQueries } from './invites';
import { type UserRow, toUser } from './rows';

/**
 * A taken OPENID or account is refused with an error of this module's own. (better-sqlite3's native part
 * keeps the SqliteError class of whichever context loaded it first, so its errors may not be `instanceof
 * Error` where they are caught.)
 */
function unique<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new Error(`用户的 OPENID 或账号已被占用：${String((error as { message?: unknown }).message)}`);
    throw error;
  }
}

export function peopleStore(db: Database): PeopleStore {
  const putUser = db.prepare(`
    INSERT INTO users (id, name, role, city_id, unit_id, demo, openid, account, password_hash)
    VALUES (@id, @name, @role, @cityId, @unitId, @demo, @openid, @account, @passwordHash)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, city_id = excluded.city_id,
      unit_id = excluded.unit_id, demo = excluded.demo, openid = excluded.openid, account = excluded.account,
      password_hash = excluded.password_hash`);
  const getUser = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const byOpenid = db.prepare<[string], UserRow>('SELECT * FROM users WHERE openid = ?');
  const byAccount = db.prepare<[string], UserRow>('SELECT * FROM users WHERE account = ?');
  // One statement per combination of filters: a plain WHERE that users_by_city can serve, which an
  // `@x IS NULL OR …` form would keep SQLite from using.
  const allUsers = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY id');
  const usersByDemo = db.prepare<[0 | 1], UserRow>('SELECT * FROM users WHERE demo = ? ORDER BY id');
  const usersByCity = db.prepare<[string], UserRow>('SELECT * FROM users WHERE city_id = ? ORDER BY id');
  const usersByCityDemo = db.prepare<[string, 0 | 1], UserRow>(
    'SELECT * FROM users WHERE city_id = ? AND demo = ? ORDER BY id',
  );
  const listRows = ({ cityId, demo }: { demo?: boolean; cityId?: string } = {}): UserRow[] => {
    if (cityId === undefined) return demo === undefined ? allUsers.all() : usersByDemo.all(demo ? 1 : 0);
    return demo === undefined ? usersByCity.all(cityId) : usersByCityDemo.all(cityId, demo ? 1 : 0);
  };
  const credits = creditQueries(db);
  const invites = inviteQueries(db);

  const putSession = db.prepare(`
    INSERT INTO sessions (token, user_id, expires_at) VALUES (@token, @userId, @expiresAt)
    ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at`);
  const getSession = db.prepare<[string], SessionRecord>(
    'SELECT token, user_id AS userId, expires_at AS expiresAt FROM sessions WHERE token = ?',
  );
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE token = ?');
  const deleteUserSessions = db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?');

  const one = (row: UserRow | undefined): UserRecord | null => (row ? toUser(row, credits.of(row.id)) : null);
  const writeUser = db.transaction((u: UserRecord) => {
    putUser.run({
      id: u.id,
      name: u.name,
      role: u.role,
      cityId: u.cityId,
      unitId: u.unitId,
      demo: u.demo ? 1 : 0,
      openid: u.openid ?? null,
      account: u.account ?? null,
      passwordHash: u.passwordHash ?? null,
    });
    credits.replace(u.id, u.subscribeCredits ?? {});
  });

  // `async` turns a thrown error (a taken OPENID, a constraint) into a rejected promise, as callers expect.
  return {
    putUser: async (u) => void unique(() => writeUser(u)),
    getUser: async (id) => one(getUser.get(id)),
    getUserByOpenid: async (openid) => one(byOpenid.get(openid)),
    getUserByAccount: async (account) => one(byAccount.get(account)),
    listUsers: async (filter) => {
      const rows = listRows(filter);
      const held = credits.byUser();
      return rows.map((r) => toUser(r, held.get(r.id)));
    },
    putSession: async (s) => void putSession.run(s),
    getSession: async (token) => getSession.get(token) ?? null,
    deleteSession: async (token) => void deleteSession.run(token),
    deleteUserSessions: async (userId) => void deleteUserSessions.run(userId),
    createInvite: async (invite) => invites.create(invite),
    redeemInvite: async (code, userId, at) => invites.redeem(code, userId, at),
  };
}
