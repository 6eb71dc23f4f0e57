/**
 * Posts that reach the SQLite store together share one transaction (group commit, ./posts.ts): each must
 * still behave as if it were committed alone, in the order it arrived — decided on what the posts before it
 * wrote, replayed or refused by its requestId, failing alone when it throws — and none may be answered
 * before the data is on disk: a batch that cannot commit fails whole and leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { C1, M, U, campaignData, commit, draft } from '../../tests/store/fixtures';
import { decideFigures } from '../../core/app/posts/decide-figures';
import { createSqliteStore, type SqliteStore } from './store';

let dir: string;
let s: SqliteStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arena-group-commit-'));
  s = createSqliteStore({ file: join(dir, 'arena.db'), busy: { attemptMs: 5, giveUpAfterMs: 60 } });
  await s.store.campaigns.saveCampaign(campaignData());
});
afterEach(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

const feed = async () => (await s.store.posts.listPosts({ campaignId: C1, limit: 50 })).items;
const version = () => s.store.standings.dataVersion(C1);

describe('sqlite group commit', () => {
  it('decides each post of a batch on the figures the posts before it wrote', async () => {
    const data = campaignData();
    const posts = [10, 20, 15].map((value, i) =>
      draft({
        unitId: U.a1,
        day: '2025-03-03',
        requestId: `r${i}`,
        figures: [{ metricId: M.invest, value }],
      }),
    );
    // Sent together: one turn of the event loop, one batch.
    const results = await Promise.all(posts.map((d) => s.store.posts.commitPost(d, decideFigures(data, d))));
    expect(results[0]).toMatchObject({ ok: true, post: { figures: [{ value: 10, previous: null }] } });
    expect(results[1]).toMatchObject({ ok: true, post: { figures: [{ value: 20, previous: 10 }] } });
    // Lowering the running total the second post left, without a reason: refused, and nothing of it written.
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await feed()).map((p) => p.figures[0]?.value)).toEqual([20, 10]);
    const latest = await s.store.standings.latestFigures(C1);
    expect(latest.find((f) => f.unitId === U.a1 && f.metricId === M.invest)?.value).toBe(20);
  });

  it('replays a requestId sent twice in one batch, and refuses other content under it', async () => {
    const first = draft({
      unitId: U.a1,
      day: '2025-03-03',
      requestId: 'same',
      figures: [{ metricId: M.invest, value: 1 }],
    });
    const other = { ...first, text: '另一条内容' };
    const [a, b, c] = await Promise.all([
      commit(s.store, first),
      commit(s.store, first),
      commit(s.store, other),
    ]);
    expect(a).toMatchObject({ ok: true, replayed: false });
    expect(b).toEqual({ ok: true, post: a?.ok ? a.post : null, replayed: true });
    expect(c).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await feed()).toHaveLength(1);
  });

  it('fails only the post that throws; the others of its batch are written', async () => {
    const good = (i: number) =>
      draft({
        unitId: U.a2,
        day: '2025-03-03',
        requestId: `ok${i}`,
        figures: [{ metricId: M.invest, value: i }],
      });
    const broken = { ...good(9), requestId: 'broken', createdAt: 'not a time' };
    const before = await version();
    const results = await Promise.allSettled([
      commit(s.store, good(1)),
      commit(s.store, broken),
      commit(s.store, good(2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await feed()).map((p) => p.requestId).sort()).toEqual(['ok1', 'ok2']);
    // Two posts, two versions: nothing of the broken one stayed (its savepoint was rolled back).
    expect(await version()).toBe(before + 2);
  });

  it('answers no post of a batch that cannot commit, and leaves nothing of it behind', async () => {
    // Another process holds the write lock for longer than the store waits.
    const other = new BetterSqlite3(join(dir, 'arena.db'));
    other.exec('BEGIN IMMEDIATE');
    const before = await version();
    const posts = [1, 2, 3].map((i) =>
      draft({
        unitId: U.b1,
        day: '2025-03-03',
        requestId: `locked${i}`,
        figures: [{ metricId: M.invest, value: i }],
      }),
    );
    const results = await Promise.allSettled(posts.map((d) => commit(s.store, d)));
    expect(
      results.map((r) => (r.status === 'rejected' ? (r.reason as { reason?: string }).reason : 'written')),
    ).toEqual(['locked', 'locked', 'locked']);
    other.exec('ROLLBACK');
    other.close();
    expect(await feed()).toEqual([]);
    expect(await version()).toBe(before);
    // The lock gone, the same posts go through.
    const again = await Promise.all(posts.map((d) => commit(s.store, d)));
    expect(again.every((r) => r.ok && !r.replayed)).toBe(true);
    expect(await feed()).toHaveLength(3);
  });
});
