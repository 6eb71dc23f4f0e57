/** Users and sessions in SQLite. */
import type { Database } from 'better-sqlite3';
import type { SessionRecord, UserRecord } from '../../core/app/ports';
import { type UserRow, toUser } from './rows';

export function peopleQueries(db: Database) {
  const putUser = db.prepare(`
    INSERT INTO users (id, name, role, unit_id, demo) VALUES (@id, @name, @role, @unitId, @demo)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
      unit_id = excluded.unit_id, demo = excluded.demo`);
  const getUser = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const allUsers = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY id');
  const usersByDemo = db.prepare<[0 | 1], UserRow>('SELECT * FROM users WHERE demo = ? ORDER BY id');

  const putSession = db.prepare(`
    INSERT INTO sessions (token, user_id, expires_at) VALUES (@token, @userId, @expiresAt)
    ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at`);
  const getSession = db.prepare<[string], SessionRecord>(
    'SELECT token, user_id AS userId, expires_at AS expiresAt FROM sessions WHERE token = ?',
  );
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE token = ?');

  return {
    putUser: (u: UserRecord) => void putUser.run({ ...u, demo: u.demo ? 1 : 0 }),
    getUser: (id: string): UserRecord | null => {
      const row = getUser.get(id);
      return row ? toUser(row) : null;
    },
    listUsers: (filter?: { demo?: boolean }): UserRecord[] => {
      const rows = filter?.demo === undefined ? allUsers.all() : usersByDemo.all(filter.demo ? 1 : 0);
      return rows.map(toUser);
    },
    putSession: (s: SessionRecord) => void putSession.run(s),
    getSession: (token: string): SessionRecord | null => getSession.get(token) ?? null,
    deleteSession: (token: string) => void deleteSession.run(token),
  };
}
