/**
 * What the shared suite cannot see of the SQLite social slice (./social.ts): a page's reactions cost three
 * index searches however many posts and likes there are; a like or a comment that finds the file locked by
 * another process waits, then counts or replays on what that process wrote; the exemplar cursor by track and
 * when it does not decode; a mark filed under another post is refused; and posts by more ids than SQLite
 * takes parameters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { C1, U, campaignData, commitOk, draft } from '../../tests/store/fixtures';
import { comment, exemplar } from '../../tests/store/social.cases';
import { migrate, readMigrations } from './migrate';
import { openDatabase } from './open';
import { socialStore } from './social';
import { createSqliteStore, type SqliteStore } from './store';

const T0 = 1_747_000_000_000;

/** Every statement the slice runs, by its SQL, counted as it runs. */
function countRuns(db: Database): string[] {
  const ran: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const st = prepare(sql) as Statement<unknown[]>;
    for (const m of ['all', 'get', 'run'] as const) {
      const real = st[m].bind(st) as (...a: unknown[]) => unknown;
      Object.assign(st, { [m]: (...a: unknown[]) => (ran.push(sql), real(...a)) });
    }
    return st;
  }) as Database['prepare'];
  return ran;
}

describe('sqlite social slice: a page of reactions', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
    migrate(db, readMigrations());
  });
  afterEach(() => db.close());

  it("answers 500 posts' reactions in three index searches, whatever the campaign's other likes", async () => {
    const ran = countRuns(db);
    const social = socialStore(db);
    // A busy campaign: thousands of likes and comments on posts off the page.
    const fill = db.transaction(() => {
      const like = db.prepare('INSERT INTO likes (campaign_id, post_id, user_id, at) VALUES (?, ?, ?, ?)');
      for (let i = 0; i < 5000; i += 1) like.run(C1, `old-${i % 50}`, `u${i}`, T0);
    });
    fill();
    const ids = Array.from({ length: 500 }, (_, i) => `p-${i}`);
    for (let i = 0; i < 500; i += 7) await social.setLike(C1, `p-${i}`, 'me', true, T0);
    await social.setLike(C1, 'p-1', 'other', true, T0);
    await social.setLike(C1, 'p-7', 'other', true, T0);
    await social.addComment(comment('c-1', { postId: 'p-499' }));
    await social.addComment(comment('c-2', { postId: 'p-499', requestId: 'r-2' }));
    await social.setExemplar(C1, 'p-250', exemplar('p-250'));

    ran.length = 0;
    const got = await social.socialOf(C1, [...ids, 'p-1'], 'me');
    expect(ran).toHaveLength(3);
    expect(got.size).toBe(500);
    expect(got.get('p-0')).toEqual({ likes: 1, likedByMe: true, comments: 0, exemplar: null });
    expect(got.get('p-1')).toEqual({ likes: 1, likedByMe: false, comments: 0, exemplar: null });
    expect(got.get('p-7')).toEqual({ likes: 2, likedByMe: true, comments: 0, exemplar: null });
    expect(got.get('p-499')).toEqual({ likes: 0, likedByMe: false, comments: 2, exemplar: null });
    expect(got.get('p-250')?.exemplar).toEqual(exemplar('p-250'));
    expect([...got.values()].filter((s) => s.likedByMe)).toHaveLength(72);
    // Each of the three reads searches an index by campaign and post: none walks a whole table.
    for (const sql of new Set(ran)) {
      const plan = db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null))
        .map((r) => r.detail);
      expect(plan.filter((d) => /^SCAN (likes|comments|exemplars)/.test(d))).toEqual([]);
      expect(plan.some((d) => /^SEARCH (likes|comments|exemplars) .*post_id=\?/.test(d))).toBe(true);
    }
  });
});

describe('sqlite social slice: on a file', () => {
  let dir: string;
  let file: string;
  let s: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'arena-social-'));
    file = join(dir, 'arena.db');
    s = createSqliteStore({ file, busy: { attemptMs: 5, giveUpAfterMs: 2000 } });
  });
  afterEach(() => {
    s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a like racing the same like from another process counts once, with every like that process wrote', async () => {
    const other = new BetterSqlite3(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const like = other.prepare('INSERT INTO likes (campaign_id, post_id, user_id, at) VALUES (?, ?, ?, ?)');
      like.run(C1, 'p-1', 'u1', T0);
      like.run(C1, 'p-1', 'u2', T0);
      const pending = s.store.social.setLike(C1, 'p-1', 'u1', true, T0 + 5);
      other.exec('COMMIT');
      // Counted after the wait, inside its own write: the other process's two likes, u1's once.
      expect(await pending).toEqual({ likes: 2, likedByMe: true });
      expect((await s.store.social.socialOf(C1, ['p-1'], 'u1')).get('p-1')).toMatchObject({ likes: 2, likedByMe: true });
      // The first like is kept: liking again does not move it.
      expect(other.prepare("SELECT at FROM likes WHERE user_id = 'u1'").pluck().get()).toBe(T0);
    } finally {
      other.close();
    }
  });

  it('a comment retried while another process writes its first attempt replays that one, not a second', async () => {
    const first = comment('c-first', { requestId: 'r-1' });
    const other = new BetterSqlite3(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      other
        .prepare(
          `INSERT INTO comments (campaign_id, id, city_id, post_id, author_id, author_name, author_role, text, remark,
            flagged, created_at, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
        )
        .run(C1, first.id, first.cityId, first.postId, first.authorId, first.authorName, first.authorRole, first.text, first.createdAt, first.requestId);
      const pending = s.store.social.addComment({ ...first, id: 'c-retry', createdAt: T0 + 9 });
      other.exec('COMMIT');
      // Looked up inside the write that waited for the lock: the first attempt, and no constraint error.
      expect(await pending).toEqual({ comment: first, replayed: true });
      expect(await s.store.social.listComments(C1, first.postId)).toEqual([first]);
    } finally {
      other.close();
    }
  });

  it('a comment whose id is taken by another request is refused and leaves the first as it was', async () => {
    const first = comment('c-1');
    await s.store.social.addComment(first);
    // Matched by message: better-sqlite3's error class belongs to the first test file that loaded the addon.
    await expect(s.store.social.addComment(comment('c-1', { requestId: 'r-other', text: '另一条' }))).rejects.toHaveProperty(
      'message',
      expect.stringContaining('UNIQUE'),
    );
    expect(await s.store.social.listComments(C1, first.postId)).toEqual([first]);
  });
});

describe('sqlite social slice: exemplars and posts by id', () => {
  let s: SqliteStore;
  beforeEach(() => {
    s = createSqliteStore({ file: ':memory:' });
  });
  afterEach(() => s.close());

  it("pages one track's marks newest first, without the other tracks' and without gaps or repeats", async () => {
    for (let i = 0; i < 9; i += 1) {
      const trackIds = i % 3 === 0 ? ['t-invite'] : ['t-build'];
      await s.store.social.setExemplar(C1, `p-${i}`, exemplar(`p-${i}`, { at: T0 + Math.floor(i / 3), trackIds }));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 10; n += 1) {
      const page = await s.store.social.listExemplars(C1, { trackId: 't-build', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.postId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Newest first; marks of the same moment by post id, the later id first.
    expect(seen).toEqual(['p-8', 'p-7', 'p-5', 'p-4', 'p-2', 'p-1']);
  });

  it('a cursor that does not decode is the end of the list, not an error', async () => {
    await s.store.social.setExemplar(C1, 'p-1', exemplar('p-1'));
    for (const cursor of ['', 'not a cursor', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{').toString('base64url')])
      expect(await s.store.social.listExemplars(C1, { cursor, limit: 5 })).toEqual({ items: [], nextCursor: null });
  });

  it('a mark filed under another post is refused, and the post keeps its own', async () => {
    await s.store.social.setExemplar(C1, 'p-1', exemplar('p-1'));
    await expect(s.store.social.setExemplar(C1, 'p-1', exemplar('p-2', { reason: '别的' }))).rejects.toThrow(
      '经验做法标记属于',
    );
    expect((await s.store.social.listExemplars(C1, { limit: 5 })).items).toEqual([exemplar('p-1')]);
  });

  it('posts by more ids than SQLite takes parameters, in one call', async () => {
    await s.store.campaigns.saveCampaign(campaignData());
    const a = await commitOk(s.store, draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r-a', figures: [] }));
    const b = await commitOk(s.store, draft({ unitId: U.b1, day: '2025-03-04', requestId: 'r-b', figures: [] }));
    const ids = [...Array.from({ length: 40_000 }, (_, i) => `none-${i}`), b.id, a.id, a.id];
    const got = await s.store.posts.getPosts(C1, ids);
    expect(got.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(got.find((p) => p.id === a.id)).toEqual(a);
  });
});
