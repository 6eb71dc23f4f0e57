// Migrations run at start, forward only; a database the code does not understand is refused.
// A file store keeps everything across a restart, with the pragmas the arena relies on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { C1, CITY, M, U, campaignData, commit, commitOk, draft, users } from '../../tests/store/fixtures';
import { migrate, readMigrations, type Migration } from './migrate';
import { openDatabase } from './open';
import { createSqliteStore } from './store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const appliedIds = (file: string) => {
  const db = new BetterSqlite3(file);
  try {
    return db
      .prepare<[], { id: string }>('SELECT id FROM schema_migrations ORDER BY id')
      .all()
      .map((r) => r.id);
  } finally {
    db.close();
  }
};

const toy: Migration[] = [
  { id: '0001_a', sql: 'CREATE TABLE a (x INTEGER);' },
  { id: '0002_b', sql: 'CREATE TABLE b (y INTEGER);' },
  { id: '0003_c', sql: 'CREATE TABLE c (z INTEGER);' },
];

describe('migrations', () => {
  it('a fresh database gets every shipped migration, recorded in order', () => {
    const shipped = readMigrations().map((m) => m.id);
    expect(shipped[0]).toBe('0001_init');
    const file = join(dir, 'arena.db');
    createSqliteStore({ file }).close();
    expect(appliedIds(file)).toEqual(shipped);
  });

  it('re-opening an up-to-date database applies nothing', () => {
    const file = join(dir, 'arena.db');
    createSqliteStore({ file }).close();
    const db = openDatabase(file);
    expect(migrate(db)).toEqual([]);
    db.close();
    expect(appliedIds(file)).toEqual(readMigrations().map((m) => m.id));
  });

  it('a migration added to the code is applied on the next start, and only it', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db, toy.slice(0, 2))).toEqual(['0001_a', '0002_b']);
    expect(migrate(db, toy)).toEqual(['0003_c']);
    expect(db.prepare('SELECT count(*) AS n FROM c').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database that applied a migration this code does not know', () => {
    const file = join(dir, 'arena.db');
    createSqliteStore({ file }).close();
    const db = new BetterSqlite3(file);
    db.prepare("INSERT INTO schema_migrations (id, applied_at) VALUES ('9999_future', 'later')").run();
    db.close();
    expect(() => createSqliteStore({ file })).toThrow('数据库已应用本程序不认识的迁移：9999_future');
  });

  it('refuses a database whose applied migrations skip one the code has', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [toy[0]!, toy[2]!]);
    expect(() => migrate(db, toy)).toThrow('缺少 0002_b');
    db.close();
  });

  it('a failing migration leaves the database as it was: all pending ones or none', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, toy.slice(0, 1));
    const broken = [...toy.slice(0, 2), { id: '0003_broken', sql: 'CREATE TABLE oops (' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare<[], { id: string }>('SELECT id FROM schema_migrations').all()).toEqual([
      { id: '0001_a' },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").all()).toEqual([]);
    db.close();
  });

  it('refuses a migration file whose name is not numbered', () => {
    writeFileSync(join(dir, '0001_init.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'init-users.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow('迁移文件名不合规：init-users.sql');
  });
});

describe('upgrading a database of issue 2 (0002_join_notify)', () => {
  it('keeps users and posts, and fills each unit’s latest post day from the posts already there', async () => {
    const file = join(dir, 'arena.db');
    const old = openDatabase(file);
    migrate(
      old,
      readMigrations().filter((m) => m.id === '0001_init'),
    );
    old.exec(`
      INSERT INTO campaigns (id, name, start_date, end_date, timezone, weights) VALUES ('${C1}', 'c', '2025-03-01', '2025-06-08', 'Asia/Shanghai', '{}');
      INSERT INTO users (id, name, role, unit_id, demo) VALUES ('u-old', '老用户', 'reporter', '${U.a1}', 0);`);
    const insertPost =
      old.prepare(`INSERT INTO posts (id, campaign_id, unit_id, author_id, author_name, created_at, created_ms, day,
      figures, text, photos, correction_reason, request_id) VALUES (?, '${C1}', ?, 'u-old', '老用户', ?, ?, ?, '[]', '旧动态', '[]', NULL, ?)`);
    for (const [id, unit, day] of [
      ['p1', U.a1, '2025-03-03'],
      ['p2', U.a1, '2025-03-07'],
      ['p3', U.b1, '2025-03-05'],
    ] as const) {
      const at = `${day}T02:00:00.000Z`;
      insertPost.run(id, unit, at, Date.parse(at), day, `req-${id}`);
    }
    old.close();

    const s = createSqliteStore({ file });
    // Written before cities existed: the user belongs to the default city (0006_cities).
    expect(await s.store.people.getUser('u-old')).toEqual({
      id: 'u-old',
      name: '老用户',
      role: 'reporter',
      cityId: 'city',
      unitId: U.a1,
    });
    expect(await s.store.posts.lastPostDays(C1)).toEqual(
      new Map([
        [U.a1, '2025-03-07'],
        [U.b1, '2025-03-05'],
      ]),
    );
    const posts = (await s.store.posts.listPosts({ campaignId: C1, limit: 5 })).items;
    expect(posts.map((p) => [p.id, p.flagged])).toEqual([
      ['p2', undefined],
      ['p3', undefined],
      ['p1', undefined],
    ]);
    s.close();
  });
});

describe('file store', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const s = createSqliteStore({ file: join(dir, 'arena.db') });
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    s.close();
  });

  it('keeps campaigns, people, posts and figures across close and reopen', async () => {
    const file = join(dir, 'arena.db');
    const first = createSqliteStore({ file });
    await first.store.campaigns.saveCampaign(campaignData());
    await first.store.campaigns.saveCity({ id: CITY, name: '永康市' });
    expect(await first.store.campaigns.setCurrentCampaign(CITY, C1)).toBe(true);
    await first.store.people.putUser(users[0]!);
    await first.store.people.putSession({
      tokenHash: 'hash-1',
      userId: users[0]!.id,
      expiresAt: 1_767_225_600_000,
    });
    const d = draft({
      unitId: U.a1,
      day: '2025-03-03',
      requestId: 'req-1',
      figures: [{ metricId: M.invest, value: 1.5 }],
    });
    const post = await commitOk(first.store, d);
    const version = await first.store.standings.dataVersion(C1);
    first.close();

    const again = createSqliteStore({ file });
    expect(await again.store.campaigns.loadCampaign(C1)).toEqual(campaignData());
    expect(await again.store.campaigns.getCity(CITY)).toEqual({
      id: CITY,
      name: '永康市',
      currentCampaignId: C1,
    });
    expect(await again.store.people.getUser(users[0]!.id)).toEqual(users[0]);
    expect(await again.store.people.getSession('hash-1')).toEqual({
      tokenHash: 'hash-1',
      userId: users[0]!.id,
      expiresAt: 1_767_225_600_000,
    });
    expect((await again.store.posts.listPosts({ campaignId: C1, limit: 10 })).items).toEqual([post]);
    expect(await again.store.standings.latestFigures(C1)).toEqual([
      { unitId: U.a1, metricId: M.invest, value: 1.5, day: '2025-03-03' },
    ]);
    expect(await again.store.standings.dataVersion(C1)).toBe(version);
    expect(await commit(again.store, d)).toEqual({ ok: true, post, replayed: true });
    again.close();
  });
});
