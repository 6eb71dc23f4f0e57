/**
 * The people slice in SQLite: users (an OPENID and an account each belong to one user: unique indexes),
 * sessions (kept under the hash of their token, never the token), and invite codes (./invites.ts).
 */
import type { Database } from 'better-sqlite3';
import type { InviteRecord, PeopleStore, SessionRecord, UserRecord } from '../../core/app/people/store';
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

  // Sessions are keyed by the hash of their token (core hashes it); the token itself never gets here.
  const putSession = db.prepare(`
    INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (@tokenHash, @userId, @expiresAt)
    ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at`);
  const sessionColumns = 'token_hash AS tokenHash, user_id AS userId, expires_at AS expiresAt';
  const getSession = db.prepare<[string], SessionRecord>(
    `SELECT ${sessionColumns} FROM sessions WHERE token_hash = ?`,
  );
  const userSessions = db.prepare<[string], SessionRecord>(
    `SELECT ${sessionColumns} FROM sessions WHERE user_id = ? ORDER BY expires_at`,
  );
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?');
  const deleteUserSessions = db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?');
  const getInvite = db.prepare<[string], InviteRecord>(`
    SELECT code, city_id AS cityId, role, unit_id AS unitId, created_by AS createdBy, created_at AS createdAt,
      expires_at AS expiresAt, used_by AS usedBy, used_at AS usedAt
    FROM invites WHERE code = ?`);

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
    getSession: async (tokenHash) => getSession.get(tokenHash) ?? null,
    deleteSession: async (tokenHash) => void deleteSession.run(tokenHash),
    listUserSessions: async (userId) => userSessions.all(userId),
    deleteUserSessions: async (userId) => void deleteUserSessions.run(userId),
    createInvite: async (invite) => invites.create(invite),
    getInvite: async (code) => getInvite.get(code) ?? null,
    redeemInvite: async (code, userId, at) => invites.redeem(code, userId, at),
  };
}
