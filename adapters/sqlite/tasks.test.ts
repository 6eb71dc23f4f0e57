/**
 * What the shared suite cannot see of the SQLite tasks slice (./tasks.ts): a step that finds the file locked
 * by another process waits and decides on what that process wrote, and a write that fails half-way keeps
 * nothing of itself, the data version included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { DecideStep, ProblemEventRecord } from '../../core/app/tasks/store';
import type { ProblemStatus } from '../../core/contract';
import { C1, campaignData } from '../../tests/store/fixtures';
import { problem, raised, task } from '../../tests/store/tasks.cases';
import { createSqliteStore, type SqliteStore } from './store';

let dir: string;
let file: string;
let s: SqliteStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arena-tasks-'));
  file = join(dir, 'arena.db');
  s = createSqliteStore({ file, busy: { attemptMs: 5, giveUpAfterMs: 2000 } });
  await s.store.campaigns.saveCampaign(campaignData(C1));
  await s.store.tasks.saveTask(task('task-1'));
});
afterEach(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

const toClosed =
  (seen: ProblemStatus[], event: Partial<ProblemEventRecord> = {}): DecideStep =>
  (current) => {
    seen.push(current.status);
    if (current.status !== 'resolved')
      return { ok: false, code: 'CONFLICT', message: `难题现在是 ${current.status}` };
    return {
      ok: true,
      problem: { ...current, status: 'closed', closedDay: '2025-04-08', updatedAt: current.updatedAt + 1 },
      event: {
        problemId: current.id,
        at: current.updatedAt + 1,
        byId: 'user-sup',
        byName: '陈督导',
        from: 'resolved',
        to: 'closed',
        note: '同意销号',
        requestId: 'r-close',
        ...event,
      },
    };
  };

describe('sqlite tasks slice', () => {
  it('a step that finds the file locked by another process waits, then decides on what that process wrote', async () => {
    const p = problem('p-1', { status: 'resolved' });
    await s.store.tasks.createProblem(p, raised(p));
    const other = new BetterSqlite3(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      other.prepare("UPDATE problems SET status = 'reopened' WHERE id = 'p-1'").run();
      const seen: ProblemStatus[] = [];
      const pending = s.store.tasks.stepProblem(
        C1,
        'p-1',
        { byId: 'user-sup', requestId: 'r-close' },
        toClosed(seen),
      );
      // The first attempt found the lock taken and decided nothing; it is retried once the lock is free.
      expect(seen).toEqual([]);
      other.exec('COMMIT');
      expect(await pending).toEqual({ ok: false, code: 'CONFLICT', message: '难题现在是 reopened' });
      expect(seen).toEqual(['reopened']);
      expect(await s.store.tasks.problemHistory(C1, 'p-1')).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('a problem raised in a campaign that does not exist is refused and leaves nothing', async () => {
    const p = problem('p-1', { campaignId: 'c-missing' });
    // Matched by its message: better-sqlite3's error class comes from the first test file that loaded the
    // addon, so it is not an Error of this file's realm and toThrow() would not see it.
    await expect(s.store.tasks.createProblem(p, raised(p))).rejects.toHaveProperty(
      'message',
      expect.stringContaining('FOREIGN KEY'),
    );
    expect(await s.store.tasks.listProblems('c-missing')).toEqual([]);
    expect(await s.store.tasks.problemHistory('c-missing', 'p-1')).toEqual([]);
  });

  it('a step whose event is filed under another request is refused and writes nothing', async () => {
    const p = problem('p-1', { status: 'resolved' });
    await s.store.tasks.createProblem(p, raised(p));
    const version = await s.store.standings.dataVersion(C1);
    // Kept under another request id, a retry of this step could never find it and would step again.
    await expect(
      s.store.tasks.stepProblem(
        C1,
        'p-1',
        { byId: 'user-sup', requestId: 'r-close' },
        toClosed([], { requestId: 'r-other' }),
      ),
    ).rejects.toThrow('难题步骤的记录与请求不一致');
    expect(await s.store.tasks.getProblem(C1, 'p-1')).toEqual(p);
    expect(await s.store.tasks.problemHistory(C1, 'p-1')).toHaveLength(1);
    expect(await s.store.standings.dataVersion(C1)).toBe(version);
  });
});
