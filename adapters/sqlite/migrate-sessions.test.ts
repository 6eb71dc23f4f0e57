// Migration 0007 keeps sessions under the hash of their token. SQL cannot hash the tokens already stored,
// so it drops them (everyone signs in again once); nothing else is touched, and the store then keeps
// sessions by hash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, readMigrations } from './migrate';
import { openDatabase } from './open';
import { createSqliteStore } from './store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-sessions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as the code before 0007 left it: a user with a session stored under its bearer token. */
function oldDatabase(file: string): void {
  const db = openDatabase(file);
  migrate(
    db,
    readMigrations().filter((m) => m.id < '0007'),
  );
  db.prepare(
    "INSERT INTO users (id, name, role, city_id, unit_id, demo) VALUES ('u-1', '王芳', 'reporter', 'city', NULL, 0)",
  ).run();
  db.prepare(
    "INSERT INTO sessions (token, user_id, expires_at) VALUES ('raw-bearer-token', 'u-1', 1795226400000)",
  ).run();
  db.close();
}

describe('migration 0007: sessions by token hash', () => {
  it('drops the sessions that hold tokens, keeps the users, and leaves a table keyed by hash', async () => {
    const file = join(dir, 'arena.db');
    oldDatabase(file);
    const { store, db, close } = createSqliteStore({ file });
    try {
      const applied = db.prepare<[], { id: string }>('SELECT id FROM schema_migrations ORDER BY id').all();
      expect(applied.map((r) => r.id)).toContain('0007_session_hashes');
      expect(db.prepare('SELECT * FROM sessions').all()).toEqual([]);
      const columns = db
        .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('sessions')")
        .all();
      expect(columns.map((c) => c.name)).toEqual(['token_hash', 'user_id', 'expires_at']);
      expect(await store.people.getSession('raw-bearer-token')).toBeNull();
      expect((await store.people.getUser('u-1'))?.name).toBe('王芳');

      const session = { tokenHash: 'h'.repeat(64), userId: 'u-1', expiresAt: 1_795_226_400_000 };
      await store.people.putSession(session);
      expect(await store.people.getSession(session.tokenHash)).toEqual(session);
      expect(await store.people.listUserSessions('u-1')).toEqual([session]);
      // Still removed with their user.
      db.prepare("DELETE FROM users WHERE id = 'u-1'").run();
      expect(await store.people.getSession(session.tokenHash)).toBeNull();
    } finally {
      close();
    }
  });
});
