// Migration 0004 counts subscription credits per template. A database from before it keeps every consent:
// the single count moves under '*' (any template may spend it), a user without one gets none, and the
// store then works on the new table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, readMigrations } from './migrate';
import { openDatabase } from './open';
import { createSqliteStore } from './store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-credits-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as the code before 0004 left it, with three users: 3 credits, 0 credits, never consented. */
function oldDatabase(file: string): void {
  const before = readMigrations().filter((m) => m.id < '0004');
  const db = openDatabase(file);
  migrate(db, before);
  const add = db.prepare(
    "INSERT INTO users (id, name, role, unit_id, demo, openid, subscribe_credits) VALUES (?, ?, 'reporter', NULL, 0, ?, ?)",
  );
  add.run('u-three', '王芳', 'o-three', 3);
  add.run('u-zero', '李强', 'o-zero', 0);
  add.run('u-never', '赵敏', null, null);
  db.close();
}

describe('migration 0004: credits per template', () => {
  it('carries each user’s single count forward under "*", and nothing for users without one', async () => {
    const file = join(dir, 'arena.db');
    oldDatabase(file);
    const { store, close } = createSqliteStore({ file });
    try {
      expect((await store.people.getUser('u-three'))?.subscribeCredits).toEqual({ '*': 3 });
      expect((await store.people.getUserByOpenid('o-three'))?.subscribeCredits).toEqual({ '*': 3 });
      const listed = new Map((await store.people.listUsers()).map((u) => [u.id, u.subscribeCredits]));
      expect(listed).toEqual(new Map([['u-never', undefined], ['u-three', { '*': 3 }], ['u-zero', undefined]]));
      // Spent and added like any credits afterwards.
      expect(await store.notifications.addSubscribeCredits('u-three', { '*': -1, tplA: 1 })).toEqual({ '*': 2, tplA: 1 });
      expect(await store.notifications.addSubscribeCredits('u-zero', { tplA: 1 })).toEqual({ tplA: 1 });
    } finally {
      close();
    }
  });

  it('drops the old column: a user put after the migration round-trips with its map', async () => {
    const file = join(dir, 'arena.db');
    oldDatabase(file);
    const { store, db, close } = createSqliteStore({ file });
    try {
      const columns = db.prepare<[], { name: string }>('PRAGMA table_info(users)').all().map((c) => c.name);
      expect(columns).not.toContain('subscribe_credits');
      const user = { id: 'u-new', name: '孙立', role: 'reporter' as const, cityId: 'city', unitId: null, subscribeCredits: { tplB: 2 } };
      await store.people.putUser(user);
      expect(await store.people.getUser('u-new')).toEqual(user);
    } finally {
      close();
    }
  });
});
