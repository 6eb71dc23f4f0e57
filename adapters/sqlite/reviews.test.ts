/**
 * What the shared suite cannot see of the SQLite reviews slice (./reviews.ts): the ledger refuses an edit from
 * anywhere, not only from the code; a step that finds the file locked by another process waits and decides on
 * what that process wrote; a write that fails half-way keeps nothing of itself; and a target's monthly
 * figures are kept as written, NULL when there are none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { DecideExplanation } from '../../core/app/reviews/store';
import type { ExplanationStatus } from '../../core/contract';
import { C1, M, U, campaignData } from '../../tests/store/fixtures';
import { deduction, explanation, interview } from '../../tests/store/reviews.cases';
import { createSqliteStore, type SqliteStore } from './store';

let dir: string;
let file: string;
let s: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-reviews-'));
  file = join(dir, 'arena.db');
  s = createSqliteStore({ file, busy: { attemptMs: 5, giveUpAfterMs: 2000 } });
});
afterEach(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Accepts a submitted explanation, noting each status it was asked to decide on. */
const accept =
  (seen: ExplanationStatus[], requestId = 'r-accept'): DecideExplanation =>
  (cur) => {
    seen.push(cur.status);
    if (cur.status !== 'submitted') return { ok: false, code: 'CONFLICT', message: `书面说明现在是 ${cur.status}` };
    return {
      ok: true,
      record: { ...cur, status: 'accepted', decidedAt: cur.updatedAt + 1, decidedById: 'user-sup', decidedByName: '赵敏' },
      event: { explanationId: cur.id, at: cur.updatedAt + 1, byId: 'user-sup', byName: '赵敏', to: 'accepted', note: '', requestId },
    };
  };

describe('sqlite reviews slice', () => {
  it('the ledger refuses an update or a delete made outside the code, and the entry stays', async () => {
    const d = deduction('e1', U.a1);
    await s.store.reviews.appendLedger([d]);
    // Matched by message: better-sqlite3's error class belongs to the first test file that loaded the addon.
    expect(() => s.db.prepare("UPDATE ledger SET points = 0 WHERE id = 'deduct:e1'").run()).toThrow(
      '考核台账只能追加，不能修改',
    );
    expect(() => s.db.prepare('DELETE FROM ledger').run()).toThrow('考核台账只能追加，不能删除');
    expect(await s.store.reviews.listLedger(C1)).toEqual([d]);
  });

  it('an explanation step that finds the file locked by another process waits, then decides on what it wrote', async () => {
    const e = explanation(U.b1, M.invest);
    await s.store.reviews.addExplanations([e]);
    const other = new BetterSqlite3(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      other.prepare("UPDATE explanations SET status = 'submitted' WHERE id = ?").run(e.id);
      const seen: ExplanationStatus[] = [];
      const pending = s.store.reviews.stepExplanation(C1, e.id, { byId: 'user-sup', requestId: 'r-accept' }, accept(seen));
      // The first attempt found the lock taken and decided nothing; it is retried once the lock is free.
      expect(seen).toEqual([]);
      other.exec('COMMIT');
      expect(await pending).toMatchObject({ ok: true, replayed: false, record: { status: 'accepted' } });
      expect(seen).toEqual(['submitted']);
    } finally {
      other.close();
    }
  });

  it('an explanation step filed under another request, or a decide that throws, writes nothing', async () => {
    const e = explanation(U.b1, M.invest, { status: 'submitted', submissions: 1 });
    await s.store.reviews.addExplanations([e]);
    // Kept under another request id, a retry of this step could never find it and would step again.
    await expect(
      s.store.reviews.stepExplanation(C1, e.id, { byId: 'user-sup', requestId: 'r-accept' }, accept([], 'r-other')),
    ).rejects.toThrow('书面说明步骤的记录与请求不一致');
    await expect(
      s.store.reviews.stepExplanation(C1, e.id, { byId: 'user-sup', requestId: 'r-accept' }, () => {
        throw new Error('规则出错');
      }),
    ).rejects.toThrow('规则出错');
    expect(await s.store.reviews.listExplanations(C1)).toEqual([e]);
    expect(await s.store.reviews.explanationHistory(C1, e.id)).toEqual([]);
  });

  it('an interview held under another request than the step is refused and writes nothing', async () => {
    const i = interview(U.a1);
    await s.store.reviews.syncInterviews(C1, '2025-04', [i]);
    await expect(
      s.store.reviews.stepInterview(C1, i.id, { byId: 'user-sup', requestId: 'r-held' }, (cur) => ({
        ok: true,
        record: { ...cur, status: 'held', heldDay: '2025-05-06', recordedById: 'user-sup', recordedByName: '赵敏', requestId: 'r-other' },
      })),
    ).rejects.toThrow('约谈记录的记录人或请求与本次请求不一致');
    expect(await s.store.reviews.listInterviews(C1)).toEqual([i]);
  });

  it("a sync given another month's interview changes nothing, not even the ones before it", async () => {
    await s.store.reviews.syncInterviews(C1, '2025-04', [interview(U.a1)]);
    const march = interview(U.b1, { id: `${C1}:2025-03:${U.b1}`, period: '2025-03' });
    await expect(
      s.store.reviews.syncInterviews(C1, '2025-04', [interview(U.a2), march]),
    ).rejects.toThrow('不属于竞赛');
    expect(await s.store.reviews.listInterviews(C1)).toEqual([interview(U.a1)]);
  });

  it('a cancelled interview flagged again is scheduled again; a repeated sync leaves its time alone', async () => {
    await s.store.reviews.syncInterviews(C1, '2025-04', [interview(U.a1)]);
    await s.store.reviews.syncInterviews(C1, '2025-04', []);
    expect((await s.store.reviews.listInterviews(C1))[0]?.status).toBe('cancelled');
    // Flagged again as it was first: only its status tells it apart from what is stored.
    const again = interview(U.a1, { updatedAt: 2_000 });
    await s.store.reviews.syncInterviews(C1, '2025-04', [again]);
    expect(await s.store.reviews.listInterviews(C1)).toEqual([again]);
    // The timer fires twice: the same schedule at another time is no change.
    await s.store.reviews.syncInterviews(C1, '2025-04', [{ ...again, updatedAt: 3_000 }]);
    expect(await s.store.reviews.listInterviews(C1)).toEqual([again]);
  });

  it("a target's monthly figures are kept as written: NULL when absent, an empty list as an empty list", async () => {
    const d = campaignData();
    d.targets[1] = { ...d.targets[1]!, monthly: [] };
    await s.store.campaigns.saveCampaign(d);
    const rows = s.db
      .prepare<[string], { metric_id: string; monthly: string | null }>(
        `SELECT metric_id, monthly FROM targets WHERE campaign_id = ? AND unit_id = '${U.a1}' ORDER BY position`,
      )
      .all(C1);
    expect(rows).toEqual([
      { metric_id: M.invest, monthly: JSON.stringify(d.targets[0]!.monthly) },
      { metric_id: M.start, monthly: '[]' },
      { metric_id: M.signed, monthly: null },
    ]);
    const loaded = await s.store.campaigns.loadCampaign(C1);
    expect(loaded?.targets[1]?.monthly).toEqual([]);
    expect(loaded?.targets[2]).not.toHaveProperty('monthly');
    expect(loaded).toEqual(d);
  });
});
